/**
 * R3: the agreement register as a circle reads it. Agreements due for review come first, so the
 * circle sees what to take to its next meeting: overdue, then due within 30 days, then later,
 * then those without a date; dropped agreements last, kept for the record. Dates are calendar
 * days in UTC, as review dates are written (YYYY-MM-DD).
 */
import type { Agreement, CircleRole, ReviewDue } from '@circlewise/shared/circles';
import { isoDay } from '@circlewise/shared/dates';
import type { AgreementRecord, CircleRoleRecord } from '../store/eventStore';

/** An agreement is due when its review date is at most this many days away. */
export const DUE_WITHIN_DAYS = 30;

const DAY = 24 * 60 * 60 * 1000;
const ORDER: Record<ReviewDue, number> = { overdue: 0, due: 1, later: 2, none: 3 };

export function reviewDue(agreement: Pick<AgreementRecord, 'reviewDate' | 'status'>, now: number): ReviewDue {
  if (agreement.status === 'dropped' || agreement.reviewDate === null) return 'none';
  if (agreement.reviewDate < isoDay(new Date(now), 'utc')) return 'overdue';
  if (agreement.reviewDate <= isoDay(new Date(now + DUE_WITHIN_DAYS * DAY), 'utc')) return 'due';
  return 'later';
}

export function agreementRegister(records: readonly AgreementRecord[], now: number): Agreement[] {
  const rank = (a: Agreement) => (a.status === 'dropped' ? 4 : ORDER[a.due]);
  return records
    .map(
      (r): Agreement => ({
        id: r.id,
        title: r.title,
        driver: r.driver,
        text: r.text,
        concerns: r.concerns,
        adoptedAt: r.adoptedAt,
        reviewDate: r.reviewDate,
        status: r.status,
        ...(r.responsible !== undefined && { responsible: r.responsible }),
        ...(r.evaluation !== undefined && { evaluation: r.evaluation }),
        due: reviewDue(r, now),
        meetingCode: r.meetingCode,
        reviews: r.reviews,
      }),
    )
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.reviewDate ?? '').localeCompare(b.reviewDate ?? '') ||
        a.adoptedAt - b.adoptedAt,
    );
}

/** E5: the roles held, as the register shows them (newest election first, as the store gives). */
export function roleRegister(records: readonly CircleRoleRecord[]): CircleRole[] {
  return records.map((r) => ({
    role: r.role,
    person: r.person,
    termStart: r.termStart,
    termEnd: r.termEnd,
    electedAt: r.electedAt,
    meetingCode: r.meetingCode,
  }));
}
