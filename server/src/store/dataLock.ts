/**
 * A10 One writer per log: the process that serves a data folder holds an exclusive OS lock on a
 * small SQLite file beside the database (`circlewise.db.lock`), for as long as its store is open.
 * A second process finds it locked and refuses to start.
 *
 * The lock is SQLite's own file lock (POSIX fcntl, LockFileEx on Windows) held by an EXCLUSIVE
 * transaction that is never committed, so the operating system drops it when the holder dies,
 * even by `kill -9`: a lock file left behind locks nothing. The database itself keeps normal
 * locking, so `npm run backup` and `npm run verify` can read it while the server runs.
 */
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export class DataFolderLocked extends Error {
  override name = 'DataFolderLocked';
  constructor(
    readonly folder: string,
    readonly lockFile: string,
  ) {
    super(`the data folder ${folder} is in use by another Circlewise server (it holds ${lockFile})`);
  }
}

export interface DataLock {
  readonly file: string;
  release(): void;
}

/** The lock file of a database file: beside it, with `.lock` appended. */
export const lockFileOf = (dbFile: string): string => join(dirname(dbFile), `${basename(dbFile)}.lock`);

/** Takes the lock for `dbFile`'s folder now, or throws DataFolderLocked if another process has it. */
export function lockDataFolder(dbFile: string): DataLock {
  const file = lockFileOf(dbFile);
  // timeout 0: a held lock is answered at once, not after five seconds of retries.
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new DataFolderLocked(dirname(dbFile), file);
    }
    throw error;
  }
  return {
    file,
    release() {
      if (!db.open) return;
      try {
        db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    },
  };
}
