/**
 * Starts Circlewise: the embedded SQLite store under DATA_DIR, the app on PORT, and prints the
 * address to open (and the ones phones on the same network can use).
 */
import { mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app';
import { readConfig } from './config';
import { openDataStore } from './openDataStore';

const config = readConfig();
mkdirSync(config.dataDir, { recursive: true });
// A10: refuses, in one line, a data folder another server holds, or a damaged database.
const store = openDataStore(join(config.dataDir, 'circlewise.db'), {
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
  ...(config.publicUrl && { publicUrl: config.publicUrl }),
  ...(config.restLimits && { restLimits: config.restLimits }),
  sourceMaps: config.sourceMaps,
  connectionLimits: config.connectionLimits,
  httpTimeouts: config.httpTimeouts,
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

// A12: a graceful stop (shutdown.ts), and a hard one if it is not done within 10 s.
const STOP_WITHIN_MS = 10_000;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`Circlewise is stopping (${signal}): finishing what is under way…`);
    setTimeout(() => {
      console.error(`Circlewise did not stop within ${STOP_WITHIN_MS / 1000} s; exiting now.`);
      process.exit(1);
    }, STOP_WITHIN_MS - 500).unref();
    app.close().then(
      () => {
        console.log('Circlewise stopped: everything acknowledged is on disk.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Circlewise could not stop cleanly:', error);
        process.exit(1);
      },
    );
  });
}
