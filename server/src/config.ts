/**
 * Configuration from the environment (README: Configuration). Every setting has a default that
 * runs the app on this machine with the embedded SQLite store.
 */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Browser origins allowed to open a socket (S5). Empty: the page's own origin only. */
  allowedOrigins: string[];
  synchronous: 'full' | 'normal';
  clientDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0–65535), not "${env.PORT}".`);
  }
  const synchronous = (env.CIRCLEWISE_SYNC ?? 'full').toLowerCase();
  if (synchronous !== 'full' && synchronous !== 'normal') {
    throw new Error(`CIRCLEWISE_SYNC must be "full" or "normal", not "${env.CIRCLEWISE_SYNC}".`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    synchronous,
    clientDir: resolve(import.meta.dirname, '../../client/dist'),
  };
}
