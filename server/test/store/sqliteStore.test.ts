import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqliteStore';
import { describeEventStoreContract } from './eventStore.contract';

const dir = mkdtempSync(join(tmpdir(), 'circlewise-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeEventStoreContract('sqlite', () => openSqliteStore(join(dir, `contract-${n++}.db`)));
// The group-commit path writes through the same transaction, as a savepoint of the turn's batch.
describeEventStoreContract('sqlite, group commit', () =>
  openSqliteStore(join(dir, `contract-${n++}.db`), { groupCommit: true }),
);

describe('sqlite store', () => {
  it('[A1] what was appended is there after the file is closed and opened again', () => {
    const file = join(dir, 'reopen.db');
    const first = openSqliteStore(file);
    first.createMeeting(
      { id: 'm1', code: 'ZZZZZZ', createdAt: 1, closedAt: null },
      {
        type: 'meeting.created',
        meetingId: 'm1',
        code: 'ZZZZZZ',
        title: 'T',
        by: 'facilitator',
        seq: 1,
        at: 1,
        commandId: 'c1',
      },
      { hash: 'h', role: 'facilitator', participantId: null },
    );
    first.close();
    const again = openSqliteStore(file);
    expect(again.events('m1')).toHaveLength(1);
    expect(again.openMeetings().map((m) => m.code)).toEqual(['ZZZZZZ']);
    again.close();
  });
});

describe('sqlite store, migration 007 (A2: command ids per sender)', () => {
  it('[A2] commands recorded before the migration keep their result, under the author of their events', () => {
    const file = join(dir, 'before-007.db');
    const store = openSqliteStore(file);
    const created = {
      type: 'meeting.created',
      meetingId: 'm7',
      code: 'SEVENS',
      title: 'T',
      by: 'facilitator',
      seq: 1,
      at: 1,
      commandId: 'c1',
    } as const;
    store.createMeeting({ id: 'm7', code: 'SEVENS', createdAt: 1, closedAt: null }, created, {
      hash: 'h7',
      role: 'facilitator',
      participantId: null,
    });
    store.close();
    // The file as a server before 007 left it: commands kept once per meeting, one of them
    // pointing at a row whose JSON is damaged (the migration must not stop on it, A11).
    const db = new Database(file);
    db.exec(`
      DROP TABLE commands;
      CREATE TABLE commands (
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        command_id TEXT NOT NULL,
        last_seq   INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, command_id)
      ) WITHOUT ROWID;
      INSERT INTO commands VALUES ('m7', 'c1', 1), ('m7', 'c2', 2);
      INSERT INTO events VALUES ('m7', 2, 'c2', 'participant.joined', 2, '{"type":"participant.jo');
      -- and without what 008 adds after it (keeper keys, joinIds)
      DROP INDEX circles_by_keeper_key;
      ALTER TABLE circles DROP COLUMN keeper_key_hash;
      DROP INDEX tokens_by_join_id;
      ALTER TABLE tokens DROP COLUMN join_id_hash;
    `);
    db.pragma('user_version = 6');
    db.close();

    const again = openSqliteStore(file);
    expect(again.commandSeq('m7', 'c1', 'facilitator')).toBe(1);
    expect(again.commandSeq('m7', 'c1', 'p1')).toBeUndefined();
    expect(again.commandSeq('m7', 'c2', '')).toBe(2);
    again.close();
    const after = new Database(file, { readonly: true });
    // 007 and every migration after it ran (008 adds the keeper key and joinId columns).
    expect(after.pragma('user_version', { simple: true })).toBe(8);
    after.close();
  });
});
