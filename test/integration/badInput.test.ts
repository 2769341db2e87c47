/**
 * S6: whatever a broken or hostile client sends, it gets an error ack with a stable code and a
 * readable message; the connection, the meeting and the log stay as they were.
 */
import { LIMITS, PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { ErrorCode } from '@circlewise/shared/errors';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestClient, type TestServer, uuid } from '../support/server';
import { advance, client, closeClients, expectError, log, ok, openMeeting, settle } from './helpers';

let server: TestServer;
let code: string;
let meetingId: string;
let fac: TestClient;
let ada: TestClient;
let ben: TestClient;
let questionId: string;

beforeAll(async () => {
  server = await startServer();
  const opened = await openMeeting(server, ['Ada', 'Ben']);
  ({ code, meetingId } = opened.meeting);
  fac = opened.facilitator;
  [ada, ben] = opened.participants as [TestClient, TestClient];
  ok(
    await fac.command({
      type: 'proposal.edit',
      title: 'Noise',
      driver: 'Loud calls.',
      text: 'Phone booths.',
    }),
  );
  await advance(fac, 'proposal');
  const asked = ok(await ada.command({ type: 'question.ask', text: 'How many booths?' }));
  questionId = (await fac.until((v) => v.seq >= asked.seq)).questions[0]!.id;
});

afterAll(async () => {
  closeClients();
  await server.destroy();
});

/** Emits with an ack and nothing else: the ack lands where the payload should be. */
const emitNothing = (c: TestClient, event: string) =>
  (c.socket as unknown as Socket).timeout(5000).emitWithAck(event);

const cmd = (fields: Record<string, unknown>) => ({ commandId: uuid(), ...fields });

interface Case {
  name: string;
  /** Who sends it: a participant, the facilitator, or a socket that has not joined. */
  as: 'participant' | 'facilitator' | 'unjoined';
  send: (c: TestClient) => Promise<unknown>;
  code: ErrorCode;
  reason?: 'clientTooOld' | 'serverTooOld';
}

