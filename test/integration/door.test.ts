/**
 * S12 through the real gateway, with real sockets: the facilitator decides who is in the room.
 * A removed token is refused on rejoin; a join flood from one address is throttled while other
 * addresses still join; a locked meeting lets in only those the facilitator admits; the cap and
 * the names hold at the door; every door command from a participant is refused, the log unchanged.
 */
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { JoinResult } from '@circlewise/shared/protocol';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, startServer, type TestServer, uuid } from '../support/server';
import { client, closeClients, expectError, lastSeq, log, ok, openMeeting, settle } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  closeClients();
  await server?.destroy();
  server = undefined;
});

async function serve(door: NonNullable<NonNullable<Parameters<typeof startServer>[0]>['door']>) {
  server = await startServer({ door });
  return server;
}

/** A join from a client at `address` (read from X-Forwarded-For: the server trusts its proxy here). */
async function joinFrom(url: string, code: string, name: string, address: string): Promise<JoinResult> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { 'x-forwarded-for': address },
  });
  try {
    return await socket.emitWithAck('meeting:join', {
      protocol: PROTOCOL_VERSION,
      code,
      name,
      joinId: `${uuid()}${uuid()}`.replaceAll('-', ''),
    });
  } finally {
    socket.close();
  }
}

describe('S12 who is in the meeting, over real sockets', () => {
  it('[S12] a removed token is refused on rejoin, and no longer counts', async () => {
    const s = await serve({});
    const { meeting, facilitator, participants } = await openMeeting(s, ['Ana', 'Ben']);
    const [ana, ben] = participants as [(typeof participants)[0], (typeof participants)[0]];
    const anaId = ana.participantId as string;
    const disconnected = new Promise<void>((done) => ana.socket.once('disconnect', () => done()));
    ok(await facilitator.command({ type: 'participant.remove', participantId: anaId }));
    await disconnected;
    await settle([facilitator, ben], lastSeq(s, meeting.meetingId));
    expect(facilitator.meeting?.participants[anaId]).toMatchObject({ present: false, removed: true });

    const before = lastSeq(s, meeting.meetingId);
    const again = client(s, ana.token);
    const refused = expectError(await again.join(meeting.code), 'removed');
    expect(refused.message).toMatch(/removed you/);
    // Not with a name either: the token is the person (S2).
    expectError(await client(s, ana.token).join(meeting.code, 'Ana again'), 'removed');
    expect(lastSeq(s, meeting.meetingId)).toBe(before);
    expect(log(s, meeting.meetingId).filter((e) => e.type === 'participant.joined')).toHaveLength(2);
  });

  it('[S12] a join flood from one address is throttled; other addresses still join', async () => {
    const s = await serve({
      trustProxy: true,
      joinLimits: { perAddress: { burst: 5, perSecond: 0.01 }, perCode: { burst: 100, perSecond: 1 } },
    });
    const meeting = await createMeeting(s.url);
    const flood = await Promise.all(
      Array.from({ length: 20 }, (_, i) => joinFrom(s.url, meeting.code, `Bot ${i}`, '198.51.100.9')),
    );
    expect(flood.filter((r) => r.ok)).toHaveLength(5);
    const throttled = flood.filter((r) => !r.ok);
    expect(throttled).toHaveLength(15);
    for (const r of throttled) expectError(r, 'rate_limited');

    ok(await joinFrom(s.url, meeting.code, 'Ana', '203.0.113.20'));
    ok(await joinFrom(s.url, meeting.code, 'Ben', '203.0.113.21'));
    expect(log(s, meeting.meetingId).filter((e) => e.type === 'participant.joined')).toHaveLength(7);
  });

  it('[S12] a locked meeting admits only the admitted', async () => {
    const s = await serve({});
    const { meeting, facilitator, participants } = await openMeeting(s, ['Ana']);
    const [ana] = participants as [(typeof participants)[0]];
    ok(await facilitator.command({ type: 'meeting.lock' }));

    const dora = client(s);
    const eve = client(s);
    const doraAnswer = new Promise<{ admitted: boolean }>((done) =>
      dora.socket.once('meeting:admission', done),
    );
    const eveAnswer = new Promise<{ admitted: boolean }>((done) =>
      eve.socket.once('meeting:admission', done),
    );
    expect(expectError(await dora.join(meeting.code, 'Dora'), 'waiting').message).toMatch(/wait/);
    expectError(await eve.join(meeting.code, 'Eve'), 'waiting');
    // Waiting is not joined: nothing can be sent, nothing of the meeting is received.
    expectError(await dora.command({ type: 'question.ask', text: 'May I?' }), 'not_joined');
    expectError(await dora.join(meeting.code), 'waiting');

    const waiting = await facilitator.untilMeeting((m) => Object.keys(m.waiting ?? {}).length === 2);
    const doraId = Object.values(waiting.waiting ?? {}).find((w) => w.name === 'Dora')?.id as string;
    const eveId = Object.values(waiting.waiting ?? {}).find((w) => w.name === 'Eve')?.id as string;
    expect(Object.values(waiting.participants).map((p) => p.name)).toEqual(['Ana']);

    ok(await facilitator.command({ type: 'participant.admit', participantId: doraId }));
    expect(await doraAnswer).toEqual({ admitted: true });
    const admitted = ok(await dora.join(meeting.code));
    expect(admitted.participantId).toBe(doraId);
    expect(admitted.view.participants[doraId]).toMatchObject({ name: 'Dora', present: true });
    // Admitted is present: a participant who may speak (participant.leave is theirs alone).
    ok(await dora.command({ type: 'participant.leave' }));

    ok(await facilitator.command({ type: 'participant.refuse', participantId: eveId }));
    expect(await eveAnswer).toEqual({ admitted: false });
    expectError(await eve.join(meeting.code), 'removed');

    // The one who was there before the lock is still let in as herself.
    ana.close();
    ok(await client(s, ana.token).join(meeting.code));
    const seq = lastSeq(s, meeting.meetingId);
    const people = Object.values((await facilitator.untilMeeting((m) => m.seq === seq)).participants);
    // Those in the meeting are the one from before the lock and the admitted one; never Eve.
    expect(people.map((p) => p.name).sort()).toEqual(['Ana', 'Dora']);
    expect(
      log(s, meeting.meetingId).some((e) => e.type === 'participant.joined' && e.participantId === eveId),
    ).toBe(false);
  });

  it('[S12] a join over the participant cap is refused', async () => {
    const s = await serve({ participantCap: 2 });
    const { meeting } = await openMeeting(s, ['Ana', 'Ben']);
    const before = lastSeq(s, meeting.meetingId);
    expect(expectError(await client(s).join(meeting.code, 'Cleo'), 'meeting_full').message).toMatch(
      /at most 2/,
    );
    expect(lastSeq(s, meeting.meetingId)).toBe(before);
  });

  it('[S12] a name in use or passing for a role is refused at the door, and a cleaned name joins', async () => {
    const s = await serve({});
    const { meeting } = await openMeeting(s, ['Ana']);
    const before = lastSeq(s, meeting.meetingId);
    expect(expectError(await client(s).join(meeting.code, ' ana '), 'name_taken').message).toMatch(
      /Ana is already here: add an initial or a surname/,
    );
    expectError(await client(s).join(meeting.code, 'The Facilitator'), 'name_taken');
    expectError(await client(s).join(meeting.code, '\u200B\u202E'), 'invalid_payload');
    expect(lastSeq(s, meeting.meetingId)).toBe(before);
    const ben = client(s);
    const joined = ok(await ben.join(meeting.code, 'B\u200Ben\u202E'));
    expect(joined.view.participants[joined.participantId as string]?.name).toBe('Ben');
  });

  it('[S12][S6] every door command from a participant is forbidden, and bad ids are not_found; the log is unchanged', async () => {
    const s = await serve({});
    const { meeting, facilitator, participants } = await openMeeting(s, ['Ana', 'Ben']);
    const [ana, ben] = participants as [(typeof participants)[0], (typeof participants)[0]];
    const benId = ben.participantId as string;
    const before = lastSeq(s, meeting.meetingId);
    for (const command of [
      { type: 'meeting.lock' as const },
      { type: 'meeting.unlock' as const },
      { type: 'participant.admit' as const, participantId: benId },
      { type: 'participant.refuse' as const, participantId: benId },
      { type: 'participant.remove' as const, participantId: benId },
    ]) {
      expectError(await ana.command(command), 'forbidden');
    }
    expectError(await facilitator.command({ type: 'participant.admit', participantId: uuid() }), 'not_found');
    expectError(await facilitator.command({ type: 'participant.refuse', participantId: benId }), 'not_found');
    expectError(
      await facilitator.command({ type: 'participant.remove', participantId: uuid() }),
      'not_found',
    );
    expectError(await facilitator.command({ type: 'meeting.unlock' }), 'not_allowed');
    expectError(
      await facilitator.command({ type: 'participant.remove', participantId: 'not-an-id' } as never),
      'invalid_payload',
    );
    expect(lastSeq(s, meeting.meetingId)).toBe(before);
  });
});
