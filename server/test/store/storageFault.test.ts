/**
 * A9 at the store: a full store (SQLite's max_page_count, as a full disk) refuses appends with a
 * StorageFault, a group commit it breaks fails every append of the group and rolls back cleanly,
 * reads go on, and appends resume once there is room again, with nothing acknowledged lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingEvent } from '@circlewise/shared/events';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageFault } from '../../src/store/eventStore';
import { GroupCommit } from '../../src/store/groupCommit';
import { openSqliteStore } from '../../src/store/sqliteStore';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(groupCommit: boolean, file?: string) {
  const at = file ?? join(mkdtempSync(join(tmpdir(), 'circlewise-full-')), 'circlewise.db');
  if (!file) dirs.push(join(at, '..'));
  const store = openSqliteStore(at, { groupCommit, synchronous: 'normal' });
  if (!file) {
    store.createMeeting(
      { id: 'm', code: 'ABCDEF', createdAt: 0, closedAt: null },
      {
        type: 'meeting.created',
        meetingId: 'm',
        code: 'ABCDEF',
        title: 'T',
        by: 'facilitator',
        seq: 1,
        at: 0,
        commandId: 'c1',
      },
      { hash: 'h', role: 'facilitator', participantId: null },
    );
  }
  return { store, file: at };
}

/** A join with a long name: each one needs pages of its own. */
const joined = (seq: number): MeetingEvent => ({
  type: 'participant.joined',
  participantId: `p${seq}`,
  name: `${seq}`.padEnd(3000, 'x'),
  by: `p${seq}`,
  seq,
  at: 0,
  commandId: `c${seq}`,
});

const turn = () => new Promise((r) => setImmediate(r));

describe('[A9] storage faults at the store', () => {
  it('[A9] a full store fails the whole group commit, rolls back, reads go on, and appends resume', async () => {
    const { store, file } = open(true);
    const pages = store.capPages(1_000_000);
    store.capPages(pages + 6);
    const durable: number[] = [];
    const refused: Array<{ seq: number; kind: string }> = [];
    let thrown: unknown;
    let seq = 2;
    // One turn: appends share a transaction until one finds the store full.
    for (; seq < 40; seq++) {
      try {
        store.append('m', `c${seq}`, [joined(seq)]);
      } catch (error) {
        thrown = error;
        break;
      }
      const s = seq;
      store.whenDurable?.(
        () => durable.push(s),
        (fault) => refused.push({ seq: s, kind: fault.kind }),
      );
    }
    expect(thrown).toBeInstanceOf(StorageFault);
    expect((thrown as StorageFault).kind).toBe('full');
    // Every append of the group before it was lost with the transaction, and is told so.
    expect(seq).toBeGreaterThan(2);
    expect(refused.map((r) => r.seq)).toEqual(Array.from({ length: seq - 2 }, (_, i) => i + 2));
    expect(refused.every((r) => r.kind === 'full')).toBe(true);
    await turn();
    expect(durable).toEqual([]);
    // The log is as it was before the group, and reads go on.
    expect(store.events('m').map((e) => e.seq)).toEqual([1]);
    expect(store.commandSeq('m', 'c2', 'p2')).toBeUndefined();
    // Full to the last page: the next append is refused alone, and nothing is half-written.
    store.capPages(store.capPages(1_000_000));
    expect(() => store.append('m', 'c2', [joined(2)])).toThrow(StorageFault);
    await turn();
    expect(store.events('m')).toHaveLength(1);

    // Space comes back: appends resume in the same process, with no restart.
    store.capPages(1_000_000);
    store.append('m', 'c2', [joined(2)]);
    store.append('m', 'c3', [joined(3)]);
    store.whenDurable?.(() => durable.push(3));
    await turn();
    expect(durable).toEqual([3]);
    store.close();

    // Nothing acknowledged is lost: a fresh process finds it.
    const again = open(true, file).store;
    expect(again.events('m').map((e) => e.seq)).toEqual([1, 2, 3]);
    again.close();
  });

  it('[A9] without group commit a full store refuses the append alone; earlier ones stay', () => {
    const { store } = open(false);
    store.capPages(store.capPages(1_000_000) + 1);
    let seq = 2;
    let thrown: unknown;
    for (; seq < 40; seq++) {
      try {
        store.append('m', `c${seq}`, [joined(seq)]);
      } catch (error) {
        thrown = error;
        break;
      }
    }
    expect(thrown).toBeInstanceOf(StorageFault);
    expect(store.events('m').map((e) => e.seq)).toEqual(Array.from({ length: seq - 1 }, (_, i) => i + 1));
    // Other writes are refused the same way, as StorageFaults.
    expect(() => store.setScreenLink('m', 'x'.repeat(20_000))).toThrow(StorageFault);
    store.capPages(1_000_000);
    store.append('m', `c${seq}`, [joined(seq)]);
    expect(store.events('m').at(-1)?.seq).toBe(seq);
    store.close();
  });

  it('[A9] a COMMIT that fails refuses every waiter of the group, answers reads from the log, and the next group commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'circlewise-commit-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'db'));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (p TEXT REFERENCES parent (id));');
    // A foreign key checked only at COMMIT: the group's COMMIT itself fails.
    db.pragma('defer_foreign_keys = ON');
    const logged: string[] = [];
    const group = new GroupCommit(
      db,
      (e) => new StorageFault('failed', String(e)),
      (m) => logged.push(m),
    );
    const heard: string[] = [];
    const count = () => (db.prepare('SELECT count(*) AS n FROM child').get() as { n: number }).n;
    group.begin();
    db.prepare('INSERT INTO child VALUES (?)').run('nobody');
    group.whenDurable(
      () => heard.push('ack'),
      (fault) => heard.push(`refused ${fault.kind}`),
    );
    group.whenDurable(() => heard.push(`read ${count()}`));
    await turn();
    // The refusal first, then the read, which finds the log as it was before the group.
    expect(heard).toEqual(['refused failed', 'read 0']);
    expect(db.inTransaction).toBe(false);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^circlewise: storage_error: a shared commit failed/);

    db.pragma('defer_foreign_keys = ON');
    group.begin();
    db.prepare('INSERT INTO parent VALUES (?)').run('p');
    db.prepare('INSERT INTO child VALUES (?)').run('p');
    group.whenDurable(() => heard.push('ack'));
    await turn();
    expect(heard.at(-1)).toBe('ack');
    expect(count()).toBe(1);
    db.close();
  });
});
