/**
 * S5, S7: a flooding client is throttled, then cut. Token buckets: `burst` messages at once,
 * refilled at `perSecond`. Every message takes a token from its socket's bucket and, once the
 * socket has joined, from its identity's bucket (S7: the participant, facilitator key or screen
 * link across all its sockets), and from its address's bucket when one is configured (S7). A
 * message that finds any of them empty takes from none and is refused with a `rate_limited`
 * error ack (S6: the meeting and the log are untouched), and a socket that keeps sending past
 * `cutAfter` refusals in a row is disconnected. A phone, which sends a handful of messages a
 * minute and retries with backoff, never comes near it.
 */
import { type WireError, wireError } from '@circlewise/shared/errors';
import { type Rate, TokenBucket, TokenBuckets, takeAll } from './tokenBuckets';

export interface RateLimit {
  /** Messages a socket may send at once. */
  burst: number;
  /** Messages per second the bucket refills. */
  perSecond: number;
  /** Refusals in a row (no message let through between them) before the socket is cut. */
  cutAfter: number;
  /**
   * S7: one identity (a participant's token, a facilitator key, a screen link) across all its
   * sockets; absent: the same burst and rate as one socket, so more sockets buy no more.
   */
  perIdentity?: RateBucket;
  /** S7: one client address across all its sockets; absent: not limited per address. */
  perAddress?: RateBucket;
}

export type RateBucket = Rate;

/**
 * S7: per address, a room of phones behind one Wi-Fi router shares one address: a full meeting
 * (200 people) answering at once, then rejoining after a dropped network, stays under it.
 */
export const DEFAULT_ADDRESS_RATE: RateBucket = { burst: 600, perSecond: 100 };

export const DEFAULT_RATE_LIMIT: RateLimit = {
  burst: 40,
  perSecond: 20,
  cutAfter: 100,
  perAddress: DEFAULT_ADDRESS_RATE,
};

/** The part of a Socket.IO socket the limiter touches. */
export interface Limited {
  use(fn: (packet: unknown[], next: (error?: Error) => void) => void): unknown;
  disconnect(close?: boolean): unknown;
}

/** Where a socket's shared buckets are found: its identity once joined, and its address. */
export interface Shared {
  buckets: SharedBuckets;
  /** The socket's identity, once it has joined (undefined before). */
  identity: () => string | undefined;
  address: string;
}

export function limitRate(
  socket: Limited,
  limit: RateLimit,
  clock: () => number = () => performance.now(),
  onCut: () => void = () => {},
  shared?: Shared,
): void {
  const own = new TokenBucket(limit, clock());
  const perIdentity = limit.perIdentity ?? { burst: limit.burst, perSecond: limit.perSecond };
  let refusedInARow = 0;
  const refusal: { ok: false; error: WireError } = {
    ok: false,
    error: wireError('rate_limited', 'messages_too_fast'),
  };

  socket.use((packet, next) => {
    const now = clock();
    const buckets = [own.fill(now)];
    if (shared) {
      const identity = shared.identity();
      if (identity !== undefined) buckets.push(shared.buckets.get(`i:${identity}`, perIdentity, now));
      if (limit.perAddress) buckets.push(shared.buckets.get(`a:${shared.address}`, limit.perAddress, now));
    }
    if (takeAll(buckets)) {
      refusedInARow = 0;
      return next();
    }
    refusedInARow += 1;
    if (refusedInARow > limit.cutAfter) {
      onCut();
      socket.disconnect(true);
      return;
    }
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (r: typeof refusal) => void)(refusal);
  });
}

/** S7: the buckets every socket of one identity, or of one address, shares. */
export class SharedBuckets extends TokenBuckets {}
