import type { DecisionView } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { reactionsAsRound } from '@circlewise/shared/reactionTurns';
import { TurnLine } from '../components/TurnLine';
import { RoundOrder } from './round/RoundOrder';

/**
 * O1 in a decision's reactions stage: the facilitator may put the reactions round in turn, as a
 * round (the same order control and turn line, on the reactions read as a round). Until the
 * reactions are revealed; without an order reactions come as before.
 */
export function ReactionOrderPanel({ view }: { view: Seated<DecisionView> }) {
  if (view.stage !== 'reactions' || view.reactionsRevealed) return null;
  const asRound = reactionsAsRound(view);
  return (
    <>
      <TurnLine view={asRound} through="Everyone has had their turn: reveal the reactions." />
      <RoundOrder view={asRound} />
    </>
  );
}
