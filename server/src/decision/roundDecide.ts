/**
 * DECIDE for a round (M3): a validated command becomes the events it would record, and the round
 * machine says whether each may happen, through the same steps as the other kinds of item
 * (decide.ts, decideWith). Pure.
 */
import type { Command } from '@circlewise/shared/commands';
import type { WireError } from '@circlewise/shared/errors';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import { canSpeak, type RoundView } from '@circlewise/shared/round';
import type { SnapshotFrom } from 'xstate';
import { type Caller, type DecideEnv, type Decision, decideWith } from './decideEngine';
import { roundMachine } from './roundMachine';

export type RoundSnapshot = SnapshotFrom<typeof roundMachine>;

const WHAT_A_ROUND_IS =
  'In a round each person present says something once, in turn, and the facilitator closes it.';

export function decideRound(
  snapshot: RoundSnapshot,
  command: Command,
  caller: Caller,
  env: DecideEnv,
): Decision {
  return decideWith(
    {
      machine: roundMachine,
      finished: 'This round is closed: what was said is on the record.',
      toEvents: (_view, by) => toEvents(command, by),
      explain: (view, event) => explain(view, event),
    },
    snapshot,
    command,
    caller,
    env,
  );
}

function toEvents(command: Command, me: string): EventBody[] | WireError {
  switch (command.type) {
    case 'round.speak':
      return [{ type: 'round.spoken', participantId: me, text: command.text }];
    case 'round.close':
      return [{ type: 'round.closed' }];
    case 'participant.leave':
      return [{ type: 'participant.left', participantId: me, reason: 'left' }];
    case 'participant.markAbsent':
      return [{ type: 'participant.left', participantId: command.participantId, reason: 'marked_absent' }];
    default:
      return err(
        'wrong_stage',
        `This item is a round: there is no ${command.type} in it. ${WHAT_A_ROUND_IS}`,
      );
  }
}

/** Why the machine refused an event, in words. */
function explain(view: RoundView, event: MeetingEvent): WireError {
  switch (event.type) {
    case 'round.spoken':
      // The facilitator's role may not speak (the permissions table says so first); a
      // participant who left must join again (M2).
      return (
        canSpeak(view, event.participantId) ??
        err('forbidden', 'Only a participant speaks in the round, for themselves.')
      );
    case 'participant.left':
      return err('not_found', 'That participant is not present.');
    default:
      return err('not_allowed', `That is not possible in a round now. ${WHAT_A_ROUND_IS}`);
  }
}

const err = (code: WireError['code'], message: string): WireError => ({ code, message });
