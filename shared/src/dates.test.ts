import { describe, expect, it } from 'vitest';
import { addMonths, isoDay } from './dates';

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
});
