/**
 * Changing a circle's details through the real server and real HTTP (S3, R3): a member with the
 * circle's link changes its name, aim, review period or members; a bad change is refused in
 * words and changes nothing; a link opens (and changes) its own circle only; and a new review
 * period is for meetings made afterwards, never for one already open.
 */

import type { Circle } from '@circlewise/shared/circles';
import { LIMITS } from '@circlewise/shared/constants';
import { defaultReviewDate } from '@circlewise/shared/dates';
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
import { log, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

const KITCHEN = { name: 'Kitchen', aim: 'Food for everyone.', reviewMonths: 6, members: ['Ana', 'Ben'] };

const edit = (key: string, body: unknown) => call<Circle>(server, 'PATCH', `/api/circle`, body, key);

describe('changing a circle’s details', () => {
  it('[S3] a member changes what they give; the rest stays; the change is kept across a restart', async () => {
    const { circleId, memberKey } = await createCircle(server, KITCHEN);
    const before = (await overview(server, memberKey)).circle;

    const renamed = await edit(memberKey, { name: '  Kitchen circle ', members: ['Ana', ' Cleo ', 'Dan'] });
    expect(renamed.status, renamed.text).toBe(200);
    const expected: Circle = { ...before, name: 'Kitchen circle', members: ['Ana', 'Cleo', 'Dan'] };
    expect(renamed.json).toEqual(expected);
    expect((await overview(server, memberKey)).circle).toEqual(expected);

    // An empty aim and an empty member list are changes, not "leave it".
    const emptied = await edit(memberKey, { aim: '', members: [], reviewMonths: 12 });
    expect(emptied.status, emptied.text).toBe(200);
    expect(emptied.json).toEqual({ ...expected, aim: '', members: [], reviewMonths: 12 });

    server = await server.restart();
    expect((await overview(server, memberKey)).circle).toEqual({
      id: circleId,
      name: 'Kitchen circle',
      aim: '',
      reviewMonths: 12,
      members: [],
      createdAt: before.createdAt,
    });
  });

  it('[S3] another circle’s key cannot edit it: each link changes its own circle only', async () => {
    const a = await createCircle(server, { ...KITCHEN, name: 'Kitchen' });
    const b = await createCircle(server, { ...KITCHEN, name: 'Garden' });
    const garden = (await overview(server, b.memberKey)).circle;

    // A's link changes A; naming B in the body is refused, not followed.
    expect((await edit(a.memberKey, { name: 'Kitchen 2' })).json.name).toBe('Kitchen 2');
    for (const body of [
      { id: b.circleId, name: 'Taken over' },
      { circleId: b.circleId, name: 'Taken over' },
    ]) {
      expectRefusal(await edit(a.memberKey, body), 400, 'invalid_payload');
    }
    // A wrong, malformed or rotated key: the one 404 of every circle route, saying nothing.
    const rotated = await call<{ memberKey: string }>(
      server,
      'POST',
      '/api/circle/rotate',
      { keeperKey: b.keeperKey },
      b.memberKey,
    );
    expect(rotated.status).toBe(200);
    for (const key of [b.memberKey, 'x'.repeat(43), 'short', `${rotated.json.memberKey}x`]) {
      const answer = await edit(key, { name: 'Taken over' });
      expect(expectRefusal(answer, 404, 'unknown_circle'), key).toBe(UNKNOWN_CIRCLE_MESSAGE);
      expect(answer.text).not.toContain('Garden');
      // Bad input through a bad key is refused for the key first: the body is never looked at.
      expectRefusal(await edit(key, { reviewMonths: 0 }), 404, 'unknown_circle');
    }
    expect((await overview(server, rotated.json.memberKey)).circle).toEqual(garden);
    expect((await overview(server, a.memberKey)).circle.name).toBe('Kitchen 2');
  });

  it.each([
    { name: 'nothing to change', body: {}, says: /at least one detail/ },
    { name: 'only unknown fields', body: { colour: 'green' }, says: /./ },
    { name: 'an unknown field beside a known one', body: { name: 'C', memberKey: 'mine' }, says: /./ },
    { name: 'a blank name', body: { name: '   ' }, says: /must not be empty/ },
    { name: 'a name too long', body: { name: 'x'.repeat(LIMITS.title + 1) }, says: /at most/ },
    { name: 'a name that is not text', body: { name: 7 }, says: /must be text/ },
    { name: 'a null name', body: { name: null }, says: /must be text/ },
    { name: 'an aim too long', body: { aim: 'x'.repeat(LIMITS.text + 1) }, says: /at most/ },
    { name: 'reviewMonths 0', body: { reviewMonths: 0 }, says: /at least 1/ },
    { name: 'reviewMonths 61', body: { reviewMonths: 61 }, says: /at most 60/ },
    { name: 'reviewMonths 1.5', body: { reviewMonths: 1.5 }, says: /whole number/ },
    { name: 'reviewMonths as text', body: { reviewMonths: '6' }, says: /must be a number/ },
    { name: 'members not a list', body: { members: 'Ana, Ben' }, says: /./ },
    { name: 'a blank member', body: { members: ['Ana', ' '] }, says: /must not be empty/ },
    { name: 'a member listed twice', body: { members: ['Ana', 'ana'] }, says: /listed once/ },
    {
      name: 'a member name too long',
      body: { members: ['x'.repeat(LIMITS.name + 1)] },
      says: /at most/,
    },
    {
      name: 'too many members',
      body: { members: Array.from({ length: 201 }, (_, i) => `Member ${i}`) },
      says: /at most 200 members/,
    },
    { name: 'an array', body: '[]', says: /./ },
    { name: 'broken JSON', body: '{"name": ', says: /not valid JSON/ },
  ] as const)(
    '[S6] PATCH /api/circle with $name is refused with 400, changing nothing',
    async ({ body, says }) => {
      const { memberKey } = await createCircle(server, KITCHEN);
      const before = (await overview(server, memberKey)).circle;
      expect(expectRefusal(await edit(memberKey, body), 400, 'invalid_payload')).toMatch(says);
      expect((await overview(server, memberKey)).circle).toEqual(before);
    },
  );

  it('[S6] a change over 32 KB is refused with 413, changing nothing', async () => {
    const { memberKey } = await createCircle(server, KITCHEN);
    const before = (await overview(server, memberKey)).circle;
    const answer = await edit(memberKey, { aim: 'x'.repeat(40 * 1024) });
    expect(expectRefusal(answer, 413, 'payload_too_large')).toMatch(/too large/);
    expect((await overview(server, memberKey)).circle).toEqual(before);
  });
});

describe('R3 a new review period is for new meetings only', () => {
  const LUNCH = { title: 'Shared lunch', driver: 'We skip lunch.', text: 'We lunch together at noon.' };
  const created = (meetingId: string) =>
    log(server, meetingId).find(
      (e): e is Extract<MeetingEvent, { type: 'meeting.created' }> => e.type === 'meeting.created',
    );

  it('[R3] review period for new meetings only: an open meeting keeps the period it was made with', async () => {
    const { memberKey } = await createCircle(server, { ...KITCHEN, reviewMonths: 6 });
    const open = await openCircleMeeting(server, memberKey, ['Ana', 'Ben'], 'Before the change');

    const changed = await edit(memberKey, { reviewMonths: 3 });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.reviewMonths).toBe(3);
    const later = await openCircleMeeting(server, memberKey, ['Ana', 'Ben'], 'After the change');

    // Each meeting's record says which period it was made with (A7: time is data).
    expect(created(open.meeting.meetingId)?.reviewMonths).toBe(6);
    expect(created(later.meeting.meetingId)?.reviewMonths).toBe(3);

    // Adopted without a date: each gets its own meeting's period, not the circle's current one.
    const start = Date.now();
    await adopt(open, { proposal: LUNCH });
    await adopt(later, { proposal: { ...LUNCH, title: 'Shared dinner' } });
    const end = Date.now();
    const dates = Object.fromEntries(
      (await overview(server, memberKey)).agreements.map((a) => [a.title, a.reviewDate]),
    );
    expect(dates['Shared lunch']).toBeOneOf([defaultReviewDate(start, 6), defaultReviewDate(end, 6)]);
    expect(dates['Shared dinner']).toBeOneOf([defaultReviewDate(start, 3), defaultReviewDate(end, 3)]);
    // The two differ, so the test would fail if the open meeting took up the new period.
    expect(dates['Shared lunch']).not.toBe(dates['Shared dinner']);
  });
});
