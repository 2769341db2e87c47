import { type DecisionView, handQueue, isQueueStage } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { SubmitStatus } from '../components/SubmitStatus';
import { formatTime } from '../lib/names';
import { useSubmit } from '../lib/useSubmit';

/**
 * O3: the speaking queue on the console, in the order hands went up, with "Call next": the
 * called person leaves the queue, and the minutes keep who spoke and when.
 */
export function QueuePanel({ view }: { view: Seated<DecisionView> }) {
  const { state, submit, busy } = useSubmit();
  if (!isQueueStage(view.stage)) return null;
  const queue = handQueue(view);
  const name = (id: string) => view.participants[id]?.name ?? 'Someone';
  const head = queue[0];
  const last = view.spoke?.[view.spoke.length - 1];
  return (
    <section className="card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        Speaking queue{queue.length > 0 && <span className="counts"> · {queue.length} waiting</span>}
      </h2>
      {last && last.stage === view.stage && (
        <p className="hint">
          Speaking: <strong>{name(last.participantId)}</strong> (called at {formatTime(last.at)})
        </p>
      )}
      {queue.length === 0 ? (
        <p className="empty">No hand is up.</p>
      ) : (
        <ol className="list queue-list">
          {queue.map((h) => (
            <li key={h.participantId} className="turn-person">
              <span className="person-name">{name(h.participantId)}</span>
              <span className="muted">since {formatTime(h.raisedAt)}</span>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="primary"
        disabled={busy || !head}
        onClick={() => head && submit({ type: 'hand.call', participantId: head.participantId })}
      >
        {head ? `Call next: ${name(head.participantId)}` : 'Call next'}
      </button>
      <SubmitStatus state={state} recorded="Called: they have the floor." />
    </section>
  );
}
