/**
 * A round (PROCESS.md M3: the opening check-in or the closing evaluation) as a statechart: open
 * while present participants speak, each once (again replaces), until the facilitator closes it.
 * It keeps nothing of the round itself (A5); its one rule is written below, with its refusal.
 * Pure.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { canSpeak, type RoundView } from '@circlewise/shared/round';
import { setup } from 'xstate';
import { type Guard, machineGuards, refusal } from './decideEngine';

// [M3]
/** A present participant speaks for themselves, nobody for another. */
const speaksForThemselves: Guard<Seated<RoundView>> = {
  allows: (view, event) => {
    if (event.type !== 'round.spoken') return null;
    if (event.by !== event.participantId) {
      return refusal('forbidden', 'Only a participant speaks in the round, for themselves.');
    }
    return canSpeak(view, event.participantId);
  },
};

export const roundGuards = { speaksForThemselves };

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
      },
    },
    // Closing is the round's outcome: nothing more is said in it, as after a decision's outcome.
    closed: { type: 'final' },
  },
});
