/**
 * [AUTHZ] Every command × every kind of caller, through the real gateway: allowed or refused,
 * as the permissions table says (C2, S1, S2, S3). The table is restated here rather than
 * imported from the server: a test that reads the table it checks could never fail.
 *
 * "Allowed" means the gateway let the command through to the decide step (it may still be
 * refused there for the stage it arrived in, which the decision tests cover); "refused" means an
 * error ack that names the reason, with the meeting's log unchanged (S6).
 */
import { COMMAND_TYPES, type CommandInput, type CommandType } from '@circlewise/shared/commands';
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { CommandResult } from '@circlewise/shared/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, startServer, TestClient, type TestServer, uuid } from '../support/server';

type Who = 'facilitator' | 'participant';

/** The spec: who may send each command. */
const MAY_SEND: Record<CommandType, Who> = {
  'proposal.edit': 'facilitator',
  'proposal.amend': 'facilitator',
  'stage.advance': 'facilitator',
  'stage.back': 'facilitator',
  'question.answer': 'facilitator',
  'responses.reveal': 'facilitator',
  'objection.test': 'facilitator',
  'outcome.record': 'facilitator',
  'participant.markAbsent': 'facilitator',
  'question.ask': 'participant',
  'reaction.give': 'participant',
  'response.give': 'participant',
  'objection.withdraw': 'participant',
  'participant.leave': 'participant',
  'role.set': 'facilitator',
  'nominations.reveal': 'facilitator',
  'candidate.propose': 'facilitator',
  'election.record': 'facilitator',
  'nomination.give': 'participant',
  'nomination.change': 'participant',
  'candidate.decline': 'participant',
  // The agenda (M1, M3, M4): the facilitator leads it; everyone speaks in a round.
  'agenda.add': 'facilitator',
  'agenda.move': 'facilitator',
  'agenda.open': 'facilitator',
  'facilitation.handOver': 'facilitator',
  'meeting.close': 'facilitator',
  'round.speak': 'participant',
  'round.close': 'facilitator',
  // Who is in the meeting (S12): the facilitator decides.
  'meeting.lock': 'facilitator',
  'meeting.unlock': 'facilitator',
  'participant.admit': 'facilitator',
  'participant.refuse': 'facilitator',
  'participant.remove': 'facilitator',
  // Timeboxes (T1): the facilitator keeps time.
  'timebox.set': 'facilitator',
  'timebox.extend': 'facilitator',
  'timebox.clear': 'facilitator',
  // Turns (O1, O2) and the speaking queue (O3).
  'round.order': 'facilitator',
  'round.pass': 'participant',
  'hand.raise': 'participant',
  'hand.lower': 'participant',
  'hand.call': 'facilitator',
};

const CALLERS = [
  'facilitator',
  'participant',
  'other meeting’s participant',
  'no token',
  'unknown token',
  'stale token (left the meeting)',
] as const;
type Caller = (typeof CALLERS)[number];

/** A schema-valid payload for each command, so only authorization (or the stage) can refuse it. */
function payload(type: CommandType, participantId: string): CommandInput {
  const commandId = uuid();
  switch (type) {
    case 'proposal.edit':
      return { type, commandId, title: 'T', driver: 'D', text: 'P' };
    case 'proposal.amend':
      return { type, commandId, text: 'Version two' };
    case 'stage.advance':
      return { type, commandId, from: 'proposal' };
    case 'stage.back':
      return { type, commandId, from: 'clarifying' };
    case 'question.ask':
      return { type, commandId, text: 'Why?' };
    case 'question.answer':
      return { type, commandId, questionId: uuid(), text: 'Because.' };
    case 'reaction.give':
      return { type, commandId, text: 'Fine by me' };
    case 'response.give':
      return { type, commandId, kind: 'consent' };
    case 'responses.reveal':
      return { type, commandId };
    case 'objection.test':
      return { type, commandId, objectionId: uuid(), verdict: 'qualifies' };
    case 'objection.withdraw':
      return { type, commandId, objectionId: uuid() };
    case 'outcome.record':
      return { type, commandId, outcome: 'withdrawn' };
    case 'participant.leave':
      return { type, commandId };
    case 'participant.markAbsent':
      return { type, commandId, participantId };
    case 'role.set':
      return { type, commandId, role: 'Secretary', termStart: '2027-01-01', termEnd: '2027-12-31' };
    case 'nominations.reveal':
      return { type, commandId };
    case 'candidate.propose':
      return { type, commandId, candidateId: participantId, reasons: 'Trusted' };
    case 'election.record':
      return { type, commandId, outcome: 'none' };
    case 'nomination.give':
      return { type, commandId, nomineeId: participantId, reason: 'Organised' };
    case 'nomination.change':
      return { type, commandId, nomineeId: null };
    case 'candidate.decline':
      return { type, commandId };
    case 'agenda.add':
      return { type, commandId, kind: 'round', title: 'Check-in' };
    case 'agenda.move':
      return { type, commandId, itemId: uuid(), index: 0 };
    case 'agenda.open':
      return { type, commandId, itemId: uuid() };
    case 'facilitation.handOver':
      return { type, commandId, participantId };
    case 'meeting.close':
      return { type, commandId };
    case 'round.speak':
      return { type, commandId, text: 'Glad to be here' };
    case 'round.close':
      return { type, commandId };
    case 'meeting.lock':
    case 'meeting.unlock':
      return { type, commandId };
    case 'participant.admit':
    case 'participant.refuse':
    case 'participant.remove':
      return { type, commandId, participantId };
    case 'timebox.set':
    case 'timebox.extend':
      return { type, commandId, stage: 'proposal', seconds: 60 };
    case 'timebox.clear':
      return { type, commandId, stage: 'proposal' };
    case 'round.order':
      return { type, commandId, shuffle: true };
    case 'round.pass':
    case 'hand.raise':
    case 'hand.lower':
      return { type, commandId };
    case 'hand.call':
      return { type, commandId, participantId };
  }
}

