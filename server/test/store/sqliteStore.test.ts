import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
