/**
 * The one seeded PRNG of the test code (chaos test, bench): a run printed with its seed can be
 * replayed exactly. mulberry32: 32 bits of state, fast, and plenty for choosing moments and
 * delays; not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
