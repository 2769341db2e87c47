import { LIMITS } from '@circlewise/shared/constants';
import { useState } from 'react';
import { useT } from '../i18n';

/** Name (and optionally code) before a phone's first join. */
export function JoinForm({
  initialCode = '',
  askCode,
  onJoin,
}: {
  initialCode?: string;
  askCode: boolean;
  onJoin: (code: string, name: string) => void;
}) {
  const t = useT('phone');
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');

  const join = (e: React.FormEvent) => {
    e.preventDefault();
    if (askCode && !code.trim()) return setProblem(t('join.needCode'));
    if (!name.trim()) return setProblem(t('join.needName'));
    setProblem('');
    onJoin(code, name.trim());
  };

  return (
    <form className="card" onSubmit={join} aria-labelledby="join-heading">
      <h2 id="join-heading">{t('join.heading')}</h2>
      {askCode && (
        <>
          <label htmlFor="join-code">{t('join.code')}</label>
          <input
            id="join-code"
            value={code}
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={20}
            onChange={(e) => setCode(e.target.value)}
          />
        </>
      )}
      <label htmlFor="join-name">{t('join.name')}</label>
      <input
        id="join-name"
        value={name}
        autoComplete="name"
        maxLength={LIMITS.name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary">
        {t('join.submit')}
      </button>
      {problem && (
        <p className="status status-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
