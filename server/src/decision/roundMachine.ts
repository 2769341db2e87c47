/**
 * A round (PROCESS.md M3: the opening check-in or the closing evaluation) as a statechart: open
 * while present participants speak, each once (again replaces), until the facilitator closes it.
 * It keeps nothing of the round itself (A5); its one rule is written below, with its refusal.
 * Pure.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { canSpeak, type RoundView, turnRefusal } from '@circlewise/shared/round';
import { setup } from 'xstate';
import { type Guard, machineGuards, refusal } from './decideEngine';

// [M3]
/** A present participant speaks for themselves, nobody for another. */
const speaksForThemselves: Guard<Seated<RoundView>> = {
  allows: (view, event) => {
    if (event.type !== 'round.spoken') return null;
    if (event.by !== event.participantId) {
      return refusal('forbidden', 'speak_own_turn_only');
    }
    return canSpeak(view, event.participantId) ?? inTurn.allows(view, event, undefined);
  },
};

// [O1]
/**
 * A round in turn goes around in its order: the order names present participants, each once;
 * in it, only the one whose turn it is speaks (or passes), and whoever has had their turn waits.
 */
const inTurn: Guard<Seated<RoundView>> = {
  allows: (view, event) => {
    if (event.type === 'round.ordered') return orderRefusal(view, event.order);
    if (event.type !== 'round.spoken' && event.type !== 'round.passed') return null;
    return turnRefusal(view, event.participantId);
  },
};

/** Why an order may not be set: it names present participants, each once (also for reactions). */
export function orderRefusal(view: Pick<Seated<RoundView>, 'participants'>, order: readonly string[]) {
  if (order.length === 0) return refusal('not_allowed', 'nobody_present_for_round');
  if (new Set(order).size !== order.length) {
    return refusal('not_allowed', 'order_names_twice');
  }
  const absent = order.filter((id) => !view.participants[id]?.present);
  if (absent.length > 0) {
    return refusal('not_allowed', 'order_names_absent', {
      names: absent.map((id) => view.participants[id]?.name ?? 'someone unknown').join(', '),
    });
  }
  return null;
}

// [O2]
/**
 * A participant passes on their own turn, in a round in turn; the round comes back once to who
 * passed (turnsToCome), and a second pass ends their turn in it.
 */
const passesOwnTurn: Guard<Seated<RoundView>> = {
  allows: (view, event) => {
    if (event.type !== 'round.passed') return null;
    if (event.by !== event.participantId) {
      return refusal('forbidden', 'pass_own_turn_only');
    }
    if (!view.order) {
      return refusal('not_allowed', 'round_no_order');
    }
    return canSpeak(view, event.participantId) ?? inTurn.allows(view, event, undefined);
  },
};

export const roundGuards = { speaksForThemselves, inTurn, passesOwnTurn };

export const roundMachine = setup({
  types: {
    context: {} as { view: Seated<RoundView> },
    events: {} as MeetingEvent,
    // The view a decision is about; a machine never runs as an actor of its own (A5).
    input: {} as { view: Seated<RoundView> },
  },
  guards: machineGuards<Seated<RoundView>, typeof roundGuards>(roundGuards),
}).createMachine({
  id: 'round',
  context: ({ input }) => ({ view: input.view }),
  initial: 'open',
  states: {
    open: {
      on: {
        'round.spoken': { guard: 'speaksForThemselves' },
        'round.closed': { target: 'closed' },
        'round.ordered': { guard: 'inTurn' },
        'round.passed': { guard: 'passesOwnTurn' },
      },
    },
    // Closing is the round's outcome: nothing more is said in it, as after a decision's outcome.
    closed: { type: 'final' },
  },
});
