/**
 * S2 over real sockets: participant tokens are minted by the server. A new device joins with its
 * name and a joinId, and the ack brings its token once; a retry of that first join finds the same
 * participant; a token a client made up is refused with the way in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hashSecret } from '@circlewise/server/auth/secrets';
import type { JoinResult } from '@circlewise/shared/protocol';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type TestServer, uuid } from '../support/server';
import { client, expectError, log, ok, openMeeting, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

const joinId = () => `${uuid()}${uuid()}`.replaceAll('-', '');
const joins = (meetingId: string) => log(server, meetingId).filter((e) => e.type === 'participant.joined');

describe('S2 tokens are minted by the server', () => {
  it('[S2] a new device joins with its name and a joinId; the ack brings a long random token, kept only hashed', async () => {
    const { meeting } = await openMeeting(server, []);
    const phone = client(server);
    const id = joinId();
    const joined = ok(
      (await phone.raw('meeting:join', {
        protocol: PROTOCOL_VERSION,
        code: meeting.code,
        name: 'Ana',
        joinId: id,
      })) as JoinResult,
    );
    expect(joined.token.length).toBeGreaterThanOrEqual(43);
    expect(joined.token).not.toBe(id);
    expect(server.app.meetings.store.tokenByHash(hashSecret(joined.token))).toMatchObject({
      participantId: joined.participantId,
      role: 'participant',
    });
    for (const file of [server.dbFile, `${server.dbFile}-wal`]) {
      if (!existsSync(file)) continue;
      expect(readFileSync(file).includes(joined.token)).toBe(false);
      expect(readFileSync(file).includes(id)).toBe(false);
    }
    // The phone comes back with it, as the same person.
    const again = client(server, joined.token);
    expect(ok(await again.join(meeting.code)).participantId).toBe(joined.participantId);
    // Two new devices get two different tokens.
    const other = client(server);
    ok(await other.join(meeting.code, 'Ben'));
    expect(other.token).not.toBe(joined.token);
  });

  it('[S2] a retry after a lost ack finds the same participant, with a fresh token; the lost one opens nothing', async () => {
    const { meeting } = await openMeeting(server, []);
    const id = joinId();
    const request = { protocol: PROTOCOL_VERSION, code: meeting.code, name: 'Cleo', joinId: id };
    // The first ack is lost: the phone never learns the token.
    const lost = ok((await client(server).raw('meeting:join', request)) as JoinResult);
    const before = log(server, meeting.meetingId).length;
    const retry = ok((await client(server).raw('meeting:join', request)) as JoinResult);
    expect(retry.participantId).toBe(lost.participantId);
    expect(retry.token).not.toBe(lost.token);
    expect(joins(meeting.meetingId)).toHaveLength(1);
    expect(log(server, meeting.meetingId)).toHaveLength(before);
    expectError(await client(server, lost.token).join(meeting.code), 'bad_token');
    expect(ok(await client(server, retry.token).join(meeting.code)).participantId).toBe(lost.participantId);
    // Back with its token: the joinId is retired, and finds no one any more.
    const replay = (await client(server).raw('meeting:join', request)) as JoinResult;
    expect(replay.ok).toBe(false);
    expect(joins(meeting.meetingId)).toHaveLength(1);
    expect(ok(await client(server, retry.token).join(meeting.code)).participantId).toBe(lost.participantId);
  });

  it('[S2] a token made by the client on a first join is refused with the new way in, and records nothing', async () => {
    const { meeting } = await openMeeting(server, []);
    const before = log(server, meeting.meetingId).length;
    const made = joinId();
    const refused = expectError(
      await client(server).raw('meeting:join', {
        protocol: PROTOCOL_VERSION,
        code: meeting.code,
        name: 'Dan',
        token: made,
      }),
      'bad_token',
    );
    expect(refused.message).toMatch(/joinId/);
    expect(refused.message).toMatch(/no token/);
    // Neither a token nor a joinId: told what a join needs.
    expect(
      expectError(
        await client(server).raw('meeting:join', {
          protocol: PROTOCOL_VERSION,
          code: meeting.code,
          name: 'Dan',
        }),
        'bad_token',
      ).message,
    ).toMatch(/joinId/);
    expect(log(server, meeting.meetingId)).toHaveLength(before);
    expect(server.app.meetings.store.tokenByHash(hashSecret(made))).toBeUndefined();
  });
});
