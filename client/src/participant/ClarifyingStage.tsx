import { useState } from 'react';
import { QuestionList } from '../components/QuestionList';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { CurrentProposal } from './CurrentProposal';
import { HandRaise } from './HandRaise';
import type { StageProps } from './stageProps';

export function ClarifyingStage({ view, me }: StageProps) {
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
        <label htmlFor="question">Your clarifying question</label>
        <textarea id="question" value={text} rows={3} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          Ask question
        </button>
        <SubmitStatus state={state} recorded="Question recorded." />
      </form>
      <HandRaise view={view} me={me} />
      <QuestionList view={view} />
    </>
  );
}
