/**
 * Configuration from the environment (README: Configuration). Every setting has a default that
 * runs the app on this machine with the embedded SQLite store.
 */
import { resolve } from 'node:path';
import { DAY_MS, DEFAULT_ABANDON_DAYS } from './commands/lifetime';
import { DEFAULT_JOIN_LIMITS, DEFAULT_PARTICIPANT_CAP, type JoinLimits } from './gateway/joinThrottle';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './gateway/rateLimit';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Browser origins allowed to open a socket (S5). Empty: the page's own origin only. */
  allowedOrigins: string[];
  synchronous: 'full' | 'normal';
  /** Appends of one event-loop turn share one commit; acks wait for it (docs/performance.md). */
  groupCommit: boolean;
  /** A busy meeting's broadcasts go out together at most once per this many ms (0: each at once). */
  broadcastWindowMs: number;
  /** S5: messages per second and burst per socket; undefined when CIRCLEWISE_RATE_PER_SECOND=0. */
  rateLimit: RateLimit | undefined;
  clientDir: string;
  /** S12: participants one meeting takes at most (CIRCLEWISE_PARTICIPANT_CAP, default 200). */
  participantCap: number;
  /** S12: joins of new devices per address and code; undefined when CIRCLEWISE_JOIN_THROTTLE=off. */
  joinLimits: JoinLimits | undefined;
  /** S12: read the client's address from X-Forwarded-For (TRUST_PROXY=on, behind your own proxy). */
  trustProxy: boolean;
  /** An open meeting with no event for this long is closed as abandoned (CIRCLEWISE_ABANDON_DAYS); 0: never. */
  abandonAfterMs: number;
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
  const groupCommit = (env.CIRCLEWISE_GROUP_COMMIT ?? 'on').toLowerCase();
  if (groupCommit !== 'on' && groupCommit !== 'off') {
    throw new Error(`CIRCLEWISE_GROUP_COMMIT must be "on" or "off", not "${env.CIRCLEWISE_GROUP_COMMIT}".`);
  }
  const broadcastWindowMs = Number.parseInt(env.CIRCLEWISE_BROADCAST_MS ?? '40', 10);
  if (!Number.isInteger(broadcastWindowMs) || broadcastWindowMs < 0 || broadcastWindowMs > 1000) {
    throw new Error(`CIRCLEWISE_BROADCAST_MS must be 0–1000 (ms), not "${env.CIRCLEWISE_BROADCAST_MS}".`);
  }
  const perSecond = Number(env.CIRCLEWISE_RATE_PER_SECOND ?? DEFAULT_RATE_LIMIT.perSecond);
  const burst = Number(env.CIRCLEWISE_RATE_BURST ?? DEFAULT_RATE_LIMIT.burst);
  if (!(perSecond >= 0) || !(burst >= 1)) {
    throw new Error('CIRCLEWISE_RATE_PER_SECOND must be ≥ 0 (0: no limit) and CIRCLEWISE_RATE_BURST ≥ 1.');
  }
  const participantCap = Number(env.CIRCLEWISE_PARTICIPANT_CAP ?? DEFAULT_PARTICIPANT_CAP);
  if (!Number.isInteger(participantCap) || participantCap < 1) {
    throw new Error(
      `CIRCLEWISE_PARTICIPANT_CAP must be a whole number ≥ 1, not "${env.CIRCLEWISE_PARTICIPANT_CAP}".`,
    );
  }
  const joinThrottle = (env.CIRCLEWISE_JOIN_THROTTLE ?? 'on').toLowerCase();
  const trustProxy = (env.TRUST_PROXY ?? 'off').toLowerCase();
  const abandonDays = Number(env.CIRCLEWISE_ABANDON_DAYS ?? DEFAULT_ABANDON_DAYS);
  if (!Number.isFinite(abandonDays) || abandonDays < 0 || env.CIRCLEWISE_ABANDON_DAYS === '') {
    throw new Error(
      `CIRCLEWISE_ABANDON_DAYS must be a number of days ≥ 0 (0: never), not "${env.CIRCLEWISE_ABANDON_DAYS}".`,
    );
  }
  return {
    participantCap,
    joinLimits: joinThrottle === 'off' ? undefined : DEFAULT_JOIN_LIMITS,
    trustProxy: trustProxy === 'on' || trustProxy === 'true',
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    synchronous,
    groupCommit: groupCommit === 'on',
    broadcastWindowMs,
    rateLimit: perSecond > 0 ? { ...DEFAULT_RATE_LIMIT, perSecond, burst } : undefined,
    clientDir: resolve(import.meta.dirname, '../../client/dist'),
    abandonAfterMs: abandonDays * DAY_MS,
  };
}
