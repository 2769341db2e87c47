/**
 * Configuration from the environment (README: Configuration). Every setting has a default that
 * runs the app on this machine with the embedded SQLite store.
 */
import { resolve } from 'node:path';
import { DAY_MS, DEFAULT_ABANDON_DAYS } from './commands/lifetime';
import { DEFAULT_JOIN_LIMITS, DEFAULT_PARTICIPANT_CAP, type JoinLimits } from './gateway/joinThrottle';
import { DEFAULT_ADDRESS_RATE, DEFAULT_RATE_LIMIT, type RateLimit } from './gateway/rateLimit';
import {
  type ConnectionLimits,
  DEFAULT_CONNECTION_LIMITS,
  DEFAULT_HTTP_TIMEOUTS,
  type HttpTimeouts,
} from './http/connectionLimits';
import { type RestLimits, readRestLimits } from './http/restLimits';

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
  /** S9: the address people open, e.g. https://meet.example.org (PUBLIC_URL); its origin. */
  publicUrl: string | undefined;
  /** S7: per-address REST limits (http/restLimits.ts); undefined when CIRCLEWISE_REST_LIMITS=off. */
  restLimits: RestLimits | undefined;
  /** Serve the client's source maps (CIRCLEWISE_SOURCE_MAPS=on; the build makes them then too). */
  sourceMaps: boolean;
  /** S7: connections in total and per address (CIRCLEWISE_MAX_CONNECTIONS[_PER_ADDRESS]). */
  connectionLimits: ConnectionLimits;
  /** S7: header, request and keep-alive time-outs (CIRCLEWISE_*_TIMEOUT_MS). */
  httpTimeouts: HttpTimeouts;
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
  const publicUrl = readPublicUrl(env.PUBLIC_URL);
  const restLimits = readRestLimits(env);
  const sourceMaps = (env.CIRCLEWISE_SOURCE_MAPS ?? 'off').toLowerCase();
  const whole = (name: string, fallback: number, min: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`${name} must be a whole number ≥ ${min}, not "${env[name]}".`);
    }
    return value;
  };
  const connectionLimits: ConnectionLimits = {
    total: whole('CIRCLEWISE_MAX_CONNECTIONS', DEFAULT_CONNECTION_LIMITS.total, 1),
    perAddress: whole('CIRCLEWISE_MAX_CONNECTIONS_PER_ADDRESS', DEFAULT_CONNECTION_LIMITS.perAddress, 1),
  };
  const httpTimeouts: HttpTimeouts = {
    headersTimeout: whole('CIRCLEWISE_HEADERS_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.headersTimeout, 100),
    requestTimeout: whole('CIRCLEWISE_REQUEST_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.requestTimeout, 100),
    keepAliveTimeout: whole('CIRCLEWISE_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.keepAliveTimeout, 100),
  };
  const perAddress = {
    perSecond: whole('CIRCLEWISE_RATE_ADDRESS_PER_SECOND', DEFAULT_ADDRESS_RATE.perSecond, 0),
    burst: whole('CIRCLEWISE_RATE_ADDRESS_BURST', DEFAULT_ADDRESS_RATE.burst, 1),
  };
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
    rateLimit:
      perSecond > 0
        ? {
            ...DEFAULT_RATE_LIMIT,
            perSecond,
            burst,
            perAddress: perAddress.perSecond > 0 ? perAddress : undefined,
          }
        : undefined,
    clientDir: resolve(import.meta.dirname, '../../client/dist'),
    publicUrl,
    restLimits,
    sourceMaps: sourceMaps === 'on' || sourceMaps === 'true',
    connectionLimits,
    httpTimeouts,
    abandonAfterMs: abandonDays * DAY_MS,
  };
}

/** PUBLIC_URL as an origin (scheme://host[:port]); a path or anything but http(s) is refused. */
function readPublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`PUBLIC_URL must be an address such as https://meet.example.org, not "${value}".`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search) {
    throw new Error(`PUBLIC_URL must be http(s)://host[:port] with no path, not "${value}".`);
  }
  return url.origin;
}
