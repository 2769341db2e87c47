/**
 * A meeting's lifetime (issue 11): the rule that closes an abandoned meeting judges idleness from
 * the log's last event time (A7), the sweep runs it through the command runner, and a meeting it
 * closes leaves memory (A8). Real SQLite store, real command runner, a clock the test moves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingEvent } from '@circlewise/shared/events';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandRunner } from '../../src/commands/commandRunner';
import { DAY_MS, Lifetime } from '../../src/commands/lifetime';
import { readConfig } from '../../src/config';
import { Meetings } from '../../src/meeting/meetings';
import { openSqliteStore } from '../../src/store/sqliteStore';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(afterMs = 14 * DAY_MS) {
  const dir = mkdtempSync(join(tmpdir(), 'circlewise-lifetime-'));
  dirs.push(dir);
  let clock = Date.UTC(2026, 0, 1);
  const now = () => clock;
  const meetings = new Meetings(openSqliteStore(join(dir, 'data.db')), now, () => {});
  const published: MeetingEvent[][] = [];
  const runner = new CommandRunner(
    meetings,
    { publish: (_id, events) => published.push([...events]), reloaded: () => {} },
    { now },
  );
  const lifetime = new Lifetime(meetings, runner, { abandonAfterMs: afterMs, now, log: () => {} });
  return {
    meetings,
    runner,
    lifetime,
    published,
    tick: (ms: number) => {
      clock += ms;
    },
    now,
  };
}

describe('meeting lifetime', () => {
  it('[A7] the rule closes a meeting only once its log has been idle for the abandonment time', () => {
    const { meetings, runner, tick, now } = setup();
    const { meetingId } = meetings.create('Lunch');
    tick(3 * DAY_MS);
    const command = (afterMs: number) => ({
      type: 'meeting.abandon' as const,
      commandId: `c${afterMs}`,
      afterMs,
    });
    // Idle 3 days: not abandoned after 14, and nothing is recorded.
    expect(runner.run(meetingId, command(14 * DAY_MS))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(meetings.store.events(meetingId)).toHaveLength(1);
    // Idle 3 days, with an abandonment time of 2: closed, by the server, from the log's last time.
    const created = meetings.store.events(meetingId)[0]!.at;
    expect(runner.run(meetingId, command(2 * DAY_MS))).toMatchObject({ ok: true, duplicate: false });
    expect(meetings.store.events(meetingId).at(-1)).toMatchObject({
      type: 'meeting.abandoned',
      by: 'system',
      lastActivityAt: created,
      idleDays: 3,
      at: now(),
    });
    expect(meetings.store.meetingById(meetingId)?.closedAt).toBe(now());
    // Once closed, it is closed.
    expect(runner.run(meetingId, command(DAY_MS))).toMatchObject({
      ok: false,
      error: { code: 'meeting_closed' },
    });
  });

  it('[A7] activity moves the measure: the sweep closes what is idle, keeps what is not, and lets go of what it closed', () => {
    const { meetings, runner, lifetime, published, tick } = setup(14 * DAY_MS);
    const idle = meetings.create('Idle').meetingId;
    const busy = meetings.create('Busy').meetingId;
    tick(10 * DAY_MS);
    const live = meetings.get(busy)!;
    // An event in Busy ten days in: a join.
    runner.join(live, { id: 'p1', name: 'Ada' });
    tick(4 * DAY_MS);
    expect(lifetime.due(idle)).toBe(true);
    expect(lifetime.due(busy)).toBe(false);
    expect(lifetime.sweep()).toBe(1);
    expect(published.flat().filter((e) => e.type === 'meeting.abandoned').length).toBe(1);
    expect(meetings.cached(idle)).toBeUndefined();
    expect(meetings.cached(busy)).toBeDefined();
    expect(meetings.store.openMeetings().map((m) => m.id)).toEqual([busy]);
    // Nothing more to do until Busy is idle long enough.
    expect(lifetime.sweep()).toBe(0);
    tick(10 * DAY_MS);
    expect(lifetime.sweep()).toBe(1);
    expect(meetings.count()).toBe(0);
  });

  it('[A7] CIRCLEWISE_ABANDON_DAYS sets the abandonment time: 14 days unless set, 0 for never, nonsense refused', () => {
    expect(readConfig({}).abandonAfterMs).toBe(14 * DAY_MS);
    expect(readConfig({ CIRCLEWISE_ABANDON_DAYS: '0.5' }).abandonAfterMs).toBe(DAY_MS / 2);
    expect(readConfig({ CIRCLEWISE_ABANDON_DAYS: '0' }).abandonAfterMs).toBe(0);
    for (const bad of ['-1', 'soon', '']) {
      expect(() => readConfig({ CIRCLEWISE_ABANDON_DAYS: bad })).toThrow(/CIRCLEWISE_ABANDON_DAYS/);
    }
  });
});
