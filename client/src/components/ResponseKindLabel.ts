import type { ObjectionStatus, ResponseKind } from '@circlewise/shared/constants';

export const RESPONSE_LABELS: Record<ResponseKind, string> = {
  consent: 'No objection (consent)',
  concern: 'Concern',
  objection: 'Objection',
};

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  raised: 'Raised, waiting to be tested',
  qualified: 'Qualifies: to be resolved by amending the proposal',
  concern: 'Recorded as a concern',
  withdrawn: 'Withdrawn by its author',
  resolved: 'Resolved',
};

export function objectionStatusText(status: ObjectionStatus, resolvedBy?: number): string {
  return status === 'resolved' && resolvedBy !== undefined
    ? `Resolved by version ${resolvedBy}`
    : OBJECTION_STATUS_LABELS[status];
}