const cases: Case[] = [
  { name: 'a number', as: 'participant', send: (c) => c.raw('meeting:command', 42), code: 'invalid_payload' },
  { name: 'null', as: 'participant', send: (c) => c.raw('meeting:command', null), code: 'invalid_payload' },
  {
    name: 'a string',
    as: 'participant',
    send: (c) => c.raw('meeting:command', 'advance!'),
    code: 'invalid_payload',
  },
  {
    name: 'an array',
    as: 'participant',
    send: (c) => c.raw('meeting:command', [cmd({ type: 'question.ask', text: 'x' })]),
    code: 'invalid_payload',
  },
  {
    name: 'no payload at all',
    as: 'participant',
    send: (c) => emitNothing(c, 'meeting:command'),
    code: 'invalid_payload',
  },
  {
    name: 'a missing type',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ text: 'Untyped?' })),
    code: 'invalid_payload',
  },
  {
    name: 'an unknown type',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'meeting.delete' })),
    code: 'invalid_payload',
  },
  {
    name: 'a type of the wrong kind',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 7, text: 'x' })),
    code: 'invalid_payload',
  },
  {
    name: 'text that is a number',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'question.ask', text: 42 })),
    code: 'invalid_payload',
  },
  {
    name: 'text that is an object',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'question.ask', text: { $gt: '' } })),
    code: 'invalid_payload',
  },
  {
    name: 'a gesture outside the set',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'reaction.give', text: 'ok', gesture: 'wink' })),
    code: 'invalid_payload',
  },
  {
    name: 'a kind outside the set',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'response.give', kind: 'veto', reason: 'no' })),
    code: 'invalid_payload',
  },
  {
    name: 'a missing commandId',
    as: 'participant',
    send: (c) => c.raw('meeting:command', { type: 'question.ask', text: 'No id?' }),
    code: 'invalid_payload',
  },
  {
    name: 'a commandId that is not a uuid',
    as: 'participant',
    send: (c) => c.raw('meeting:command', { type: 'question.ask', commandId: 'retry-1', text: 'x' }),
    code: 'invalid_payload',
  },
  {
    name: 'a commandId that is a number',
    as: 'participant',
    send: (c) => c.raw('meeting:command', { type: 'question.ask', commandId: 1, text: 'x' }),
    code: 'invalid_payload',
  },
  {
    name: 'an extra key',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'question.ask', text: 'x', admin: true })),
    code: 'invalid_payload',
  },
  {
    name: 'an own __proto__ key',
    as: 'participant',
    send: (c) =>
      c.raw(
        'meeting:command',
        JSON.parse(
          `{"type":"question.ask","commandId":"${uuid()}","text":"x","__proto__":{"role":"facilitator"}}`,
        ),
      ),
    code: 'invalid_payload',
  },
  {
    name: 'an own __proto__ key on a facilitator-only command',
    as: 'participant',
    send: (c) =>
      c.raw(
        'meeting:command',
        JSON.parse(
          `{"type":"stage.advance","commandId":"${uuid()}","from":"clarifying","__proto__":{"x":1}}`,
        ),
      ),
    code: 'invalid_payload',
  },
  {
    name: 'a question over the length limit',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'question.ask', text: 'q'.repeat(LIMITS.reason + 1) })),
    code: 'invalid_payload',
  },
  {
    name: 'a question of only spaces',
    as: 'participant',
    send: (c) => c.raw('meeting:command', cmd({ type: 'question.ask', text: '   ' })),
    code: 'invalid_payload',
  },
  {
    name: 'a proposal over the length limit',
    as: 'facilitator',
    send: (c) => c.raw('meeting:command', cmd({ type: 'proposal.amend', text: 'p'.repeat(LIMITS.text + 1) })),
    code: 'invalid_payload',
  },
  {
    name: 'a review date that is not a date',
    as: 'facilitator',
    send: (c) =>
      c.raw(
        'meeting:command',
        cmd({ type: 'outcome.record', outcome: 'adopted', reviewDate: 'next spring' }),
      ),
    code: 'invalid_payload',
  },
  {
    // S5's command cap; the socket's own cap, which closes the connection, is in limits.test.ts.
    name: '[S5] a payload over the command cap (32 KB)',
    as: 'participant',
    send: (c) =>
      c.raw('meeting:command', cmd({ type: 'question.ask', text: 'x'.repeat(LIMITS.commandBytes + 1) })),
    code: 'payload_too_large',
  },
  {
    name: 'an objection without a reason',
    as: 'participant',
    send: (c) => c.command({ type: 'response.give', kind: 'objection' }),
    code: 'reason_required',
  },
  {
    name: 'a concern with a blank reason',
    as: 'participant',
    send: (c) => c.command({ type: 'response.give', kind: 'concern', reason: '   ' }),
    code: 'reason_required',
  },
  {
    name: 'a command before joining',
    as: 'unjoined',
    send: (c) => c.command({ type: 'question.ask', text: 'Hello?' }),
    code: 'not_joined',
  },
  { name: 'a resync before joining', as: 'unjoined', send: (c) => c.resync(0), code: 'not_joined' },
  {
    name: 'garbage before joining',
    as: 'unjoined',
    send: (c) => c.raw('meeting:command', 'x'),
    code: 'not_joined',
  },
  {
    name: 'a join to an unknown meeting code',
    as: 'participant',
    send: (c) => c.join('NOPE00'),
    code: 'unknown_meeting',
  },
  {
    name: 'a join to an unknown meeting code, unjoined',
    as: 'unjoined',
    send: (c) => c.join('NOPE00', 'Zed'),
    code: 'unknown_meeting',
  },
  {
    name: 'a join from an older protocol',
    as: 'unjoined',
    send: (c) => c.join(code, 'Zed', { protocol: PROTOCOL_VERSION - 1 }),
    code: 'protocol_mismatch',
    reason: 'clientTooOld',
  },
  {
    name: 'a join from a newer protocol',
    as: 'participant',
    send: (c) => c.join(code, undefined, { protocol: PROTOCOL_VERSION + 1 }),
    code: 'protocol_mismatch',
    reason: 'serverTooOld',
  },
  {
    name: 'a join that is not an object',
    as: 'participant',
    send: (c) => c.raw('meeting:join', 'let me in'),
    code: 'invalid_payload',
  },
  {
    name: 'a join with no payload',
    as: 'unjoined',
    send: (c) => emitNothing(c, 'meeting:join'),
    code: 'invalid_payload',
  },
  {
    name: 'a join with an extra key',
    as: 'unjoined',
    send: (c) => c.join(code, 'Zed', { role: 'facilitator' } as never),
    code: 'invalid_payload',
  },
  {
    name: 'a join with a short token',
    as: 'unjoined',
    send: (c) => c.raw('meeting:join', { protocol: PROTOCOL_VERSION, code, token: 'short', name: 'Zed' }),
    code: 'invalid_payload',
  },
  {
    name: 'a join with an over-long name',
    as: 'unjoined',
    send: (c) => c.join(code, 'n'.repeat(LIMITS.name + 1)),
    code: 'invalid_payload',
  },
  {
    name: 'a resync with a negative seq',
    as: 'participant',
    send: (c) => c.raw('meeting:resync', { afterSeq: -1 }),
    code: 'invalid_payload',
  },
  {
    name: 'a resync that is not an object',
    as: 'participant',
    send: (c) => c.raw('meeting:resync', 'all'),
    code: 'invalid_payload',
  },
  {
    name: 'a resync with no payload',
    as: 'participant',
    send: (c) => emitNothing(c, 'meeting:resync'),
    code: 'invalid_payload',
  },
  {
    name: 'a reaction in the clarifying stage',
    as: 'participant',
    send: (c) => c.command({ type: 'reaction.give', text: 'Early' }),
    code: 'wrong_stage',
  },
  {
    name: 'a response in the clarifying stage',
    as: 'participant',
    send: (c) => c.command({ type: 'response.give', kind: 'consent' }),
    code: 'wrong_stage',
  },
  {
    name: 'a reveal in the clarifying stage',
    as: 'facilitator',
    send: (c) => c.command({ type: 'responses.reveal' }),
    code: 'wrong_stage',
  },
  {
    name: 'an outcome in the clarifying stage',
    as: 'facilitator',
    send: (c) => c.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-01-01' }),
    code: 'wrong_stage',
  },
  {
    name: 'an advance from a stage already left',
    as: 'facilitator',
    send: (c) => c.command({ type: 'stage.advance', from: 'proposal' }),
    code: 'stale_stage',
  },
  {
    name: 'a back from a stage not reached',
    as: 'facilitator',
    send: (c) => c.command({ type: 'stage.back', from: 'objections' }),
    code: 'stale_stage',
  },
  {
    name: 'an answer to no question',
    as: 'facilitator',
    send: (c) => c.command({ type: 'question.answer', questionId: uuid(), text: 'Yes.' }),
    code: 'not_found',
  },
  {
    name: 'an edit after presenting',
    as: 'facilitator',
    send: (c) => c.command({ type: 'proposal.edit', title: 'T', driver: 'D', text: 'X' }),
    code: 'not_allowed',
  },
];

