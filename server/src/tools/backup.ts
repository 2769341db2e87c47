/**
 * `npm run backup [dest]`: an online backup of DATA_DIR's database with SQLite's backup API
 * (better-sqlite3's `db.backup()`), also while the server runs: the copy is one consistent
 * moment of the log. Default destination: DATA_DIR/backups/circlewise-<UTC time>.db. The copy
 * is checked (`quick_check`) before its path is printed. See docs/operations.md.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConfig } from '../config';
import { backupDatabase } from './backupDatabase';

const { dataDir } = readConfig();
const source = join(dataDir, 'circlewise.db');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const dest = resolve(process.argv[2] ?? join(dataDir, 'backups', `circlewise-${stamp}.db`));
try {
  if (!existsSync(source)) throw new Error(`there is no database at ${source} (is DATA_DIR right?)`);
  if (existsSync(dest)) throw new Error(`${dest} exists already; name another file`);
  mkdirSync(dirname(dest), { recursive: true });
  const { pages } = await backupDatabase(source, dest);
  console.log(`Backup of ${source} written to ${dest} (${pages} pages, checked).`);
} catch (error) {
  console.error(`Circlewise could not make a backup: ${(error as Error).message}`);
  process.exitCode = 1;
}
