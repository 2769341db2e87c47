/**
 * S5: a flooding socket is throttled, then cut. A token bucket per socket: `burst` messages at
 * once, refilled at `perSecond`. A message that finds the bucket empty is refused with a
 * `rate_limited` error ack (S6: the meeting and the log are untouched), and a socket that keeps
 * sending past `cutAfter` refusals in a row is disconnected. A phone, which sends a handful of
 * messages a minute and retries with backoff, never comes near it.
 */
import { type WireError, wireError } from '@circlewise/shared/errors';

export interface RateLimit {
  /** Messages a socket may send at once. */
  burst: number;
  /** Messages per second the bucket refills. */
  perSecond: number;
  /** Refusals in a row (no message let through between them) before the socket is cut. */
  cutAfter: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 40, perSecond: 20, cutAfter: 100 };

/** The part of a Socket.IO socket the limiter touches. */
export interface Limited {
  use(fn: (packet: unknown[], next: (error?: Error) => void) => void): unknown;
  disconnect(close?: boolean): unknown;
}

export function limitRate(
  socket: Limited,
  limit: RateLimit,
  clock: () => number = () => performance.now(),
  onCut: () => void = () => {},
): void {
  let tokens = limit.burst;
  let refilledAt = clock();
  let refusedInARow = 0;
  const refusal: { ok: false; error: WireError } = {
    ok: false,
    error: wireError('rate_limited', 'Too many messages at once: wait a moment, then send again.'),
  };

  socket.use((packet, next) => {
    const now = clock();
    tokens = Math.min(limit.burst, tokens + ((now - refilledAt) / 1000) * limit.perSecond);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
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
