/**
 * S5, S7, S12: the one token bucket every limit uses (socket messages, new-device joins, REST
 * requests): `burst` tokens at once, refilled at `perSecond`. A bucket starts full; a full bucket
 * is the same as none, so a keyed map of them forgets full ones to stay bounded.
 */

export interface Rate {
  /** Tokens at once. */
  burst: number;
  /** Tokens per second the bucket refills. */
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;

  constructor(
    public rate: Rate,
    private at: number,
  ) {
    this.tokens = rate.burst;
  }

  /** Tops the bucket up to `now`. */
  fill(now: number): this {
    this.tokens = this.tokensAt(now);
    this.at = now;
    return this;
  }

  /** Whether a token is there (as last filled). */
  get ready(): boolean {
    return this.tokens >= 1;
  }

  /** Takes a token (the caller checked `ready`). */
  take(): void {
    this.tokens -= 1;
  }

  /** Seconds until a token is there (as last filled), at least 1; 0 if one is there now. */
  get wait(): number {
    return this.ready ? 0 : Math.max(1, Math.ceil((1 - this.tokens) / this.rate.perSecond));
  }

  /** Whether the bucket would be full at `now`. */
  fullAt(now: number): boolean {
    return this.tokensAt(now) >= this.rate.burst;
  }

  private tokensAt(now: number): number {
    return Math.min(this.rate.burst, this.tokens + ((now - this.at) * this.rate.perSecond) / 1000);
  }
}

/** Takes one token from each bucket (already filled) if every one has one, else from none. */
export function takeAll(buckets: readonly TokenBucket[]): boolean {
  if (!buckets.every((b) => b.ready)) return false;
  for (const b of buckets) b.take();
  return true;
}

/** Buckets by key, created full. Memory stays bounded: past `maxKeys`, full buckets are forgotten,
 *  and if that is not enough (a flood of keys), the oldest half. */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly maxKeys = 10_000) {}

  /** The key's bucket, filled to `now`. */
  get(key: string, rate: Rate, now: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.forget(now);
      bucket = new TokenBucket(rate, now);
      this.buckets.set(key, bucket);
    }
    bucket.rate = rate;
    return bucket.fill(now);
  }

  /** Takes a token from the key's bucket: 0 if there was one, else the seconds until there is. */
  take(key: string, rate: Rate, now: number): number {
    const bucket = this.get(key, rate, now);
    const wait = bucket.wait;
    if (wait === 0) bucket.take();
    return wait;
  }

  get size(): number {
    return this.buckets.size;
  }

  private forget(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.fullAt(now)) this.buckets.delete(key);
    if (this.buckets.size < this.maxKeys) return;
    let drop = this.buckets.size / 2;
    for (const key of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}
