import { useState } from 'react';
import { QuestionList } from '../components/QuestionList';
import { SubmitStatus } from '../components/SubmitStatus';
import { useT } from '../i18n';
import { useSubmit } from '../lib/useSubmit';
import { CurrentProposal } from './CurrentProposal';
import { HandRaise } from './HandRaise';
import type { StageProps } from './stageProps';

export function ClarifyingStage({ view, me }: StageProps) {
  const t = useT('phone');
  const [text, setText] = useState('');
  const { state, submit, busy } = useSubmit();

  const ask = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await submit({ type: 'question.ask', text })) setText('');
  };

  return (
    <>
      <CurrentProposal view={view} />
      <form className="card" onSubmit={ask}>
        <label htmlFor="question">{t('clarifying.label')}</label>
        <textarea id="question" value={text} rows={3} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          {t('clarifying.submit')}
        </button>
        <SubmitStatus state={state} recorded={t('clarifying.done')} />
      </form>
      <HandRaise view={view} me={me} />
      <QuestionList view={view} />
    </>
  );
}
