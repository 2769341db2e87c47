import { describe, expect, it } from 'vitest';
import { clockOffset, formatClock, remaining, secondsLeft, thresholdAt, thresholdText } from './countdown';

describe('[T2] one countdown, corrected for the device clock', () => {
  it('[T2] the offset is the server time minus the middle of the round trip', () => {
    // The device clock is 5 s behind the server; the trip took 200 ms.
    expect(clockOffset(1_000, 1_200, 6_100)).toBe(5_000);
    // The device clock is 3 s ahead.
    expect(clockOffset(10_000, 10_400, 7_200)).toBe(-3_000);
  });

  it('[T2] two devices with different clocks show the same time left', () => {
    const serverNow = 1_000_000;
    const deadline = serverNow + 90_000;
    const slow = { now: serverNow - 42_000, offset: 42_000 };
    const fast = { now: serverNow + 17_000, offset: -17_000 };
    expect(remaining(deadline, slow.now, slow.offset)).toBe(90_000);
    expect(remaining(deadline, fast.now, fast.offset)).toBe(90_000);
    // Uncorrected, the fast device would be 17 s short.
    expect(remaining(deadline, fast.now, 0)).toBe(73_000);
  });

  it('[T2] time left never goes below zero and rounds up to whole seconds', () => {
    expect(remaining(1_000, 5_000, 0)).toBe(0);
    expect(secondsLeft(10_000, 9_001, 0)).toBe(1);
    expect(secondsLeft(10_000, 10_000, 0)).toBe(0);
    expect(secondsLeft(70_000, 0, 500)).toBe(70);
  });

  it('[T2] the clock reads m:ss, and h:mm:ss from an hour', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3_725)).toBe('1:02:05');
  });
});

describe('[T3] announcements only at thresholds', () => {
  it('[T3] the threshold changes only at five minutes, one minute and zero', () => {
    const seen = new Set<number | null>();
    for (let s = 600; s >= 0; s--) seen.add(thresholdAt(s));
    expect([...seen]).toEqual([null, 300, 60, 0]);
    expect(thresholdAt(301)).toBeNull();
    expect(thresholdAt(300)).toBe(300);
    expect(thresholdAt(61)).toBe(300);
    expect(thresholdAt(60)).toBe(60);
    expect(thresholdAt(1)).toBe(60);
    expect(thresholdAt(0)).toBe(0);
  });

  it('[T3] each threshold has its words', () => {
    expect(thresholdText(300)).toBe('5 minutes left.');
    expect(thresholdText(60)).toBe('1 minute left.');
    expect(thresholdText(0)).toBe('Time is up.');
  });
});
