/**
 * An online backup of a database file with SQLite's backup API, while a server may be writing
 * it: the copy is one consistent moment of the log, its WAL included. The copy is checked before
 * it is called a backup.
 */
import Database from 'better-sqlite3';

export async function backupDatabase(source: string, dest: string): Promise<{ pages: number }> {
  // Not read-only: reading a WAL database needs its shared-memory file, which the server keeps.
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  let pages = 0;
  try {
    const progress = await db.backup(dest);
    pages = progress.totalPages;
  } finally {
    db.close();
  }
  // One self-contained file (no -wal beside it); a server that opens it turns WAL on again.
  const copy = new Database(dest, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new Error(`the copy at ${dest} failed its check (${String(check)})`);
  } finally {
    copy.close();
  }
  return { pages };
}
