import { describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../store/eventStore';
import { agreementRegister, reviewDue } from './register';

const NOW = Date.UTC(2025, 5, 10, 23, 30); // 2025-06-10, late in the day (UTC)

function record(id: string, reviewDate: string | null, over: Partial<AgreementRecord> = {}): AgreementRecord {
  return {
    id,
    circleId: 'c',
    meetingId: 'm',
    meetingCode: 'ABCDEF',
    title: id,
    driver: 'd',
    text: 't',
    concerns: [],
    adoptedAt: 1,
    reviewDate,
    status: 'active',
    reviews: [],
    ...over,
  };
}

describe('R3 the agreement register', () => {
  it('[R3] a review date before today is overdue; today and the next 30 days are due; later is later', () => {
    expect(reviewDue(record('a', '2025-06-09'), NOW)).toBe('overdue');
    expect(reviewDue(record('a', '2025-06-10'), NOW)).toBe('due');
    expect(reviewDue(record('a', '2025-07-10'), NOW)).toBe('due');
    expect(reviewDue(record('a', '2025-07-11'), NOW)).toBe('later');
    expect(reviewDue(record('a', null), NOW)).toBe('none');
    expect(reviewDue(record('a', '2020-01-01', { status: 'dropped' }), NOW)).toBe('none');
  });

  it('[R3] overdue first, then due, then later, then undated; by review date within each; dropped last', () => {
    const register = agreementRegister(
      [
        record('dropped', null, { status: 'dropped', adoptedAt: 0 }),
        record('later', '2026-01-01'),
        record('undated', null),
        record('due-late', '2025-07-01'),
        record('overdue', '2025-01-01'),
        record('due-soon', '2025-06-15'),
        record('overdue-older', '2024-12-01'),
      ],
      NOW,
    );
    expect(register.map((a) => [a.id, a.due])).toEqual([
      ['overdue-older', 'overdue'],
      ['overdue', 'overdue'],
      ['due-soon', 'due'],
      ['due-late', 'due'],
      ['later', 'later'],
      ['undated', 'none'],
      ['dropped', 'none'],
    ]);
    expect(Object.keys(register[0]!).sort()).toEqual(
      [
        'adoptedAt',
        'concerns',
        'driver',
        'due',
        'id',
        'meetingCode',
        'reviewDate',
        'reviews',
        'status',
        'text',
        'title',
      ].sort(),
    );
  });
});
