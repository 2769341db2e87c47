import type { DecisionView, Question } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import type { ReactNode } from 'react';
import { nameOf } from '../lib/names';

/** Questions with their answers; the facilitator's console passes an answer form per question. */
export function QuestionList({
  view,
  answerSlot,
}: {
  view: Seated<DecisionView>;
  answerSlot?: (question: Question) => ReactNode;
}) {
  return (
    <section className="card" aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions ({view.questions.length})</h2>
      {view.questions.length === 0 ? (
        <p className="empty">No questions yet.</p>
      ) : (
        <ul className="list">
          {view.questions.map((q) => (
            <li key={q.id}>
              <p>
                <strong>{nameOf(view, q.participantId)}</strong> asked: {q.text}
              </p>
              {q.answer ? (
                <p className="answer">Answer: {q.answer.text}</p>
              ) : (
                <p className="muted">Not answered yet.</p>
              )}
              {answerSlot?.(q)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
