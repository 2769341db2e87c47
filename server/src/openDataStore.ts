/**
 * Opens the data folder's store for a server about to start, or says in one line why it cannot
 * and exits with code 1, with no stack trace: another Circlewise holds the folder (A10), the
 * database is damaged (restore it from a backup), or the disk refused (A9).
 */
import { DataFolderLocked } from './store/dataLock';
import { StorageFault } from './store/eventStore';
import { DamagedDatabase, openSqliteStore, type SqliteOptions, type SqliteStore } from './store/sqliteStore';

export function openDataStore(file: string, options: SqliteOptions): SqliteStore {
  try {
    return openSqliteStore(file, options);
  } catch (error) {
    console.error(`Circlewise could not start: ${whyNot(file, error)}`);
    process.exit(1);
  }
}

/** The one line an operator reads, saying what to do. */
export function whyNot(file: string, error: unknown): string {
  if (error instanceof DataFolderLocked) {
    return `the data folder ${error.folder} is in use by another Circlewise server. Stop that server first, or set DATA_DIR to another folder.`;
  }
  if (error instanceof DamagedDatabase) {
    return `the database ${error.file} is damaged (${error.detail}). Restore it from a backup: see docs/operations.md, "Storage: backup, verify and restore".`;
  }
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof StorageFault || code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return `the disk holding ${file} refused a write (${message}). Free some space, then start again.`;
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'SQLITE_READONLY') {
    return `the database ${file} cannot be opened for writing (${message}). Check that the folder exists and this user may write to it.`;
  }
  return `the database ${file} could not be opened (${code ? `${code}: ` : ''}${message}).`;
}
