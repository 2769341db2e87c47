/**
 * Circles through the real server and real HTTP (S3): a circle is made, its member link opens its
 * records and nothing else, a rotated link stops working at once, and every bad request gets a
 * clear refusal in the one shape.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CircleCreated, CircleOverview, KeyRotated, SearchHit } from '@circlewise/shared/circles';
import { LIMITS } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server';
import {
  adopt,
  call,
  createCircle,
  expectRefusal,
  openCircleMeeting,
  overview,
  UNKNOWN_CIRCLE_MESSAGE,
} from './circleSupport';
import { client, expectError, ok, openMeeting, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

/** Every way into a circle's records, for a meeting code and an agreement id (the key is a header). */
function circlePaths(code: string, agreementId: string) {
  return [
    ['GET', '/api/circle'],
    ['PATCH', '/api/circle'],
    ['POST', '/api/circle/meetings'],
    ['GET', `/api/circle/meetings/${code}/events`],
    ['GET', `/api/circle/meetings/${code}/minutes.md`],
    ['GET', `/api/circle/meetings/${code}/minutes.json`],
    ['GET', '/api/circle/search?q=lunch'],
    ['POST', `/api/circle/agreements/${agreementId}/review`],
    ['POST', '/api/circle/rotate'],
  ] as const;
}

/** What each way in is sent: a valid change for PATCH, so only the key can be what refuses it. */
const BODY = { GET: undefined, POST: {}, PATCH: { name: 'Taken over' } } as const;

/** Circle B with a meeting in it that adopted an agreement and recorded a question. */
async function circleWithRecords(name: string, words: string) {
  const created = await createCircle(server, { name, members: ['Ana', 'Ben'] });
  const m = await openCircleMeeting(server, created.memberKey, ['Ana', 'Ben'], `${name} meeting`);
  ok(
    await m.facilitator.command({
      type: 'proposal.edit',
      title: `${words} rule`,
      driver: `${words} driver`,
      text: `${words} text.`,
    }),
  );
  await m.sync();
  await adopt(m);
  const circle = await overview(server, created.memberKey);
  return { ...created, meeting: m.meeting, agreementId: circle.agreements[0]!.id };
}

describe('creating a circle', () => {
  it('[S3] POST /api/circles makes a circle and its member link; the link opens it', async () => {
    const answer = await call(server, 'POST', '/api/circles', {
      name: '  Kitchen circle ',
      aim: 'Food for everyone at work.',
      reviewMonths: 3,
      members: ['Ana', ' Ben '],
    });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json).sort()).toEqual(['circleId', 'keeperKey', 'memberKey']);
    const { circleId, memberKey, keeperKey } = answer.json as unknown as CircleCreated;
    expect(memberKey.length).toBeGreaterThanOrEqual(40);
    expect(keeperKey.length).toBeGreaterThanOrEqual(40);
    expect(keeperKey).not.toBe(memberKey);
    // S4: the keys themselves are nowhere on disk, only their hashes.
    for (const file of [server.dbFile, `${server.dbFile}-wal`]) {
      if (!existsSync(file)) continue;
      expect(readFileSync(file).includes(memberKey)).toBe(false);
      expect(readFileSync(file).includes(keeperKey)).toBe(false);
    }
    const circle = await overview(server, memberKey);
    expect(circle).toEqual({
      circle: {
        id: circleId,
        name: 'Kitchen circle',
        aim: 'Food for everyone at work.',
        reviewMonths: 3,
        members: ['Ana', 'Ben'],
        createdAt: expect.any(Number),
      },
      meetings: [],
      agreements: [],
      roles: [],
      hasKeeperKey: true,
    } satisfies CircleOverview);
    const defaults = await overview(server, (await createCircle(server, { name: 'Bare' })).memberKey);
    expect(defaults.circle).toMatchObject({ aim: '', reviewMonths: 6, members: [] });
  });

  it.each([
    { name: 'broken JSON', body: '{"name": ', status: 400, code: 'invalid_payload', says: /not valid JSON/ },
    { name: 'no name', body: { aim: 'x' }, status: 400, code: 'invalid_payload', says: /name/ },
    {
      name: 'a blank name',
      body: { name: '   ' },
      status: 400,
      code: 'invalid_payload',
      says: /must not be empty/,
    },
    {
      name: 'the same member twice',
      body: { name: 'Kitchen', members: ['Ana', 'Ben', 'Ana'] },
      status: 400,
      code: 'invalid_payload',
      says: /listed once/,
    },
    {
      name: 'too many members',
      body: { name: 'Big', members: Array.from({ length: 201 }, (_, i) => `Member ${i}`) },
      status: 400,
      code: 'invalid_payload',
      says: /at most 200 members/,
    },
    {
      name: 'a member name too long',
      body: { name: 'C', members: ['x'.repeat(LIMITS.name + 1)] },
      status: 400,
      code: 'invalid_payload',
      says: /at most/,
    },
    {
      name: 'reviewMonths 0',
      body: { name: 'C', reviewMonths: 0 },
      status: 400,
      code: 'invalid_payload',
      says: /at least 1/,
    },
    {
      name: 'an unknown field',
      body: { name: 'C', memberKey: 'mine' },
      status: 400,
      code: 'invalid_payload',
      says: /./,
    },
    { name: 'an array', body: '[]', status: 400, code: 'invalid_payload', says: /./ },
    {
      name: 'a body over 32 KB',
      body: { name: 'C', aim: 'x'.repeat(40 * 1024) },
      status: 413,
      code: 'payload_too_large',
      says: /too large/,
    },
  ] as const)(
    '[S6] POST /api/circles with $name answers $status $code',
    async ({ body, status, code, says }) => {
      const answer = await call(server, 'POST', '/api/circles', body);
      expect(expectRefusal(answer, status, code)).toMatch(says);
    },
  );

  it('[S6] a circle meeting with a bad body is refused, and nothing is made', async () => {
    const { memberKey } = await createCircle(server);
    for (const body of [{ kind: 'party' }, { title: '' }, { title: 'x', circleId: 'other' }, '{"title":']) {
      expectRefusal(
        await call(server, 'POST', `/api/circle/meetings`, body, memberKey),
        400,
        'invalid_payload',
      );
    }
    expect((await overview(server, memberKey)).meetings).toEqual([]);
  });
});

