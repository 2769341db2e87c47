/**
 * The embedded default store: SQLite through better-sqlite3, WAL mode, one file. Appends are
 * synchronous, so an append has reached the file before the gateway acks (A1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeetingEvent } from '@circlewise/shared/events';
import Database from 'better-sqlite3';
import { lockDataFolder } from './dataLock';
import {
  type AppendWith,
  DamagedRowError,
  DuplicateCommandError,
  type EventStore,
  type MeetingRecord,
  type NewToken,
  SeqConflictError,
  StorageFault,
  type TokenRecord,
} from './eventStore';
import { GroupCommit } from './groupCommit';
import { sqliteCircles } from './sqliteCircles';
import type { MeetingRow, RoleRow } from './sqliteRows';

export interface SqliteOptions {
  /** `full` fsyncs every commit (survives power loss); `normal` survives a process crash. */
  synchronous?: 'full' | 'normal';
  /** Appends of one event-loop turn share one commit; sends wait for it (groupCommit.ts). */
  groupCommit?: boolean;
}

/** The SQLite store, with what only tests and drills use. */
export interface SqliteStore extends EventStore {
  /**
   * A9 drills: caps the database at `pages` pages (SQLite's per-connection max_page_count), so
   * writes fail as on a full disk; a higher cap lets them resume. Returns the page count now.
   */
  capPages(pages: number): number;
}

