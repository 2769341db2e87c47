import type { DecisionView, Question } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { useState } from 'react';
import { QuestionList } from '../components/QuestionList';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';

export function QuestionsPanel({ view }: { view: Seated<DecisionView> }) {
  const answering = view.stage === 'clarifying' || view.stage === 'reactions';
  return <QuestionList view={view} answerSlot={answering ? (q) => <AnswerForm question={q} /> : undefined} />;
}

function AnswerForm({ question }: { question: Question }) {
  const [text, setText] = useState('');
  const { state, submit, busy } = useSubmit();
  const id = `answer-${question.id}`;

  const answer = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await submit({ type: 'question.answer', questionId: question.id, text })) setText('');
  };

  return (
    <form className="inline-form" onSubmit={answer}>
      <label htmlFor={id}>{question.answer ? 'Change the answer' : 'Answer'}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={busy}>
        Record answer
      </button>
      <SubmitStatus state={state} recorded="Answer recorded." />
    </form>
  );
}
