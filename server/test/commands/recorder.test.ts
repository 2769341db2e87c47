/**
 * APPEND then APPLY (A1, A8): once the log has a command's events, the sender is told they were
 * recorded, whatever happens in memory afterwards. A failed APPLY rebuilds the meeting from its
 * log, so the next command does not collide on seq. Real SQLite store, real command runner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { CommandResult } from '@circlewise/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandRunner } from '../../src/commands/commandRunner';
import type { LiveMeeting } from '../../src/meeting/liveMeeting';
import { Meetings } from '../../src/meeting/meetings';
import { openSqliteStore } from '../../src/store/sqliteStore';
import { testId } from '../support/testHarness';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'circlewise-recorder-'));
  dirs.push(dir);
  const meetings = new Meetings(openSqliteStore(join(dir, 'data.db')));
  const published: MeetingEvent[][] = [];
  const reloaded: LiveMeeting[] = [];
  const logged: string[] = [];
  const runner = new CommandRunner(
    meetings,
    { publish: (_id, events) => published.push([...events]), reloaded: (m) => reloaded.push(m) },
    { log: (message) => logged.push(message) },
  );
  const { meetingId } = meetings.create('Lunch');
  return { meetings, runner, meetingId, published, reloaded, logged };
}

const run = (runner: CommandRunner, meeting: LiveMeeting, n: number, text: string) => {
  let result: CommandResult | undefined;
  runner.execute(
    meeting,
    { type: 'proposal.edit', commandId: testId(n, 0xc0de), title: 'Lunch', driver: 'Hungry.', text },
    { role: 'facilitator' },
    (r) => {
      result = r;
    },
  );
  return result;
};

describe('APPEND → APPLY', () => {
  it('[A1][A8] an APPLY that fails after APPEND is acked as recorded; the meeting is rebuilt from its log', () => {
    const { meetings, runner, meetingId, published, reloaded, logged } = setup();
    const meeting = meetings.get(meetingId);
    if (!meeting) throw new Error('no meeting');
    meeting.apply = () => {
      throw new Error('memory went wrong');
    };

    const first = run(runner, meeting, 1, 'Lunch at noon.');
    const log = meetings.store.events(meetingId);
    expect(log.at(-1)).toMatchObject({ type: 'proposal.edited', text: 'Lunch at noon.' });
    // The truth: it was recorded, at the seq the log has.
    expect(first).toEqual({ ok: true, seq: log.at(-1)?.seq, duplicate: false });
    expect(logged.join('\n')).toMatch(new RegExp(`meeting ${meetingId} failed to apply seq`));

    // Memory follows the log again: a fresh instance, handed to the transport, with the event in it.
    const rebuilt = meetings.get(meetingId);
    expect(rebuilt).not.toBe(meeting);
    expect(reloaded).toEqual([rebuilt]);
    expect(rebuilt?.view.seq).toBe(log.length);
    // The screens are still told.
    expect(published.flat().map((e) => e.seq)).toContain(log.at(-1)?.seq);

    // And the next command appends at the next seq, no collision.
    const second = run(runner, rebuilt as LiveMeeting, 2, 'Lunch at one.');
    expect(second).toEqual({ ok: true, seq: log.length + 1, duplicate: false });
    expect(meetings.store.events(meetingId)).toHaveLength(log.length + 1);
  });
});
