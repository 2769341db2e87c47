/**
 * A round (PROCESS.md M3: the opening check-in or the closing evaluation) as a statechart over
 * recorded events: open while present participants speak, each once (again replaces), until the
 * facilitator closes it. Its context is the round reducer's view and nothing else (A5). Pure.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import { canSpeak, emptyRoundView, type RoundView } from '@circlewise/shared/round';
import { reduceRound } from '@circlewise/shared/roundReducer';
import { assign, setup } from 'xstate';

export interface RoundContext {
  view: RoundView;
}

export const roundMachine = setup({
  types: {
    context: {} as RoundContext,
    events: {} as MeetingEvent,
    input: {} as { view?: RoundView } | undefined,
  },
  guards: {
    // The item is created once. Not `seq === 0` as the other machines check: an item's seed is
    // made up from the agenda's event, so its seq says nothing about being first.
    isFirst: ({ context }) => context.view.meetingId === '',
    byPresentParticipant: ({ context, event }) =>
      'participantId' in event && context.view.participants[event.participantId]?.present === true,
    /** M3: a present participant speaks for themselves, nobody for another. */
    speaksForThemselves: ({ context, event }) =>
      event.type === 'round.spoken' &&
      event.by === event.participantId &&
      canSpeak(context.view, event.participantId) === null,
  },
  actions: {
    apply: assign({ view: ({ context, event }) => reduceRound(context.view, event) }),
  },
}).createMachine({
  id: 'round',
  context: ({ input }) => ({ view: input?.view ?? emptyRoundView() }),
  initial: 'open',
  states: {
    open: {
      on: {
        'meeting.created': { guard: 'isFirst', actions: 'apply' },
        'participant.joined': { actions: 'apply' },
        'participant.left': { guard: 'byPresentParticipant', actions: 'apply' },
        'round.spoken': { guard: 'speaksForThemselves', actions: 'apply' },
        'round.closed': { target: 'closed', actions: 'apply' },
      },
    },
    // Closing is the round's outcome: nothing more is said in it, as after a decision's outcome.
    closed: { type: 'final' },
  },
});
