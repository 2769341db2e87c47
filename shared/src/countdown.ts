/**
 * One countdown for everyone (T2, T3), as pure functions of injected clocks: no screen reads the
 * time here. Each device learns its offset from the server's clock (serverNow in the join ack
 * and the resync result), and counts down to the server's absolute deadline on its own clock
 * corrected by that offset. Screen readers hear only the thresholds (T3).
 */

/**
 * The device's offset from the server's clock, from one round trip: the request left at `sentAt`
 * and its answer, carrying the server's time `serverNow`, came back at `receivedAt` (both device
 * clock). The server's time is taken to be the middle of the trip. server ≈ device + offset.
 */
export function clockOffset(sentAt: number, receivedAt: number, serverNow: number): number {
  return Math.round(serverNow - (sentAt + receivedAt) / 2);
}

/** Milliseconds left until the server's `deadline`, seen from a device at `now` (its clock) with `offset`; never below 0. */
export function remaining(deadline: number, now: number, offset: number): number {
  return Math.max(0, deadline - (now + offset));
}

/** Whole seconds left, rounded up: a countdown shows 0:01 until time is really up. */
export function secondsLeft(deadline: number, now: number, offset: number): number {
  return Math.ceil(remaining(deadline, now, offset) / 1000);
}

/** "m:ss", or "h:mm:ss" from an hour. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The seconds left at which a screen reader is told (T3): five minutes, one minute, time up. */
export const THRESHOLDS = [300, 60, 0] as const;

/**
 * The threshold the countdown has reached at `seconds` left: the smallest threshold not below
 * it, or null while above every threshold. A screen announces when this changes, not each second.
 */
export function thresholdAt(seconds: number): number | null {
  let reached: number | null = null;
  for (const t of THRESHOLDS) if (seconds <= t) reached = t;
  return reached;
}

/** What is announced when a threshold is reached. */
export function thresholdText(threshold: number): string {
  if (threshold <= 0) return 'Time is up.';
  if (threshold % 60 === 0) {
    const minutes = threshold / 60;
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left.`;
  }
  return `${threshold} seconds left.`;
}
