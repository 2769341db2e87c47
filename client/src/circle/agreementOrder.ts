/**
 * R3: the register's order. Overdue, then due, then the rest by the server's order (review
 * date); dropped agreements last. The server sorts the same way; the page does not rely on it,
 * because a due agreement hidden below the fold is the failure the register exists to prevent.
 */
import type { Agreement, ReviewDue } from '@circlewise/shared/circles';

const RANK: Record<ReviewDue, number> = { overdue: 0, due: 1, later: 2, none: 3 };

const rank = (a: Agreement) => (a.status === 'dropped' ? 4 : RANK[a.due]);

export function registerOrder(agreements: Agreement[]): Agreement[] {
  // Array.prototype.sort is stable: within a rank the server's order stands.
  return [...agreements].sort((a, b) => rank(a) - rank(b));
}

export function needsReview(a: Agreement): boolean {
  return a.status === 'active' && (a.due === 'overdue' || a.due === 'due');
}
