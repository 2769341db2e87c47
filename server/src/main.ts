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
// Phones can reach the server only when it listens beyond this machine (not on HOST=127.0.0.1).
const listensBeyond = config.host === '0.0.0.0' || config.host === '::' || config.host === '';
const app = createApp({
  store,
  clientDir: config.clientDir,
  allowedOrigins: config.allowedOrigins,
  // Known before listening only when PORT is fixed; with PORT=0 the projector falls back to its own origin.
  joinOrigins:
    config.port === 0 || !listensBeyond ? [] : lanAddresses.map((a) => `http://${a}:${config.port}`),
  broadcastWindowMs: config.broadcastWindowMs,
  ...(config.rateLimit && { rateLimit: config.rateLimit }),
  participantCap: config.participantCap,
  ...(config.joinLimits && { joinLimits: config.joinLimits }),
  trustProxy: config.trustProxy,
  abandonAfterMs: config.abandonAfterMs,
});
const port = await app.listen(config.port, config.host).catch((error: NodeJS.ErrnoException) => {
  // A clear line, not a stack trace: what went wrong and what to do about it.
  const where = `${config.host}:${config.port}`;
  const why =
    error.code === 'EADDRINUSE'
      ? `${where} is in use. Stop what uses it, or set PORT to another port (PORT=0 picks a free one).`
      : error.code === 'EACCES'
        ? `${where} needs privileges this user lacks. Set PORT to a port above 1023.`
        : error.code === 'EADDRNOTAVAIL'
          ? `this machine has no address ${config.host}. Set HOST to one of its addresses, or leave it unset.`
          : error.message;
  console.error(`Circlewise could not start: ${why}`);
  void app.close().finally(() => process.exit(1));
  return new Promise<never>(() => {});
});

const lan = listensBeyond ? lanAddresses.map((a) => `http://${a}:${port}`) : [];
const local =
  listensBeyond || config.host === '127.0.0.1' || config.host === '::1' ? 'localhost' : config.host;
console.log(`Circlewise is running. Open http://${local}:${port} in your browser.`);
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
