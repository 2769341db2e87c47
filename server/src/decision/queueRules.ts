/**
 * The speaking queue (PROCESS.md O3): while questions are clarified or an objection is resolved,
 * people raise a hand from their phone to join a queue, and the facilitator calls the next
 * speaker. Each rule is a guard of the decision machine that returns the refusal a person reads.
 * Pure.
 */
import { type DecisionView, handQueue, placeInQueue } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { takesPart } from './consentCheckRules';
import { type Guard, refusal } from './decideEngine';

type View = Seated<DecisionView>;

const nameOf = (view: View, id: string) => view.participants[id]?.name ?? 'That participant';

// [O3]
/**
 * One hand per person in the queue, raised by someone present; a hand is lowered only if it is
 * up; the facilitator calls someone whose hand is up, who then leaves the queue.
 */
export const queues: Guard<View> = {
  allows: (view, event) => {
    switch (event.type) {
      case 'hand.raised': {
        if (event.by !== event.participantId) {
          return refusal('forbidden', 'raise_own_hand_only');
        }
        const place = placeInQueue(view, event.participantId);
        if (place > 0) {
          return refusal('not_allowed', 'hand_already_up', { place, total: handQueue(view).length });
        }
        return takesPart(view, event);
      }
      case 'hand.lowered':
        return placeInQueue(view, event.participantId) > 0 ? null : refusal('not_allowed', 'hand_not_up');
      case 'hand.called':
        return placeInQueue(view, event.participantId) > 0
          ? null
          : refusal('not_found', 'not_in_queue', { name: nameOf(view, event.participantId) });
      default:
        return null;
    }
  },
};
