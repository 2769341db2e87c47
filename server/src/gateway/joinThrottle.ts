/**
 * S12, S7: joins of new devices are throttled per meeting code and per client address, so one
 * client cannot fill a meeting with made-up participants. A token bucket per key, as for
 * messages (rateLimit.ts): `burst` joins at once, refilled at `perSecond`. A join takes one token
 * from its address's bucket and one from its code's, or from neither and is refused with
 * `rate_limited`; other addresses still join while one is throttled.
 *
 * Only joins that would add someone (a token the meeting does not know) are counted: phones that
 * come back after a dropped connection, all at once on the same Wi-Fi, are never held up.
 */

export interface Bucket {
  /** Joins at once. */
  burst: number;
  /** Joins per second the bucket refills. */
  perSecond: number;
}

export interface JoinLimits {
  /** Per client address: a room of phones behind one Wi-Fi router shares one address. */
  perAddress: Bucket;
  /** Per meeting code, from every address together. */
  perCode: Bucket;
}

export const DEFAULT_JOIN_LIMITS: JoinLimits = {
  perAddress: { burst: 30, perSecond: 1 },
  perCode: { burst: 100, perSecond: 5 },
};

/** S12: the participant cap of one meeting unless configured (AppOptions.participantCap). */
export const DEFAULT_PARTICIPANT_CAP = 200;

/** Buckets kept before full ones are forgotten (a full bucket is the same as none). */
const MAX_KEYS = 10_000;

export class JoinThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: JoinLimits,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** May a new device join `code` from `address` now? Takes a token from both buckets if so. */
  take(code: string, address: string): boolean {
    const now = this.clock();
    const byAddress = this.fill(`a:${address}`, this.limits.perAddress, now);
    const byCode = this.fill(`c:${code}`, this.limits.perCode, now);
    if (byAddress.tokens < 1 || byCode.tokens < 1) return false;
    byAddress.tokens -= 1;
    byCode.tokens -= 1;
    return true;
  }

  private fill(key: string, limit: Bucket, now: number): { tokens: number; at: number } {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_KEYS) this.forgetFull(now);
      bucket = { tokens: limit.burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    return bucket;
  }

  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const limit = key.startsWith('a:') ? this.limits.perAddress : this.limits.perCode;
      if (bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond >= limit.burst) {
        this.buckets.delete(key);
      }
    }
  }
}

/**
 * The client's address: the socket's own peer, or, behind a proxy the operator trusts, the
 * first address of X-Forwarded-For.
 */
export function clientAddress(
  handshake: { address: string; headers: Record<string, string | string[] | undefined> },
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = handshake.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return handshake.address;
}
