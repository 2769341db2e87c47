/**
 * The app under load, in its own process so the load generator never shares its event loop.
 * Started by run.ts with `fork`; reports its port, then its RSS (after a GC) when asked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@circlewise/server/app';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import { answerProbes } from './probe';

const dataDir = mkdtempSync(join(tmpdir(), 'circlewise-bench-'));
const synchronous = process.env.BENCH_SYNC === 'normal' ? 'normal' : 'full';
const groupCommit = process.env.BENCH_GROUP_COMMIT !== 'off';
const store = openSqliteStore(join(dataDir, 'circlewise.db'), { synchronous, groupCommit });
// The production defaults (server/src/config.ts) unless the run says otherwise.
const broadcastWindowMs = Number(process.env.BENCH_BROADCAST_MS ?? 40);
const app = createApp({ store, broadcastWindowMs });
const port = await app.listen(0, '127.0.0.1');
answerProbes(port, () => rmSync(dataDir, { recursive: true, force: true }));
