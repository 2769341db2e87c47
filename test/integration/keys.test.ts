/**
 * Issue 11 §5–6, keys, through the real server and real HTTP: member keys stay out of paths (S10:
 * old links are redirected once, the API takes the key in a header), an unknown code answers as a
 * wrong token does (S8), and only the keeper key rotates a circle's member link.
 */
import { randomUUID } from 'node:crypto';
import { hashSecret } from '@circlewise/server/auth/secrets';
import type { KeyRotated } from '@circlewise/shared/circles';
import { describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../support/server';
import { call, createCircle, expectRefusal, overview, UNKNOWN_CIRCLE_MESSAGE } from './circleSupport';
import { openMeeting, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

const rotate = (memberKey: string, keeperKey?: string) =>
  call<KeyRotated>(
    server,
    'POST',
    '/api/circle/rotate',
    keeperKey === undefined ? {} : { keeperKey },
    memberKey,
  );

describe('S10 keys stay out of paths', () => {
  it('[S10] an old member link is redirected once to the fragment form, uncached and without a Referer', async () => {
    const { memberKey } = await createCircle(server);
    const cases = [
      [`/c/${memberKey}`, `/c#${memberKey}`],
      [`/c/${memberKey}/`, `/c#${memberKey}`],
      [`/c/${memberKey}/m/abc-123`, `/c/m/ABC123#${memberKey}`],
    ] as const;
    for (const [old, moved] of cases) {
      const res = await fetch(`${server.url}${old}`, { redirect: 'manual' });
      expect([302, 303], old).toContain(res.status);
      expect(res.headers.get('location')).toBe(moved);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      await res.body?.cancel();
      // Once: the new form is a page, not another redirect (the server never sees the fragment).
      const next = await fetch(`${server.url}${moved.split('#')[0]}`, { redirect: 'manual' });
      expect(next.status >= 300 && next.status < 400, moved).toBe(false);
      expect(next.headers.get('location')).toBeNull();
      await next.body?.cancel();
    }
  });

  it('[S10] a member key in an old link’s path is never logged', async () => {
    const { memberKey } = await createCircle(server);
    const written: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void written.push(args.join(' '))),
    );
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      for (const path of [
        `/c/${memberKey}`,
        `/c/${memberKey}/m/ABC123`,
        `/c/${memberKey}/x/y`,
        `/c/%E0%A4%A`,
      ]) {
        const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
        await res.body?.cancel();
      }
    } finally {
      for (const spy of [...spies, out, err]) spy.mockRestore();
    }
    expect(written.filter((line) => line.includes(memberKey))).toEqual([]);
  });

  it('[S10] the API takes the key only in the Authorization header: the old paths open nothing', async () => {
    const { memberKey } = await createCircle(server, { name: 'Hidden garden' });
    for (const path of [`/api/circles/${memberKey}`, `/api/circles/${memberKey}/search?q=x`]) {
      const answer = await call(server, 'GET', path);
      expectRefusal(answer, 404, 'not_found');
      expect(answer.text).not.toContain('Hidden garden');
    }
    expectRefusal(await call(server, 'GET', `/api/circle?key=${memberKey}`), 404, 'unknown_circle');
    expect((await overview(server, memberKey)).circle.name).toBe('Hidden garden');
  });
});

describe('S8 no oracle on a meeting’s REST routes', () => {
  it('[S8] an unknown code and a wrong token get the same status and body on every route, after the same lookup', async () => {
    const { meeting, participants } = await openMeeting(server, ['Ada']);
    const other = await openMeeting(server, ['Ben']);
    const store = server.app.meetings.store;
    const lookup = store.tokenByHash.bind(store);
    let lookups = 0;
    store.tokenByHash = (hash) => {
      lookups++;
      return lookup(hash);
    };
    try {
      for (const route of ['events', 'minutes.md', 'minutes.json', 'roles']) {
        const answers = [];
        const asked: [string, string | undefined][] = [
          [meeting.code, other.meeting.facilitatorKey], // a real code, a token of another meeting
          [meeting.code, `${randomUUID()}${randomUUID()}`], // a real code, a made-up token
          [meeting.code, undefined], // a real code, no token
          ['ZZZZZZ', meeting.facilitatorKey], // an unknown code, a real token
          ['ZZZZZZ', participants[0]!.token],
          ['ZZZZZZ', undefined],
        ];
        for (const [code, token] of asked) {
          const before = lookups;
          const res = await fetch(`${server.url}/api/meetings/${code}/${route}`, {
            headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
          });
          answers.push({ status: res.status, body: await res.text() });
          // No shortcut: the token is looked up whatever the code, and whether one was given.
          expect(lookups - before, `${route} ${code} ${token}`).toBe(1);
        }
        expect(new Set(answers.map((a) => JSON.stringify(a))).size, route).toBe(1);
        expect(answers[0]!.status).toBe(401);
        expect(JSON.parse(answers[0]!.body)).toMatchObject({ error: { code: 'bad_token' } });
      }
    } finally {
      store.tokenByHash = lookup;
    }
  });
});

describe('the keeper key', () => {
  it('[S3] a member link reads and takes part, but cannot rotate: 403 forbidden, and the link still works', async () => {
    const { memberKey, keeperKey } = await createCircle(server, { name: 'Kitchen' });
    for (const keeper of [undefined, '', 'a guess', memberKey, `${keeperKey}x`]) {
      const refused = await rotate(memberKey, keeper);
      expect(expectRefusal(refused, 403, 'forbidden'), String(keeper)).toMatch(/keeper/);
    }
    // Nothing changed: the member link opens the circle as before.
    expect((await overview(server, memberKey)).circle.name).toBe('Kitchen');
    // The keeper key alone opens nothing: it is not a member link.
    expectRefusal(await rotate(keeperKey, keeperKey), 404, 'unknown_circle');

    const rotated = await rotate(memberKey, keeperKey);
    expect(rotated.status).toBe(200);
    expect(rotated.json.keeperKey).toBeUndefined();
    expect(
      expectRefusal(await call(server, 'GET', '/api/circle', undefined, memberKey), 404, 'unknown_circle'),
    ).toBe(UNKNOWN_CIRCLE_MESSAGE);
    // The keeper key stays the same across rotations.
    const again = await rotate(rotated.json.memberKey, keeperKey);
    expect(again.status).toBe(200);
    expect((await overview(server, again.json.memberKey)).hasKeeperKey).toBe(true);
  });

  it('[S3] a circle made before keeper keys: its first rotation mints one, returned once; then it is needed', async () => {
    const memberKey = `legacy-${randomUUID()}`;
    const store = server.app.meetings.store;
    const id = randomUUID();
    store.createCircle(
      { id, name: 'Old circle', aim: '', reviewMonths: 6, members: [], createdAt: Date.now() },
      hashSecret(memberKey),
    );
    expect((await overview(server, memberKey)).hasKeeperKey).toBe(false);
    const first = await rotate(memberKey);
    expect(first.status).toBe(200);
    const { memberKey: fresh, keeperKey } = first.json;
    expect(keeperKey?.length).toBeGreaterThanOrEqual(40);
    expect(store.circleKeeperHash(id)).toBe(hashSecret(keeperKey ?? ''));
    expect((await overview(server, fresh)).hasKeeperKey).toBe(true);
    // From now on the member link alone cannot rotate.
    expectRefusal(await rotate(fresh), 403, 'forbidden');
    const second = await rotate(fresh, keeperKey);
    expect(second.status).toBe(200);
    expect(second.json.keeperKey).toBeUndefined();
  });
});
