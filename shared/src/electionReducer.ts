/**
 * The election's reducer (A5): `(view, event) -> view`, pure and immutable like the decision's,
 * sharing its consent-check steps (consentCheck.ts) for the proposal on the candidate.
 */
import {
  newCheckVersion,
  respondInCheck,
  revealObjectionRound,
  testObjection,
  withdrawObjection,
} from './consentCheck';
import { isElectionStage } from './constants';
import type { ElectionView } from './election';
import type { MeetingEvent } from './events';

export function reduceElection(view: ElectionView, event: MeetingEvent): ElectionView {
  const next = apply(view, event);
  // seq moves even when nothing else does, so clients see no false gap (A3).
  return { ...next, seq: event.seq };
}

function apply(view: ElectionView, e: MeetingEvent): ElectionView {
  switch (e.type) {
    case 'meeting.created':
      return { ...view, meetingId: e.meetingId, code: e.code, title: e.title, createdAt: e.at };
    case 'role.set':
      return {
        ...view,
        role: { role: e.role, description: e.description, termStart: e.termStart, termEnd: e.termEnd },
      };
    case 'stage.changed':
      return isElectionStage(e.to) ? { ...view, stage: e.to } : view;
    case 'nomination.given':
      return {
        ...view,
        nominations: {
          ...view.nominations,
          [e.participantId]: {
            participantId: e.participantId,
            at: e.at,
            hidden: e.nomineeId === undefined,
            ...(e.nomineeId !== undefined && { nomineeId: e.nomineeId }),
            ...(e.reason !== undefined && { reason: e.reason }),
          },
        },
      };
    case 'nominations.revealed': {
      const nominations = { ...view.nominations };
      for (const n of e.nominations) {
        const before = nominations[n.participantId];
        if (before)
          nominations[n.participantId] = {
            ...before,
            hidden: false,
            nomineeId: n.nomineeId,
            reason: n.reason,
          };
      }
      return { ...view, nominations, nominationsRevealed: true };
    }
    case 'nomination.changed':
      return {
        ...view,
        changes: [
          ...view.changes,
          { participantId: e.participantId, from: e.from, to: e.to, reason: e.reason, at: e.at },
        ],
      };
    case 'candidate.proposed': {
      const { type: _type, by: _by, seq: _seq, commandId: _commandId, ...proposal } = e;
      return newCheckVersion(
        { ...view, proposals: [...view.proposals, proposal] },
        e.version,
        e.resolves,
        e.at,
      );
    }
    case 'candidate.declined':
      return {
        ...view,
        declined: [
          ...view.declined,
          { version: e.version, at: e.at, ...(e.reason !== undefined && { reason: e.reason }) },
        ],
      };
    case 'response.given':
      return respondInCheck(view, e);
    case 'responses.revealed':
      return e.stage === 'objections' ? revealObjectionRound(view, e) : view;
    case 'objection.tested':
      return testObjection(view, e);
    case 'objection.withdrawn':
      return withdrawObjection(view, e);
    case 'election.recorded': {
      const { type: _type, by: _by, seq: _seq, commandId: _commandId, ...outcome } = e;
      return { ...view, stage: 'outcome', outcome };
    }
    default:
      // A decision's own events change nothing in an election, nor do comings and goings: who
      // is in the meeting is the meeting's (meeting.ts, M2).
      return view;
  }
}
