/**
 * Starts Circlewise: the embedded SQLite store under DATA_DIR, the app on PORT, and prints the
 * address to open (and the ones phones on the same network can use).
 */
import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app';
import { readConfig } from './config';
import { openSqliteStore } from './store/sqliteStore';

const config = readConfig();
mkdirSync(config.dataDir, { recursive: true });
const store = openSqliteStore(join(config.dataDir, 'circlewise.db'), {
  synchronous: config.synchronous,
  groupCommit: config.groupCommit,
});
// The addresses phones on this network can reach.
const lanAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
  .map((a) => a?.address);
const app = createApp({
  store,
  clientDir: config.clientDir,
  allowedOrigins: config.allowedOrigins,
  // Known before listening only when PORT is fixed; with PORT=0 the projector falls back to its own origin.
  joinOrigins: config.port === 0 ? [] : lanAddresses.map((a) => `http://${a}:${config.port}`),
  broadcastWindowMs: config.broadcastWindowMs,
  ...(config.rateLimit && { rateLimit: config.rateLimit }),
  participantCap: config.participantCap,
  ...(config.joinLimits && { joinLimits: config.joinLimits }),
  trustProxy: config.trustProxy,
});
const port = await app.listen(config.port, config.host);

const lan = lanAddresses.map((a) => `http://${a}:${port}`);
console.log(`Circlewise is running. Open http://localhost:${port} in your browser.`);
if (lan.length > 0) console.log(`Phones on the same network can join at ${lan.join(' or ')}`);
console.log(`Data: ${config.dataDir} (${app.meetings.count()} open meetings restored). Stop with Ctrl+C.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void app.close().then(() => process.exit(0));
  });
}