describe('[S6] malformed payloads get error acks and the server keeps serving', () => {
  let zeds = 0;
  it.each(cases)('$name gets $code', async (c) => {
    const sender = c.as === 'participant' ? ada : c.as === 'facilitator' ? fac : client(server);
    const before = log(server, meetingId);
    const result = await c.send(sender);

    const error = expectError(result, c.code);
    if (c.reason) expect(error.reason).toBe(c.reason);
    expect(log(server, meetingId)).toEqual(before);
    expect(sender.socket.connected).toBe(true);

    // The same socket still works for a valid command.
    // S12: names are unique in a meeting, so each unjoined sender joins under its own.
    if (c.as === 'unjoined') ok(await sender.join(code, `Zed ${++zeds}`));
    const valid =
      c.as === 'facilitator'
        ? await sender.command({ type: 'question.answer', questionId, text: 'Four booths.' })
        : await sender.command({ type: 'question.ask', text: `Still here after ${c.name}?` });
    expect(ok(valid).seq).toBe((before.at(-1)?.seq ?? 0) + (c.as === 'unjoined' ? 2 : 1));
  });

  it('kept the meeting whole for everyone else: seqs contiguous, every screen on the same view', async () => {
    const events = log(server, meetingId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    await settle([fac, ada, ben], events.at(-1)!.seq);
    expect(ben.view).toEqual(fac.view);
    expect(ada.view).toEqual(fac.view);
    expect(fac.view?.stage).toBe('clarifying');
    // Nothing the refusals carried was recorded.
    expect(JSON.stringify(events)).not.toContain('Untyped?');
    expect(
      events
        .filter((e) => e.type === 'participant.joined')
        .map((e) => e.type === 'participant.joined' && e.name),
    ).toEqual(expect.arrayContaining(['Ada', 'Ben']));
  });
});
