import type { DecisionView, Question } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { nameOf } from '../lib/names';

/** Questions with their answers; the facilitator's console passes an answer form per question. */
export function QuestionList({
  view,
  answerSlot,
}: {
  view: Seated<DecisionView>;
  answerSlot?: (question: Question) => ReactNode;
}) {
  const t = useT('common');
  return (
    <section className="card" aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t('questions.heading', { count: view.questions.length })}</h2>
      {view.questions.length === 0 ? (
        <p className="empty">{t('questions.none')}</p>
      ) : (
        <ul className="list">
          {view.questions.map((q) => (
            <li key={q.id}>
              <p>
                <strong>{nameOf(view, q.participantId)}</strong> {t('questions.asked')} {q.text}
              </p>
              {q.answer ? (
                <p className="answer">{t('questions.answer', { text: q.answer.text })}</p>
              ) : (
                <p className="muted">{t('questions.notAnswered')}</p>
              )}
              {answerSlot?.(q)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