/** Codes that mean "you may not do this" rather than "not now". */
const AUTH_CODES = ['forbidden', 'not_joined', 'bad_token'];

let server: TestServer;
const clients: TestClient[] = [];
const client = (token?: string) => {
  const c = new TestClient(server.url, token);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.destroy();
});

const logLength = (meetingId: string) => server.app.meetings.store.events(meetingId).length;

describe('[AUTHZ] every command × every caller', () => {
  const rows = COMMAND_TYPES.flatMap((type) => CALLERS.map((caller) => ({ type, caller })));

  it('covers every command type in the spec table', () => {
    expect(Object.keys(MAY_SEND).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(rows)('$type × $caller', async ({ type, caller }: { type: CommandType; caller: Caller }) => {
    const here = await createMeeting(server.url, 'Here');
    const facilitator = client();
    expect((await facilitator.join(here.code, undefined, { token: here.facilitatorKey })).ok).toBe(true);
    const member = client();
    expect((await member.join(here.code, 'Member')).ok).toBe(true);
    const memberId = member.participantId ?? '';

    let sender: TestClient;
    if (caller === 'facilitator') sender = facilitator;
    else if (caller === 'participant') sender = member;
    else if (caller === 'other meeting’s participant') {
      const there = await createMeeting(server.url, 'There');
      sender = client();
      expect((await sender.join(there.code, 'Elsewhere')).ok).toBe(true);
      // Their secret opens nothing here, with or without a name (S2, S3).
      const asKnown = await sender.join(here.code);
      expect(asKnown.ok ? 'joined' : asKnown.error.code).toBe('bad_token');
      const asNew = await sender.join(here.code, 'Sneaky');
      expect(asNew.ok ? 'joined' : asNew.error.code).toBe('bad_token');
    } else if (caller === 'no token') {
      sender = client();
      const r = await sender.raw('meeting:join', { protocol: PROTOCOL_VERSION, code: here.code });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_token' } });
    } else if (caller === 'unknown token') {
      sender = client();
      const r = await sender.join(here.code);
      expect(r.ok ? 'joined' : r.error.code).toBe('bad_token');
    } else {
      sender = client();
      expect((await sender.join(here.code, 'Leaver')).ok).toBe(true);
      expect((await sender.command({ type: 'participant.leave' })).ok).toBe(true);
    }

    const before = logLength(here.meetingId);
    const result = (await sender.raw('meeting:command', payload(type, memberId))) as CommandResult;
    const code = result.ok ? null : result.error.code;

    if (caller === 'facilitator' || caller === 'participant') {
      if (MAY_SEND[type] === caller) {
        // Allowed through the gate: ok, or refused for the stage only, never for who sent it.
        expect(AUTH_CODES).not.toContain(code);
      } else {
        expect(code).toBe('forbidden');
        expect(logLength(here.meetingId)).toBe(before);
      }
      return;
    }
    // Nobody outside the meeting, and nobody who has left it, changes this meeting's log.
    expect(logLength(here.meetingId)).toBe(before);
    if (caller !== 'other meeting’s participant') expect(result.ok).toBe(false);
    if (caller === 'no token' || caller === 'unknown token') expect(code).toBe('not_joined');
    if (caller === 'other meeting’s participant') {
      // Its session is still its own meeting's: there it is an ordinary participant.
      if (MAY_SEND[type] === 'facilitator') expect(code).toBe('forbidden');
      else expect(AUTH_CODES).not.toContain(code);
    }
    if (caller === 'stale token (left the meeting)') {
      if (MAY_SEND[type] === 'facilitator') expect(code).toBe('forbidden');
      expect(code).not.toBeNull();
    }
  });
});
