/**
 * Reactions in turn (PROCESS.md O1, O2; the rule's one marker is the round's, roundMachine.ts):
 * in a consent decision's reactions stage the facilitator may set an order (`round.ordered`, as
 * in a round); then only the one whose turn it is reacts or passes, and the round comes back once
 * to who passed. Without an order, reactions come as before. Pure.
 */
import type { DecisionView } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { reactionTurnRefusal } from '@circlewise/shared/reactionTurns';
import { takesPart } from './consentCheckRules';
import { type Guard, refusal } from './decideEngine';
import { orderRefusal } from './roundMachine';

type View = Seated<DecisionView>;

/**
 * O1 for reactions: the order names present participants, each once; in a reactions round in
 * turn a reaction or a pass is taken only on one's own turn (the round's refusal, turnRefusal).
 */
export const reactsInTurn: Guard<View> = {
  allows: (view, event) => {
    switch (event.type) {
      case 'round.ordered':
        return orderRefusal(view, event.order);
      case 'reaction.given':
        return takesPart(view, event) ?? reactionTurnRefusal(view, event.participantId);
      case 'round.passed':
        if (event.by !== event.participantId) {
          return refusal('forbidden', 'pass_own_turn_only');
        }
        if (!view.reactionOrder) {
          return refusal('not_allowed', 'reactions_no_order');
        }
        return takesPart(view, event) ?? reactionTurnRefusal(view, event.participantId);
      default:
        return null;
    }
  },
};