/** Part 3: the database file is not a readable SQLite database (damaged, or something else). */
export class DamagedDatabase extends Error {
  override name = 'DamagedDatabase';
  readonly detail: string;
  constructor(
    readonly file: string,
    detail: string,
  ) {
    // SQLite's report spans lines; an operator reads one.
    const line = detail
      .replace(/\*\*\* in database main \*\*\*/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    super(`the database ${file} is damaged (${line})`);
    this.detail = line;
  }
}

const MIGRATIONS = join(import.meta.dirname, 'migrations');

const toMeeting = (r: MeetingRow | undefined): MeetingRecord | undefined =>
  r && { id: r.id, code: r.code, createdAt: r.created_at, closedAt: r.closed_at, circleId: r.circle_id };

/**
 * Opens the store on `file`: takes the data folder's lock first (A10, throws DataFolderLocked),
 * then checks the file is a sound SQLite database (throws DamagedDatabase) and migrates it.
 */
export function openSqliteStore(file: string, options: SqliteOptions = {}): SqliteStore {
  const lock = lockDataFolder(file);
  let db: Database.Database;
  try {
    db = openChecked(file, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  const group = options.groupCommit ? new GroupCommit(db, storageFault) : undefined;
  /** A9: a write that is not an append; a failure of it is a StorageFault (nothing written). */
  const write = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw refused(error);
    }
  };
  const circles = sqliteCircles(db);

  const q = {
    insertMeeting: db.prepare('INSERT INTO meetings (id, code, created_at, circle_id) VALUES (?, ?, ?, ?)'),
    meetingByCode: db.prepare<[string], MeetingRow>('SELECT * FROM meetings WHERE code = ?'),
    meetingById: db.prepare<[string], MeetingRow>('SELECT * FROM meetings WHERE id = ?'),
    openMeetings: db.prepare<[], MeetingRow>(
      'SELECT * FROM meetings WHERE closed_at IS NULL ORDER BY created_at',
    ),
    closeMeeting: db.prepare('UPDATE meetings SET closed_at = ? WHERE id = ? AND closed_at IS NULL'),
    reopenMeeting: db.prepare('UPDATE meetings SET closed_at = NULL WHERE id = ?'),
    insertEvent: db.prepare(
      'INSERT INTO events (meeting_id, seq, command_id, type, at, body) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertCommand: db.prepare(
      'INSERT INTO commands (meeting_id, sender, command_id, last_seq) VALUES (?, ?, ?, ?)',
    ),
    commandSeq: db.prepare<[string, string, string], { last_seq: number }>(
      'SELECT last_seq FROM commands WHERE meeting_id = ? AND sender = ? AND command_id = ?',
    ),
    events: db.prepare<[string, number], { seq: number; body: string }>(
      'SELECT seq, body FROM events WHERE meeting_id = ? AND seq > ? ORDER BY seq',
    ),
    lastEventAt: db.prepare<[string], { at: number }>(
      'SELECT at FROM events WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    insertToken: db.prepare(
      'INSERT INTO tokens (token_hash, meeting_id, role, participant_id, join_id_hash) VALUES (?, ?, ?, ?, ?)',
    ),
    reissueToken: db.prepare('UPDATE tokens SET token_hash = ? WHERE meeting_id = ? AND join_id_hash = ?'),
    confirmToken: db.prepare(
      'UPDATE tokens SET join_id_hash = NULL WHERE token_hash = ? AND join_id_hash IS NOT NULL',
    ),
    insertRole: db.prepare(
      'INSERT OR REPLACE INTO roles (meeting_id, role, participant_id, person, term_start, term_end, elected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    roles: db.prepare<[string], RoleRow>('SELECT * FROM roles WHERE meeting_id = ? ORDER BY elected_at'),
    tokenByHash: db.prepare<
      [string],
      {
        meeting_id: string;
        role: 'facilitator' | 'participant';
        participant_id: string | null;
        join_id_open: 0 | 1;
      }
    >(
      'SELECT meeting_id, role, participant_id, join_id_hash IS NOT NULL AS join_id_open FROM tokens WHERE token_hash = ?',
    ),
    screenLinkByHash: db.prepare<[string], { meeting_id: string }>(
      'SELECT meeting_id FROM screen_links WHERE token_hash = ?',
    ),
    setScreenLink: db.prepare(
      'INSERT INTO screen_links (meeting_id, token_hash) VALUES (?, ?) ON CONFLICT (meeting_id) DO UPDATE SET token_hash = excluded.token_hash',
    ),
  };

  function tokenByHash(hash: string): TokenRecord | undefined {
    const r = q.tokenByHash.get(hash);
    return (
      r &&
      ({
        meetingId: r.meeting_id,
        role: r.role,
        participantId: r.participant_id,
        ...(r.join_id_open === 1 && { joinIdOpen: true }),
      } satisfies TokenRecord)
    );
  }

  const appendTx = db.transaction(
    (meetingId: string, commandId: string, events: readonly MeetingEvent[], alongside: AppendWith = {}) => {
      for (const e of events) {
        q.insertEvent.run(meetingId, e.seq, commandId, e.type, e.at, JSON.stringify(e));
        // E5: the role register moves with the log, in the same transaction.
        if (e.type === 'election.recorded' && e.outcome === 'elected' && e.electedId && e.role) {
          q.insertRole.run(
            meetingId,
            e.role,
            e.electedId,
            e.electedName ?? '',
            e.termStart ?? '',
            e.termEnd ?? '',
            e.at,
          );
        }
      }
      // R3, search: a circle's registers and index move with the log, in the same transaction.
      circles.project(meetingId, events);
      const last = events[events.length - 1];
      const { token, status } = alongside;
      // A2: kept once per sender; absent, the sender is the author of the command's events.
      if (last) q.insertCommand.run(meetingId, alongside.sender ?? last.by, commandId, last.seq);
      if (token) {
        q.insertToken.run(token.hash, meetingId, token.role, token.participantId, token.joinIdHash ?? null);
      }
      // A8: whether the meeting is rebuilt on start moves with its log, in the same transaction.
      if (status?.closedAt === null) q.reopenMeeting.run(meetingId);
      else if (status) q.closeMeeting.run(status.closedAt, meetingId);
    },
  );

  const createTx = db.transaction(
    (m: MeetingRecord, first: MeetingEvent, facilitator: NewToken, then: readonly MeetingEvent[]) => {
      q.insertMeeting.run(m.id, m.code, m.createdAt, m.circleId ?? null);
      appendTx(m.id, first.commandId, [first, ...then], { token: facilitator, sender: first.by });
    },
  );

  return {
    createMeeting(meeting, first, facilitator, then = []) {
      // The REST reply goes out at once, so a new meeting is committed on its own.
      group?.flush();
      write(() => createTx(meeting, first, facilitator, then));
    },
    meetingByCode: (code) => toMeeting(q.meetingByCode.get(code)),
    meetingById: (id) => toMeeting(q.meetingById.get(id)),
    openMeetings: () => q.openMeetings.all().map((r) => toMeeting(r)!),
    append(meetingId, commandId, events, alongside) {
      try {
        group?.begin();
        appendTx(meetingId, commandId, events, alongside);
      } catch (error) {
        const translated = translate(error);
        // A9: a full disk can make SQLite roll back the whole shared transaction, not this
        // append's savepoint only: every append of the group is then lost with it.
        if (group?.pending && !db.inTransaction) {
          group.fail(translated instanceof StorageFault ? translated : storageFault(translated));
        }
        throw translated;
      }
    },
    commandSeq: (meetingId, commandId, sender) => q.commandSeq.get(meetingId, sender, commandId)?.last_seq,
    events(meetingId, afterSeq = 0) {
      const events: MeetingEvent[] = [];
      for (const row of q.events.all(meetingId, afterSeq)) {
        try {
          events.push(JSON.parse(row.body) as MeetingEvent);
        } catch (error) {
          // A11: a damaged row stops this meeting's log here, and nothing else.
          const reason = error instanceof Error ? error.message : 'not JSON';
          throw new DamagedRowError(meetingId, row.seq, `its body is not JSON: ${reason}`, events);
        }
      }
      return events;
    },
    lastEventAt: (meetingId) => q.lastEventAt.get(meetingId)?.at,
    tokenByHash,
    reissueToken(meetingId, joinIdHash, newHash) {
      // In the open batch, if any: the ack that carries the new token waits for its commit (A1).
      group?.begin();
      const changed = write(() => q.reissueToken.run(newHash, meetingId, joinIdHash).changes);
      return changed === 1 ? tokenByHash(newHash) : undefined;
    },
    confirmToken(hash) {
      group?.begin();
      write(() => q.confirmToken.run(hash));
    },
    screenLinkByHash: (hash) => q.screenLinkByHash.get(hash)?.meeting_id,
    setScreenLink(meetingId, hash) {
      // The old link must stop working before the new one is handed out.
      group?.flush();
      write(() => q.setScreenLink.run(meetingId, hash));
    },
    roles: (meetingId) =>
      q.roles.all(meetingId).map((r) => ({
        meetingId: r.meeting_id,
        role: r.role,
        participantId: r.participant_id,
        person: r.person,
        termStart: r.term_start,
        termEnd: r.term_end,
        electedAt: r.elected_at,
      })),
    createCircle(circle, hash, keeperHash) {
      // The REST reply goes out at once, as for a new meeting.
      group?.flush();
      write(() => circles.createCircle(circle, hash, keeperHash));
    },
    rotateCircleKey(circleId, hash, keeperHash) {
      // The old key must stop working before the new one is handed out.
      group?.flush();
      write(() => circles.rotateCircleKey(circleId, hash, keeperHash));
    },
    circleKeeperHash: circles.circleKeeperHash,
    updateCircle(circleId, changes) {
      // The REST reply goes out at once, as for a new circle.
      group?.flush();
      return write(() => circles.updateCircle(circleId, changes));
    },
    circleByKeyHash: circles.circleByKeyHash,
    circleById: circles.circleById,
    circleMeetings: circles.circleMeetings,
    agreements: circles.agreements,
    agreement: circles.agreement,
    circleRoles: circles.circleRoles,
    search: circles.search,
    whenDurable: (send, failed) => (group ? group.whenDurable(send, failed) : send()),
    close() {
      try {
        group?.flush();
        db.close();
      } finally {
        lock.release();
      }
    },
    capPages: (pages) => {
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(pages))}`);
      return db.pragma('page_count', { simple: true }) as number;
    },
  };
}

/**
 * Opens the database, and refuses one that is not a sound SQLite file (part 3): the header is
 * read by the first pragma, and `quick_check` walks every page (about 0.3 s per 200 MB).
 */
function openChecked(file: string, options: SqliteOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new DamagedDatabase(file, String(check));
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      throw new DamagedDatabase(file, (error as Error).message);
    }
    throw error;
  }
}

function translate(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  if (message.includes('events.meeting_id, events.seq')) return new SeqConflictError(message);
  if (message.includes('commands.meeting_id, commands.sender, commands.command_id')) {
    return new DuplicateCommandError(message);
  }
  return refused(error);
}

/**
 * A9: what SQLite threw when a write failed, as a StorageFault when the storage is at fault (a
 * full disk, an I/O error, a busy or read-only file). A constraint or a programming error stays
 * what it is.
 */
function refused(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError) || error.code.startsWith('SQLITE_CONSTRAINT')) return error;
  return storageFault(error);
}

/** Whatever failed, as a StorageFault: `full` for SQLITE_FULL, `failed` for anything else. */
function storageFault(error: unknown): StorageFault {
  if (error instanceof StorageFault) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return new StorageFault(code === 'SQLITE_FULL' ? 'full' : 'failed', `${code || 'error'}: ${message}`, {
    cause: error,
  });
}

/** Versioned migration files, applied in order on start; PRAGMA user_version holds the last one. */
function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  const files = readdirSync(MIGRATIONS)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort();
  for (const file of files) {
    const version = Number.parseInt(file, 10);
    if (version <= applied) continue;
    db.transaction(() => {
      db.exec(readFileSync(join(MIGRATIONS, file), 'utf8'));
      db.pragma(`user_version = ${version}`);
    })();
  }
}
