import { describe, expect, it } from 'vitest';
import { clientAddress, JoinThrottle } from './joinThrottle';

const LIMITS = { perAddress: { burst: 3, perSecond: 1 }, perCode: { burst: 5, perSecond: 2 } };

describe('S12 join throttle', () => {
  it('[S12] a burst from one address is refused past its bucket; another address still joins', () => {
    let now = 0;
    const throttle = new JoinThrottle(LIMITS, () => now);
    expect([1, 2, 3, 4].map(() => throttle.take('ABC', '10.0.0.1'))).toEqual([true, true, true, false]);
    expect(throttle.take('ABC', '10.0.0.2')).toBe(true);
    now += 1000;
    expect(throttle.take('ABC', '10.0.0.1')).toBe(true);
    expect(throttle.take('ABC', '10.0.0.1')).toBe(false);
  });

  it('[S12] a code is throttled across addresses; other codes are not', () => {
    const throttle = new JoinThrottle(LIMITS, () => 0);
    const many = Array.from({ length: 6 }, (_, i) => throttle.take('ABC', `10.0.1.${i}`));
    expect(many).toEqual([true, true, true, true, true, false]);
    expect(throttle.take('XYZ', '10.0.1.9')).toBe(true);
  });

  it('[S12] the address is the peer’s, or the first forwarded one only behind a trusted proxy', () => {
    const handshake = { address: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } };
    expect(clientAddress(handshake, false)).toBe('127.0.0.1');
    expect(clientAddress(handshake, true)).toBe('203.0.113.7');
    expect(clientAddress({ address: '::1', headers: {} }, true)).toBe('::1');
  });
});
