/**
 * Group commit: one turn's appends share a transaction; nothing is sent before COMMIT (A1); a
 * failing append rolls back only itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingEvent } from '@circlewise/shared/events';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateCommandError } from './eventStore';
import { openSqliteStore } from './sqliteStore';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'circlewise-group-'));
  dirs.push(dir);
  const file = join(dir, 'db');
  const store = openSqliteStore(file, { groupCommit: true, synchronous: 'normal' });
  const created: MeetingEvent = {
    type: 'meeting.created',
    meetingId: 'm',
    code: 'ABCDEF',
    title: 'T',
    by: 'facilitator',
    seq: 1,
    at: 0,
    commandId: 'c1',
  };
  store.createMeeting({ id: 'm', code: 'ABCDEF', createdAt: 0, closedAt: null }, created, {
    hash: 'h',
    role: 'facilitator',
    participantId: null,
  });
  return { store, file };
}

const joined = (seq: number, commandId = `c${seq}`): MeetingEvent => ({
  type: 'participant.joined',
  participantId: `p${seq}`,
  name: `P${seq}`,
  by: `p${seq}`,
  seq,
  at: 0,
  commandId,
});

/** What another connection (a restarted process) would find in the file. */
const onDisk = (file: string) => {
  const db = new Database(file, { readonly: true });
  const n = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  db.close();
  return n;
};

describe('group commit', () => {
  it('[A1] sends wait for the shared COMMIT; then everything is on disk', async () => {
    const { store, file } = open();
    const sent: string[] = [];
    store.append('m', 'c2', [joined(2)]);
    store.whenDurable?.(() => sent.push(`ack 2 (on disk: ${onDisk(file)})`));
    store.append('m', 'c3', [joined(3)]);
    store.whenDurable?.(() => sent.push(`ack 3 (on disk: ${onDisk(file)})`));
    expect(sent).toEqual([]);
    expect(onDisk(file)).toBe(1);
    // The same connection already reads its own writes (the actor's view is consistent).
    expect(store.events('m').map((e) => e.seq)).toEqual([1, 2, 3]);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual(['ack 2 (on disk: 3)', 'ack 3 (on disk: 3)']);
    store.close();
  });

  it('[A2] a duplicate command rolls back only itself; the batch commits', async () => {
    const { store, file } = open();
    store.append('m', 'c2', [joined(2)]);
    expect(() => store.append('m', 'c2', [joined(3, 'c2')], { sender: 'p2' })).toThrow(DuplicateCommandError);
    store.append('m', 'c4', [joined(3, 'c4')]);
    await new Promise((r) => setImmediate(r));
    expect(onDisk(file)).toBe(3);
    expect(store.commandSeq('m', 'c4', 'p3')).toBe(3);
    store.close();
  });

  it('with nothing pending, sends go at once; close() commits what is pending', () => {
    const { store, file } = open();
    const sent: number[] = [];
    store.whenDurable?.(() => sent.push(1));
    expect(sent).toEqual([1]);
    store.append('m', 'c2', [joined(2)]);
    store.close();
    expect(onDisk(file)).toBe(2);
  });
});
