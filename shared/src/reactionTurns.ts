/**
 * O1, O2 for a consent decision's reactions round: when the facilitator sets an order in the
 * reactions stage (`round.ordered`, as in a round), reactions go around in it. The reactions
 * round is read as a round (a reaction given is a turn taken), so whose turn it is, and what the
 * refusal says, are the round's own (round.ts `turns`, `turnRefusal`): one rule, one home.
 * Reactions stay sealed as before (C10); the order governs only who may react when. Pure.
 */
import type { DecisionView } from './decision';
import type { Seated } from './meeting';
import { emptyRoundView, type RoundView, type Turns, turnRefusal, turns } from './round';
import type { Refusal } from './rules';

/** The reactions round as a round: open in the reactions stage, each reaction an entry. */
export function reactionsAsRound(view: Seated<DecisionView>): Seated<RoundView> {
  return {
    ...emptyRoundView(),
    participants: view.participants,
    stage: view.stage === 'reactions' ? 'open' : 'outcome',
    entries: Object.values(view.reactions).map((r) => ({
      participantId: r.participantId,
      text: '',
      at: r.at,
    })),
    ...(view.reactionOrder && { order: view.reactionOrder }),
    ...(view.reactionPasses && { passes: view.reactionPasses }),
  };
}

/** Who reacts now and next, when the reactions round is in turn; undefined otherwise. */
export function reactionTurns(view: Seated<DecisionView>): Turns | undefined {
  if (!view.reactionOrder || view.stage !== 'reactions') return undefined;
  return turns(reactionsAsRound(view));
}

/** Why this participant may not react (or pass) now, or null: the round's refusal (O1). */
export function reactionTurnRefusal(view: Seated<DecisionView>, participantId: string): Refusal | null {
  if (!view.reactionOrder) return null;
  return turnRefusal(reactionsAsRound(view), participantId);
}
