import { STAGE_LABELS } from '@circlewise/shared/constants';
import { type MeetingView, presentParticipants } from '@circlewise/shared/view';

export function nameOf(view: MeetingView, participantId: string): string {
  return view.participants[participantId]?.name ?? 'Someone';
}

/** How many present participants have answered a round: "3 of 5 responded" (C7). */
export function respondedCount(view: MeetingView, responses: Record<string, unknown>) {
  const present = presentParticipants(view);
  return { responded: present.filter((p) => p.id in responses).length, total: present.length };
}

export function stageLabel(view: MeetingView): string {
  return STAGE_LABELS[view.stage];
}

export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Date(y, m - 1, d).toLocaleDateString([], { year: 'numeric', month: 'long', day: 'numeric' });
}
