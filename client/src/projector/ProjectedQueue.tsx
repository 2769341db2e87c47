import { type DecisionView, handQueue, isQueueStage } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { nameOf } from '../lib/names';

/**
 * O3 on the room's screen, while questions are clarified or an objection is resolved: who has
 * the floor (the last one called in this stage) and the hands raised, in order. Both are public:
 * every phone shows its place in the same queue.
 */
export function ProjectedQueue({ view }: { view: Seated<DecisionView> }) {
  if (!isQueueStage(view.stage)) return null;
  const hands = handQueue(view);
  const last = view.spoke?.[view.spoke.length - 1];
  const floor = last && last.stage === view.stage ? last : undefined;
  if (!floor && hands.length === 0) return null;
  return (
    <section className="projector-queue" aria-labelledby="pr-queue">
      <h2 id="pr-queue">Speaking queue</h2>
      {floor && (
        <p className="turn-line big" data-testid="projected-floor">
          Has the floor: <strong>{nameOf(view, floor.participantId)}</strong>
        </p>
      )}
      {hands.length > 0 ? (
        <ol aria-label="Hands raised" className="projector-hands">
          {hands.map((h) => (
            <li key={h.participantId}>{nameOf(view, h.participantId)}</li>
          ))}
        </ol>
      ) : (
        <p className="muted">No hands raised.</p>
      )}
    </section>
  );
}
