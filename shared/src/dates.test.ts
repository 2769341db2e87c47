import { describe, expect, it } from 'vitest';
import { addMonths, defaultReviewDate, isoDay } from './dates';

describe('calendar dates [C9]', () => {
  it('add months, clamped to the end of the target month', () => {
    expect(addMonths('2025-01-31', 6)).toBe('2025-07-31');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-12-31', 6)).toBe('2026-06-30');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('read a moment as a calendar day in UTC or locally', () => {
    const d = new Date(Date.UTC(2025, 0, 31, 12));
    expect(isoDay(d, 'utc')).toBe('2025-01-31');
    expect(isoDay(new Date(2025, 1, 3, 12), 'local')).toBe('2025-02-03');
  });

  it('a review date is six months (or the given months) after the UTC day, clamped', () => {
    expect(defaultReviewDate(Date.UTC(2025, 0, 15, 12))).toBe('2025-07-15');
    expect(defaultReviewDate(Date.UTC(2025, 7, 31))).toBe('2026-02-28');
    expect(defaultReviewDate(Date.UTC(2025, 0, 15, 12), 3)).toBe('2025-04-15');
  });

  it('a review date counts from the UTC day, wherever the browser is, so server and console agree', () => {
    // 23:59 UTC on 31 December is already 1 January east of Greenwich: still the UTC day.
    expect(defaultReviewDate(Date.UTC(2025, 11, 31, 23, 59))).toBe('2026-06-30');
    expect(defaultReviewDate(Date.UTC(2026, 0, 1, 0, 1))).toBe('2026-07-01');
  });
});
