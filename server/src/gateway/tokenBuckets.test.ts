import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './tokenBuckets';

describe('[S7] token buckets', () => {
  it('[S7] a bucket lets its burst through, then says the seconds until the next token', () => {
    const buckets = new TokenBuckets();
    const rate = { burst: 2, perSecond: 0.5 };
    expect([0, 0, 0].map(() => buckets.take('k', rate, 0))).toEqual([0, 0, 2]);
    expect(buckets.take('other', rate, 0)).toBe(0);
    expect(buckets.take('k', rate, 1_000)).toBe(1);
    expect(buckets.take('k', rate, 2_000)).toBe(0);
  });

  it('[S7] memory stays bounded: full buckets are forgotten first, then the oldest half', () => {
    const buckets = new TokenBuckets(4);
    const rate = { burst: 1, perSecond: 1 };
    for (const key of ['a', 'b', 'c', 'd']) buckets.take(key, rate, 0);
    // At 1 s all four are full again: a fifth key forgets them.
    buckets.take('e', rate, 1_000);
    expect(buckets.size).toBe(1);
    for (const key of ['f', 'g', 'h']) buckets.take(key, rate, 1_000);
    // None is full: the oldest half goes, and the newest keeps its empty bucket.
    buckets.take('i', rate, 1_000);
    expect(buckets.size).toBe(3);
    expect(buckets.take('h', rate, 1_000)).toBe(1);
  });
});
