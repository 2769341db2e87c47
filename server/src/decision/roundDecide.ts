/**
 * A round's commands (M3) as the events they would record; the round machine (roundMachine.ts)
 * says whether each may happen. Pure.
 */
import type { Command } from '@circlewise/shared/commands';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import type { RoundView } from '@circlewise/shared/round';
import { reduceRound } from '@circlewise/shared/roundReducer';
import type { Refusal } from '@circlewise/shared/rules';
import { type ItemLogic, refusal } from './decideEngine';
import { roundGuards, roundMachine } from './roundMachine';

const WHAT_A_ROUND_IS =
  'In a round each person present says something once, in turn, and the facilitator closes it.';

function toEvents(command: Command, me: string): EventBody[] | Refusal {
  switch (command.type) {
    case 'round.speak':
      return [{ type: 'round.spoken', participantId: me, text: command.text }];
    case 'round.close':
      return [{ type: 'round.closed' }];
    default:
      return refusal(
        'wrong_stage',
        `This item is a round: there is no ${command.type} in it. ${WHAT_A_ROUND_IS}`,
      );
  }
}

const notNow = (_view: RoundView, _event: MeetingEvent): Refusal =>
  refusal('not_allowed', `That is not possible in a round now. ${WHAT_A_ROUND_IS}`);

export const roundLogic: ItemLogic<RoundView> = {
  machine: roundMachine,
  guards: roundGuards,
  stateOf: (view) =>
    view.stage === 'outcome' ? { value: 'closed', done: true } : { value: 'open', done: false },
  finished: 'This round is closed: what was said is on the record.',
  toEvents: (_view, command, by) => toEvents(command, by),
  notNow,
  reduce: reduceRound,
};
