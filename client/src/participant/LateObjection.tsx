import { useState } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { useT } from '../i18n';
import { useSubmit } from '../lib/useSubmit';

/** In the consent round: an objection seen late, with its reason; it takes the meeting back a round. */
export function LateObjection({
  reasonLabel,
  consequence,
  openLabel,
}: {
  reasonLabel: string;
  consequence: string;
  openLabel?: string;
}) {
  const t = useT('phone');
  const object = useSubmit();
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');

  const raise = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await object.submit({ type: 'response.give', kind: 'objection', reason })) setReason('');
  };

  return (
    <>
      {!objecting ? (
        <button type="button" onClick={() => setObjecting(true)}>
          {openLabel ?? t('late.open')}
        </button>
      ) : (
        <form onSubmit={raise}>
          <label htmlFor="late-reason">{reasonLabel}</label>
          <textarea id="late-reason" value={reason} rows={4} onChange={(e) => setReason(e.target.value)} />
          <p className="muted">{consequence}</p>
          <button type="submit" className="danger" disabled={object.busy}>
            {t('late.submit')}
          </button>
        </form>
      )}
      <SubmitStatus state={object.state} recorded={t('late.done')} />
    </>
  );
}