describe('S3 a circle’s link opens its own records only', () => {
  it('[S3] a wrong or malformed link gets the same 404 everywhere, exposing nothing', async () => {
    const b = await circleWithRecords('Garden', 'Tulip');
    // No key, wrong ones, a malformed one, and the keeper key (it opens nothing by itself).
    const keys = [
      undefined,
      'x'.repeat(43),
      'short',
      '%20',
      b.memberKey.slice(0, -1),
      `${b.memberKey}x`,
      b.keeperKey,
    ];
    for (const key of keys) {
      for (const [method, path] of circlePaths(b.meeting.code, b.agreementId)) {
        const answer = await call(server, method, path, BODY[method], key);
        expect(expectRefusal(answer, 404, 'unknown_circle'), `${method} ${path}`).toBe(
          UNKNOWN_CIRCLE_MESSAGE,
        );
        expect(answer.text).not.toContain('Tulip');
        expect(answer.text).not.toContain(b.circleId);
      }
    }
    // Nothing of it changed either.
    expect((await overview(server, b.memberKey)).circle.name).toBe('Garden');
  });

  it('[S3] a link of circle A opens nothing of circle B: overview, events, minutes, search, review, meetings', async () => {
    const a = await circleWithRecords('Kitchen', 'Lentil');
    const b = await circleWithRecords('Garden', 'Tulip');
    const outside = await openMeeting(server, ['Cleo'], 'Outside any circle');

    // A's overview lists A's meeting and agreement only.
    const mine = await overview(server, a.memberKey);
    expect(mine.meetings.map((m) => m.code)).toEqual([a.meeting.code]);
    expect(mine.agreements.map((x) => x.id)).toEqual([a.agreementId]);
    expect(JSON.stringify(mine)).not.toContain('Tulip');

    // A's own records are open to A's link.
    const events = await call<{ events: MeetingEvent[] }>(
      server,
      'GET',
      `/api/circle/meetings/${a.meeting.code}/events`,
      undefined,
      a.memberKey,
    );
    expect(events.status).toBe(200);
    expect(events.json.events[0]).toMatchObject({ type: 'meeting.created', circleId: a.circleId });
    const md = await fetch(`${server.url}/api/circle/meetings/${a.meeting.code}/minutes.md`, {
      headers: { authorization: `Bearer ${a.memberKey}` },
    });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await md.text()).toContain('Lentil');

    // B's meeting, and one outside any circle, through A's link: as if they did not exist.
    for (const code of [b.meeting.code, outside.meeting.code, 'ZZZZZZ']) {
      for (const file of ['events', 'minutes.md', 'minutes.json']) {
        const answer = await call(
          server,
          'GET',
          `/api/circle/meetings/${code}/${file}`,
          undefined,
          a.memberKey,
        );
        expectRefusal(answer, 404, 'unknown_meeting');
        expect(answer.text).not.toContain('Tulip');
      }
    }
    // Search through A's link finds A's words, never B's.
    const search = async (key: string, q: string) =>
      (
        await call<{ hits: SearchHit[] }>(
          server,
          'GET',
          `/api/circle/search?q=${encodeURIComponent(q)}`,
          undefined,
          key,
        )
      ).json.hits;
    expect((await search(a.memberKey, 'lentil')).length).toBeGreaterThan(0);
    expect(await search(a.memberKey, 'tulip')).toEqual([]);
    expect((await search(b.memberKey, 'tulip')).length).toBeGreaterThan(0);
    // B's agreement cannot be put up for review through A's link.
    expectRefusal(
      await call(server, 'POST', `/api/circle/agreements/${b.agreementId}/review`, undefined, a.memberKey),
      404,
      'not_found',
    );
    // A meeting made with A's link is A's.
    const made = await call<{ code: string }>(
      server,
      'POST',
      `/api/circle/meetings`,
      {
        title: 'Next',
      },
      a.memberKey,
    );
    expect(made.status).toBe(201);
    expect((await overview(server, a.memberKey)).meetings.map((m) => m.code)).toContain(made.json.code);
    expect((await overview(server, b.memberKey)).meetings.map((m) => m.code)).not.toContain(made.json.code);
    expect((await overview(server, b.memberKey)).agreements.map((x) => x.id)).toEqual([b.agreementId]);
  });

  it('[S3][S2] by socket: circle A’s link is no token for B’s meeting, nor for its log or minutes', async () => {
    const a = await createCircle(server, { name: 'Kitchen' });
    const b = await circleWithRecords('Garden', 'Tulip');
    const intruder = client(server, a.memberKey);
    expectError(await intruder.join(b.meeting.code), 'bad_token');
    expect(intruder.view).toBeUndefined();
    for (const file of ['events', 'minutes.md', 'minutes.json']) {
      const res = await fetch(`${server.url}/api/meetings/${b.meeting.code}/${file}`, {
        headers: { authorization: `Bearer ${a.memberKey}` },
      });
      expect(res.status).toBe(401);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'bad_token' } });
      expect(text).not.toContain('Tulip');
    }
    // Nor is B's own link a token for B's meeting: the member link reads, it does not take part.
    expectError(await client(server, b.memberKey).join(b.meeting.code), 'bad_token');
    // Not even with a name, as a new device would join: the key is never stored as a token.
    const before = server.app.meetings.store.events(b.meeting.meetingId).length;
    expectError(await client(server, a.memberKey).join(b.meeting.code, 'Intruder'), 'bad_token');
    expectError(await client(server, b.memberKey).join(b.meeting.code, 'Member'), 'bad_token');
    expect(server.app.meetings.store.events(b.meeting.meetingId)).toHaveLength(before);
  });

  it('[S3] a rotated link stops working at once; the new one opens the circle and its records', async () => {
    const a = await circleWithRecords('Kitchen', 'Lentil');
    const rotated = await call<KeyRotated>(
      server,
      'POST',
      '/api/circle/rotate',
      { keeperKey: a.keeperKey },
      a.memberKey,
    );
    expect(rotated.status).toBe(200);
    expect(Object.keys(rotated.json)).toEqual(['memberKey']);
    const fresh = rotated.json.memberKey;
    expect(fresh).not.toBe(a.memberKey);
    expect(fresh.length).toBeGreaterThanOrEqual(40);

    for (const [method, path] of circlePaths(a.meeting.code, a.agreementId)) {
      const answer = await call(server, method, path, BODY[method], a.memberKey);
      expect(expectRefusal(answer, 404, 'unknown_circle'), `${method} ${path}`).toBe(UNKNOWN_CIRCLE_MESSAGE);
    }
    const circle = await overview(server, fresh);
    expect(circle.circle.id).toBe(a.circleId);
    expect(circle.circle.name).toBe('Kitchen');
    expect(circle.agreements.map((x) => x.id)).toEqual([a.agreementId]);
    const events = await call(
      server,
      'GET',
      `/api/circle/meetings/${a.meeting.code}/events`,
      undefined,
      fresh,
    );
    expect(events.status).toBe(200);
    // And it survives a restart: the store holds the new key's hash only.
    server = await server.restart();
    expect((await overview(server, fresh)).circle.id).toBe(a.circleId);
    expectRefusal(await call(server, 'GET', `/api/circle`, undefined, a.memberKey), 404, 'unknown_circle');
  });
});
