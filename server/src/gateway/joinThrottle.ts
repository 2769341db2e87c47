/**
 * S12, S7: joins of new devices are throttled per meeting code and per client address, so one
 * client cannot fill a meeting with made-up participants. A token bucket per key (tokenBuckets.ts),
 * as for messages (rateLimit.ts): `burst` joins at once, refilled at `perSecond`. A join takes one token
 * from its address's bucket and one from its code's, or from neither and is refused with
 * `rate_limited`; other addresses still join while one is throttled.
 *
 * Only joins that would add someone (a token the meeting does not know) are counted: phones that
 * come back after a dropped connection, all at once on the same Wi-Fi, are never held up.
 */

import { type Rate, TokenBuckets, takeAll } from './tokenBuckets';

/** `burst` joins at once, refilled at `perSecond` joins a second. */
export type Bucket = Rate;

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

export class JoinThrottle {
  private readonly buckets = new TokenBuckets();

  constructor(
    private readonly limits: JoinLimits,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** May a new device join `code` from `address` now? Takes a token from both buckets if so. */
  take(code: string, address: string): boolean {
    const now = this.clock();
    return takeAll([
      this.buckets.get(`a:${address}`, this.limits.perAddress, now),
      this.buckets.get(`c:${code}`, this.limits.perCode, now),
    ]);
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
