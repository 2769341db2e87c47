/**
 * Who may send which command (C2, S1, S2): one table, next to the gateway. A participant always
 * speaks for the participant their token is bound to; the gateway fills that in, so no command
 * carries a "who" that could be forged.
 */
import type { CommandType } from '@circlewise/shared/commands';
import type { Role } from '@circlewise/shared/protocol';

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
};

const DENIED: Record<Role, string> = {
  facilitator: 'Only participants do this. To take part yourself, join from your phone as well.',
  participant: 'Only the facilitator can do this.',
};

export function permissionError(type: CommandType, role: Role): string | null {
  return PERMISSIONS[type] === role ? null : DENIED[role];
}
