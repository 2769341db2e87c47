/**
 * The app for the bench's lifetime figure (run.ts, `abandonFlood`): a flood of meetings created
 * and then left idle until they are closed as abandoned, in a process of its own that answers
 * RSS probes (probe.ts) and these steps over IPC:
 *
 * - `create` n: n meetings made (as the REST route makes them), all live in memory;
 * - `abandon`: the clock jumps past the abandonment time; the periodic sweep closes them all;
 * - `restart`: the app is closed and started again on the same file (start-up loads live only).
 *
 * The clock is the app's own (`now`), so no one waits fourteen days.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type App, createApp } from '@circlewise/server/app';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import { answerProbes } from './probe';

export type LifetimeStep = { type: 'create'; n: number } | { type: 'abandon' } | { type: 'restart' };
export type LifetimeReply = {
  type: 'lifetime';
  ms: number;
  /** Meetings in memory after the step, and open in the store. */
  inMemory: number;
  open: number;
};

const DAY = 24 * 60 * 60 * 1000;
const dataDir = mkdtempSync(join(tmpdir(), 'circlewise-bench-life-'));
const synchronous = process.env.BENCH_SYNC === 'normal' ? 'normal' : 'full';
const groupCommit = process.env.BENCH_GROUP_COMMIT !== 'off';
let clock = Date.now();

function start(): App {
  const store = openSqliteStore(join(dataDir, 'circlewise.db'), { synchronous, groupCommit });
  return createApp({ store, now: () => clock, abandonAfterMs: 14 * DAY, abandonCheckMs: 50 });
}

let app = start();
const port = await app.listen(0, '127.0.0.1');
answerProbes(port, () => rmSync(dataDir, { recursive: true, force: true }));

const reply = (t0: number) =>
  process.send?.({
    type: 'lifetime',
    ms: performance.now() - t0,
    inMemory: app.meetings.count(),
    open: app.meetings.store.openMeetings().length,
  } satisfies LifetimeReply);

process.on('message', async (m: LifetimeStep | { type: string }) => {
  const t0 = performance.now();
  if (m.type === 'create' && 'n' in m) {
    for (let i = 0; i < m.n; i++) app.meetings.create(`Flood ${i}`, i % 2 === 0 ? 'decision' : 'election');
    reply(t0);
  } else if (m.type === 'abandon') {
    clock += 15 * DAY;
    while (app.meetings.store.openMeetings().length > 0) await new Promise((r) => setTimeout(r, 20));
    reply(t0);
  } else if (m.type === 'restart') {
    await app.close();
    app = start();
    reply(t0);
  }
});
