/**
 * A round's commands (M3) as the events they would record; the round machine (roundMachine.ts)
 * says whether each may happen. Pure.
 */
import type { Command } from '@circlewise/shared/commands';
import { presentParticipants } from '@circlewise/shared/decision';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import type { RoundView } from '@circlewise/shared/round';
import { reduceRound } from '@circlewise/shared/roundReducer';
import type { Refusal } from '@circlewise/shared/rules';
import { type DecideEnv, type ItemLogic, refusal } from './decideEngine';
import { roundGuards, roundMachine } from './roundMachine';

function toEvents(
  view: Seated<RoundView>,
  command: Command,
  me: string,
  env: DecideEnv,
): EventBody[] | Refusal {
  switch (command.type) {
    case 'round.speak':
      return [{ type: 'round.spoken', participantId: me, text: command.text }];
    case 'round.close':
      return [{ type: 'round.closed' }];
    case 'round.order':
      return command.order
        ? [{ type: 'round.ordered', order: command.order, shuffled: false }]
        : [{ type: 'round.ordered', order: shuffled(view, env), shuffled: true }];
    case 'round.pass':
      return [{ type: 'round.passed', participantId: me }];
    default:
      return refusal('wrong_stage', 'round_has_no_command', { command: command.type });
  }
}

/**
 * O1: who is present, drawn into an order by the server: each gets a fresh id from the decide
 * step's id source as their draw, and the order is sorted by it. The event records the order
 * drawn, so a replay reads it and does not draw again.
 */
export function shuffled(view: Parameters<typeof presentParticipants>[0], env: DecideEnv): string[] {
  return presentParticipants(view)
    .map((p) => ({ id: p.id, draw: env.newId() }))
    .sort((a, b) => (a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : 0))
    .map((p) => p.id);
}

const notNow = (_view: RoundView, _event: MeetingEvent): Refusal => refusal('not_allowed', 'round_not_now');

export const roundLogic: ItemLogic<RoundView> = {
  machine: roundMachine,
  guards: roundGuards,
  stateOf: (view) =>
    view.stage === 'outcome' ? { value: 'closed', done: true } : { value: 'open', done: false },
  finished: 'round_finished',
  toEvents,
  notNow,
  reduce: reduceRound,
};
