/**
 * S7: REST requests limited per client address, in ONE table: which requests (method and path)
 * draw on which bucket, and each bucket's rate and burst. A token bucket per (bucket, address),
 * the same as the socket's (gateway/tokenBuckets.ts): `burst` requests at once,
 * refilled at `perMinute`. A request over its bucket is answered 429 `rate_limited` with
 * `Retry-After` (seconds) and changes nothing; other addresses are not held up.
 *
 * The client's address is the socket door's (`clientAddress`: the peer, or X-Forwarded-For's
 * first entry with TRUST_PROXY=on). Paths are matched by prefix, case-insensitively as Express
 * routes them, so both shapes of a circle's API are covered: the member key in the path
 * (`/api/circles/<key>/…`) and in a header (`/api/circle/…`).
 *
 * Each bucket is configurable: CIRCLEWISE_LIMIT_<BUCKET>=<per minute>,<burst> (README,
 * docs/operations.md "Limits and time-outs"); CIRCLEWISE_REST_LIMITS=off turns them all off.
 */
import type { RequestHandler } from 'express';
import { clientAddress } from '../gateway/joinThrottle';
import { type Rate, TokenBuckets } from '../gateway/tokenBuckets';
import { sendError } from './respond';

export const REST_BUCKETS = ['meetings', 'circles', 'search', 'lookups'] as const;
export type RestBucket = (typeof REST_BUCKETS)[number];

export interface BucketLimit {
  /** Requests at once. */
  burst: number;
  /** Requests per minute the bucket refills. */
  perMinute: number;
}

export type RestLimits = Record<RestBucket, BucketLimit>;

/**
 * The defaults. A facilitator starts a meeting or two, a circle page reads a few records, a
 * search is typed and sent: far below these. A script guessing codes or keys, or filling the
 * store with meetings, meets them within a second.
 */
export const DEFAULT_REST_LIMITS: RestLimits = {
  /** POST /api/meetings, and a meeting made in a circle. */
  meetings: { burst: 20, perMinute: 20 },
  /** POST /api/circles. */
  circles: { burst: 10, perMinute: 10 },
  /** A circle's full-text search. */
  search: { burst: 30, perMinute: 30 },
  /** A meeting's code and token (its log, minutes, roles); every request with a circle's key. */
  lookups: { burst: 120, perMinute: 120 },
};

/** Which requests draw on which bucket: the first row that matches wins; no row, no limit. */
export const REST_LIMIT_TABLE: readonly { method: string; path: RegExp; bucket: RestBucket }[] = [
  { method: 'POST', path: /^\/api\/meetings\/?$/i, bucket: 'meetings' },
  { method: 'POST', path: /^\/api\/circles?\/(?:[^/]+\/)?meetings\/?$/i, bucket: 'meetings' },
  { method: 'POST', path: /^\/api\/circles\/?$/i, bucket: 'circles' },
  { method: 'GET', path: /^\/api\/circles?\/(?:[^/]+\/)?search\/?$/i, bucket: 'search' },
  { method: 'GET', path: /^\/api\/meetings\/[^/]+\//i, bucket: 'lookups' },
  { method: '*', path: /^\/api\/circles\/[^/]/i, bucket: 'lookups' },
  { method: '*', path: /^\/api\/circle(?:\/|$)/i, bucket: 'lookups' },
];

/** The bucket a request draws on, if any (HEAD is a GET). */
export function bucketOf(method: string, path: string): RestBucket | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return REST_LIMIT_TABLE.find((row) => (row.method === '*' || row.method === m) && row.path.test(path))
    ?.bucket;
}

/** The limits from the environment: the defaults, each bucket overridable; undefined when off. */
export function readRestLimits(env: NodeJS.ProcessEnv): RestLimits | undefined {
  const off = (env.CIRCLEWISE_REST_LIMITS ?? 'on').toLowerCase();
  if (off === 'off' || off === 'false') return undefined;
  const limits = { ...DEFAULT_REST_LIMITS };
  for (const bucket of REST_BUCKETS) {
    const name = `CIRCLEWISE_LIMIT_${bucket.toUpperCase()}`;
    const value = env[name];
    if (value === undefined || value.trim() === '') continue;
    const match = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(value);
    const perMinute = Number(match?.[1]);
    const burst = Number(match?.[2]);
    if (!match || !(perMinute >= 1) || !(burst >= 1)) {
      throw new Error(`${name} must be "<per minute>,<burst>", both whole numbers ≥ 1, not "${value}".`);
    }
    limits[bucket] = { perMinute, burst };
  }
  return limits;
}

/** Buckets kept before full ones are forgotten (a full bucket is the same as none). */
const MAX_KEYS = 20_000;

export class RestThrottle {
  private readonly buckets = new TokenBuckets(MAX_KEYS);
  private readonly rates: Record<RestBucket, Rate>;

  constructor(
    limits: RestLimits,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.rates = Object.fromEntries(
      REST_BUCKETS.map((b) => [b, { burst: limits[b].burst, perSecond: limits[b].perMinute / 60 }]),
    ) as Record<RestBucket, Rate>;
  }

  /** Takes a token: 0 if the request may go, else the seconds until it may. */
  take(bucket: RestBucket, address: string): number {
    return this.buckets.take(`${bucket} ${address}`, this.rates[bucket], this.clock());
  }
}

const WAIT_MESSAGE = 'requests_too_fast' as const;

/** The middleware: before the API's routes, with the full path. */
export function restLimiter(limits: RestLimits, trustProxy: boolean): RequestHandler {
  const throttle = new RestThrottle(limits);
  return (req, res, next) => {
    const bucket = bucketOf(req.method, req.path);
    if (!bucket) return next();
    const address = clientAddress(
      { address: req.socket.remoteAddress ?? '', headers: req.headers },
      trustProxy,
    );
    const wait = throttle.take(bucket, address);
    if (wait === 0) return next();
    res.set('Retry-After', String(wait));
    sendError(res, 429, 'rate_limited', WAIT_MESSAGE);
  };
}
