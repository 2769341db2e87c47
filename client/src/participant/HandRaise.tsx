import { type DecisionView, handQueue, placeInQueue } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';

/**
 * O3: the phone's hand in the speaking queue, while questions are clarified or an objection is
 * resolved: raise it, lower it, and see one's place in the queue.
 */
export function HandRaise({ view, me }: { view: Seated<DecisionView>; me: string }) {
  const { state, submit, busy } = useSubmit();
  const place = placeInQueue(view, me);
  const total = handQueue(view).length;
  const calledLast = view.spoke?.[view.spoke.length - 1];
  const called = calledLast?.participantId === me && calledLast.stage === view.stage && place === 0;
  return (
    <section className="card hand-raise" aria-labelledby="hand-heading">
      <h2 id="hand-heading">Speaking queue</h2>
      <p role="status" aria-live="polite" data-testid="queue-place">
        {place > 0
          ? `Your hand is up: you are number ${place} of ${total} in the queue.`
          : called
            ? 'The facilitator gave you the floor: speak now.'
            : total === 0
              ? 'Nobody is waiting to speak. Raise your hand to speak next.'
              : `${total} waiting to speak. Raise your hand to join the queue.`}
      </p>
      {place > 0 ? (
        <button type="button" disabled={busy} onClick={() => submit({ type: 'hand.lower' })}>
          Lower hand
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => submit({ type: 'hand.raise' })}
        >
          Raise hand
        </button>
      )}
      <SubmitStatus state={state} recorded={place > 0 ? 'Your hand is up.' : 'Recorded.'} />
    </section>
  );
}
