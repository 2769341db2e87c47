/**
 * A meeting's lifetime (issue 11): an open meeting with no event for the abandonment time is
 * closed as abandoned, recorded in its log (A7: measured from the log's last event time), checked
 * at start and periodically; start-up loads only live meetings (A8); a closed meeting is loaded
 * only for a reader it opens to, and leaves memory after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '@circlewise/server/app';
import type { EventStore } from '@circlewise/server/store/eventStore';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { CreatedMeeting } from '@circlewise/shared/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestClient } from '../support/server';
import { expectError, ok } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const ABANDON = 14 * DAY;

let clock = Date.now();
const apps: App[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const a of apps.splice(0)) await a.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
});

async function start(dataDir: string) {
  const store = openSqliteStore(join(dataDir, 'circlewise.db'), { synchronous: 'normal' });
  const app = createApp({ store, now: () => clock, abandonAfterMs: ABANDON, abandonCheckMs: 25 });
  apps.push(app);
  const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  const connect = (token?: string) => {
    const c = new TestClient(url, token);
    clients.push(c);
    return c;
  };
  return { app, url, store, connect };
}

async function create(url: string, title: string): Promise<CreatedMeeting> {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  return (await res.json()) as CreatedMeeting;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

const last = (store: EventStore, id: string): MeetingEvent | undefined => store.events(id).at(-1);

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'circlewise-life-'));
  dirs.push(dir);
  return dir;
}

describe('meeting lifetime', () => {
  it('[A7] an open meeting idle for the abandonment time is closed as abandoned: recorded, broadcast, in the minutes; checked at start and periodically', async () => {
    clock = Date.now();
    const dataDir = tempDir();
    const first = await start(dataDir);
    const a = await create(first.url, 'Bikes');
    const b = await create(first.url, 'Desks');
    const aFac = first.connect(a.facilitatorKey);
    ok(await aFac.join(a.code));
    const ada = first.connect();
    ok(await ada.join(a.code, 'Ada'));
    const lastA = clock;

    // B has activity ten days later; A has none.
    clock += 10 * DAY;
    const bFac = first.connect(b.facilitatorKey);
    ok(await bFac.join(b.code));
    ok(await bFac.command({ type: 'proposal.edit', title: 'Desks', driver: 'Cramped.', text: 'Move.' }));
    const lastB = clock;

    // A day short of A's abandonment time: nothing happens.
    clock = lastA + ABANDON - DAY;
    await new Promise((r) => setTimeout(r, 100));
    expect(
      first.store
        .openMeetings()
        .map((m) => m.id)
        .sort(),
    ).toEqual([a.meetingId, b.meetingId].sort());

    // Past it: the periodic sweep closes A, and everyone in it hears so.
    clock = lastA + ABANDON + 60_000;
    await until(() => ada.meeting?.closedAt !== undefined, 'the abandonment broadcast');
    const abandoned = last(first.store, a.meetingId);
    expect(abandoned).toMatchObject({
      type: 'meeting.abandoned',
      by: 'system',
      lastActivityAt: lastA,
      idleDays: 14,
      at: clock,
    });
    expect(first.store.openMeetings().map((m) => m.id)).toEqual([b.meetingId]);
    expectError(await ada.command({ type: 'participant.leave' }), 'meeting_closed');
    const minutes = await fetch(`${first.url}/api/meetings/${a.code}/minutes.md`, {
      headers: { authorization: `Bearer ${a.facilitatorKey}` },
    });
    expect(await minutes.text()).toContain('Closed as abandoned after 14 days without activity.');
    for (const c of clients.splice(0)) c.close();
    await until(() => first.app.meetings.count() === 1, 'A to leave memory');
    await first.app.close();
    apps.splice(0);

    // Restarted once B too is due: the start-up sweep closes it, and nothing is loaded.
    clock = lastB + ABANDON + 5 * DAY;
    const second = await start(dataDir);
    expect(last(second.store, b.meetingId)).toMatchObject({
      type: 'meeting.abandoned',
      lastActivityAt: lastB,
      idleDays: 19,
    });
    expect(second.store.openMeetings()).toEqual([]);
    expect(second.app.meetings.count()).toBe(0);
    // The log says it once: a later sweep finds nothing to do.
    clock += ABANDON;
    await new Promise((r) => setTimeout(r, 100));
    expect(second.store.events(b.meetingId).filter((e) => e.type === 'meeting.abandoned')).toHaveLength(1);
  });

  it('[A8] start-up loads only live meetings; a closed one is loaded only for a reader it opens to, and then leaves memory', async () => {
    clock = Date.now();
    const dataDir = tempDir();
    const first = await start(dataDir);
    const open = await create(first.url, 'Open');
    const closed = await create(first.url, 'Closed');
    const fac = first.connect(closed.facilitatorKey);
    ok(await fac.join(closed.code));
    const ben = first.connect();
    ok(await ben.join(closed.code, 'Ben'));
    ok(await fac.command({ type: 'meeting.close' }));
    for (const c of clients.splice(0)) c.close();
    await first.app.close();
    apps.splice(0);

    const { app, url, store, connect } = await start(dataDir);
    expect(app.meetings.count()).toBe(1);
    expect(app.meetings.cached(open.meetingId)).toBeDefined();
    const reads = vi.spyOn(store, 'events');

    // Without a token, or with a wrong one, nothing is loaded.
    const unauthorised: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-token-of-this-meeting' },
    ];
    for (const headers of unauthorised) {
      for (const path of ['minutes.md', 'minutes.json', 'events', 'roles']) {
        const res = await fetch(`${url}/api/meetings/${closed.code}/${path}`, { headers });
        expect(res.status).toBe(401);
      }
    }
    expect(reads).not.toHaveBeenCalled();
    expect(app.meetings.count()).toBe(1);

    // With the facilitator key it is read, and not kept.
    const res = await fetch(`${url}/api/meetings/${closed.code}/minutes.md`, {
      headers: { authorization: `Bearer ${closed.facilitatorKey}` },
    });
    expect(res.status).toBe(200);
    expect(reads).toHaveBeenCalled();
    expect(app.meetings.count()).toBe(1);

    // A newcomer is refused without its log being read, and nothing stays; a participant who was
    // there reads it while connected.
    const readsBefore = reads.mock.calls.length;
    expectError(await connect().join(closed.code, 'Late'), 'meeting_closed');
    expectError(await connect(open.facilitatorKey).join(closed.code), 'meeting_closed');
    expect(reads.mock.calls.length).toBe(readsBefore);
    expect(app.meetings.count()).toBe(1);
    const benAgain = connect(ben.token);
    expect(ok(await benAgain.join(closed.code)).view.closedAt).toBeDefined();
    expect(app.meetings.count()).toBe(2);
    benAgain.close();
    await until(() => app.meetings.count() === 1, 'the closed meeting to leave memory');
    expect(app.meetings.cached(closed.meetingId)).toBeUndefined();
  });
});
