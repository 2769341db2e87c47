/**
 * The app in a process of its own, for crash tests (A1): started by `startAppProcess`
 * (serverProcess.ts) as `node --import tsx test/support/serverEntry.ts DATA_DIR [on|off]`, it
 * prints `{"port":N}` once listening. Tests end it with SIGKILL, so nothing is closed or flushed
 * on the way out.
 */
import { join } from 'node:path';
import { createApp } from '@circlewise/server/app';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import { announcePort } from './serverProcess';

const [dataDir, groupCommit] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: serverEntry.ts DATA_DIR [on|off]');
const store = openSqliteStore(join(dataDir, 'circlewise.db'), {
  synchronous: 'normal',
  groupCommit: groupCommit === 'on',
});
const app = createApp({ store });
announcePort(await app.listen(0, '127.0.0.1'));
