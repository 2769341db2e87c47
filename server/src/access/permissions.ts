/**
 * Who may do and see what (C2, S1, S2, M4): the table of who sends which command, and, for one
 * connection, the caller a command is decided as and the view it receives. A participant always
 * speaks for the participant their token is bound to; the gateway fills that in, so no command
 * carries a "who" that could be forged.
 */

import type { CommandType } from '@circlewise/shared/commands';
import { type WireError, wireError } from '@circlewise/shared/errors';
import { facilitates } from '@circlewise/shared/meeting';
import type { Role } from '@circlewise/shared/protocol';
import type { PlainReason } from '@circlewise/shared/refusals';
import { SCREEN_VIEWER, type Viewer } from '@circlewise/shared/visibility';
import type { Caller } from '../decision/decideEngine';
import type { InternalCommand, LiveMeeting } from '../meeting/liveMeeting';

export const PERMISSIONS: Record<CommandType, Role> = {
  'proposal.edit': 'facilitator',
  'proposal.amend': 'facilitator',
  'stage.advance': 'facilitator',
  'stage.back': 'facilitator',
  'question.answer': 'facilitator',
  'responses.reveal': 'facilitator',
  'objection.test': 'facilitator',
  'outcome.record': 'facilitator',
  // Loose on purpose: only the facilitator marks someone absent, so a phone left in a bag does
  // not block consent (C7); the person can rejoin at any time and is present again.
  'participant.markAbsent': 'facilitator',
  'question.ask': 'participant',
  'reaction.give': 'participant',
  'response.give': 'participant',
  // The machine also checks that the withdrawer is the objection's author (C8).
  'objection.withdraw': 'participant',
  'participant.leave': 'participant',
  'role.set': 'facilitator',
  'nominations.reveal': 'facilitator',
  'candidate.propose': 'facilitator',
  'election.record': 'facilitator',
  'nomination.give': 'participant',
  'nomination.change': 'participant',
  // The machine also checks that the decliner is the proposed candidate (E4).
  'candidate.decline': 'participant',
  'agenda.add': 'facilitator',
  'agenda.move': 'facilitator',
  'agenda.open': 'facilitator',
  // The gateway also lets the key holder take facilitation back (M4, S1).
  'facilitation.handOver': 'facilitator',
  'meeting.close': 'facilitator',
  'round.speak': 'participant',
  'round.close': 'facilitator',
  // S12: only the facilitator decides who is in the room.
  'meeting.lock': 'facilitator',
  'meeting.unlock': 'facilitator',
  'participant.admit': 'facilitator',
  'participant.refuse': 'facilitator',
  'participant.remove': 'facilitator',
  'timebox.set': 'facilitator',
  'timebox.extend': 'facilitator',
  'timebox.clear': 'facilitator',
  'round.order': 'facilitator',
  'round.pass': 'participant',
  'hand.raise': 'participant',
  'hand.lower': 'participant',
  'hand.call': 'facilitator',
};

/**
 * Commands no connection may send, whatever its role: only the server runs them, through
 * `CommandRunner.run` with itself (`system`) as the sender. They are in no schema of
 * shared/commands.ts, so a socket that sends one is refused (`invalid_payload`) before AUTH.
 * `meeting.abandon`: an open meeting idle for its abandonment time is closed (commands/lifetime.ts).
 */
export const SERVER_COMMANDS = ['meeting.abandon'] as const satisfies readonly InternalCommand['type'][];

const DENIED = {
  facilitator: 'participants_only',
  participant: 'facilitator_only',
  screen: 'screen_sends_nothing',
} as const satisfies Record<Role, PlainReason>;

// [C2]
export function permissionError(type: CommandType, role: Role): PlainReason | null {
  if (role === 'screen') return DENIED.screen;
  return PERMISSIONS[type] === role ? null : DENIED[role];
}

/** One connection's identity, from the secret it joined with (S1, S2). */
export interface Session {
  meetingId: string;
  /** What the secret is: the facilitator key, or a participant's token. */
  role: Role;
  participantId: string | null;
}

export const keyHolderOf = (session: Session) => ({
  keyHolder: session.role === 'facilitator',
  participantId: session.participantId,
});

/** What this connection may see now: the facilitator's view follows facilitation (M4). */
export function viewerOf(session: Session, meeting: LiveMeeting): Viewer {
  if (session.role === 'screen') return SCREEN_VIEWER;
  if (facilitates(meeting.view, keyHolderOf(session))) return { role: 'facilitator' };
  return session.participantId
    ? { role: 'participant', participantId: session.participantId }
    : { role: 'participant', participantId: '' };
}

/**
 * AUTH for one command (C2, S1, M4): who facilitates is the view's to say, so a hand-over moves
 * the facilitator's commands at once. A participant who facilitates still takes part. The key's
 * holder may always take facilitation back, so a meeting is never left without a facilitator.
 */
export function callerFor(
  session: Session,
  meeting: LiveMeeting,
  type: CommandType,
): Caller | { denied: WireError } {
  // A screen link is read-only: whatever it sends is refused, before anything else is asked.
  if (session.role === 'screen') return { denied: wireError('forbidden', DENIED.screen) };
  if (session.participantId && meeting.view.participants[session.participantId]?.removed) {
    return { denied: wireError('forbidden', 'removed_you') };
  }
  if (PERMISSIONS[type] === 'participant') {
    return session.participantId
      ? { role: 'participant', participantId: session.participantId }
      : { denied: wireError('forbidden', DENIED.facilitator) };
  }
  const reclaim = type === 'facilitation.handOver' && session.role === 'facilitator';
  if (reclaim || facilitates(meeting.view, keyHolderOf(session))) return { role: 'facilitator' };
  const holder = meeting.view.participants[meeting.view.facilitatorId ?? '']?.name;
  if (session.role === 'facilitator' && holder) {
    return { denied: wireError('forbidden', 'facilitation_is_with', { name: holder }) };
  }
  return { denied: wireError('forbidden', DENIED.participant) };
}
