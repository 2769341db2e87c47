import { STAGE_LABELS } from '@circlewise/shared/constants';
import { type DecisionView, handQueue, presentParticipants } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { useEffect } from 'react';
import { nameOf } from '../lib/names';
import { hasResponded } from './PeoplePanel';

/**
 * What needs the facilitator now: questions not answered, objections not tested, raised hands
 * (O3), who is awaited.
 */
export function attentionOf(view: Seated<DecisionView>) {
  const answering = view.stage === 'clarifying' || view.stage === 'reactions';
  const questions = answering ? view.questions.filter((q) => !q.answer) : [];
  const objections = view.objections.filter((o) => o.status === 'raised');
  const hands = handQueue(view);
  const asking = view.stage === 'reactions' || view.stage === 'objections' || view.stage === 'consent';
  const waiting = asking ? presentParticipants(view).filter((p) => !hasResponded(view, p.id)) : [];
  return {
    questions,
    objections,
    hands,
    waiting,
    count: questions.length + objections.length + (hands.length > 0 ? 1 : 0),
  };
}

/** The tab says the meeting, the stage and how much needs attention, seen from another tab too. */
export function useConsoleTitle(meeting: string, stage: string, count: number): void {
  useEffect(() => {
    document.title = `${count > 0 ? `(${count}) ` : ''}${meeting} · ${stage} · Circlewise console`;
  }, [meeting, stage, count]);
}

/**
 * The attention strip, at the top of the console (1280×800, no scrolling): each new question and
 * each objection to test, with a link to where it is handled, and who the stage still waits for.
 */
export function Attention({ view }: { view: Seated<DecisionView> }) {
  const { questions, objections, hands, waiting, count } = attentionOf(view);
  useConsoleTitle(view.title || 'Meeting', STAGE_LABELS[view.stage], count);
  if (count === 0 && waiting.length === 0) return null;
  return (
    <section className="attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs you now{count > 0 && ` (${count})`}</h2>
      <ul className="attention-list">
        {questions.map((q) => (
          <li key={q.id}>
            <strong>{nameOf(view, q.participantId)} asks:</strong> {q.text}{' '}
            <a href={`#answer-${q.id}`}>Answer</a>
          </li>
        ))}
        {objections.map((o) => (
          <li key={o.id}>
            <strong>{nameOf(view, o.participantId)} objects:</strong> {o.reason}{' '}
            <a href="#f-objections-heading">Test the objection</a>
          </li>
        ))}
        {hands.length > 0 && (
          <li>
            <strong>{hands.length === 1 ? 'A hand is raised:' : `${hands.length} hands are raised:`}</strong>{' '}
            {hands.map((h) => nameOf(view, h.participantId)).join(', ')}{' '}
            <a href="#queue-heading">Call the next speaker</a>
          </li>
        )}
        {waiting.length > 0 && (
          <li>
            <strong>Waiting for {waiting.length}:</strong> {waiting.map((p) => p.name).join(', ')}
          </li>
        )}
      </ul>
    </section>
  );
}
