import type { ConsentItemView } from '@circlewise/shared/consentItem';
import { STAGE_LABELS } from '@circlewise/shared/constants';
import { type Participant, presentParticipants } from '@circlewise/shared/decision';
import { i18n } from '../i18n';

/** Anything that knows who is in the meeting: the meeting, or an item seated in it (`Seated`). */
export type WithPeople = { participants: Record<string, Participant> };

export function nameOf(view: WithPeople, participantId: string): string {
  return view.participants[participantId]?.name ?? 'Someone';
}

/** How many present participants have answered a round: "3 of 5 responded" (C7). */
export function respondedCount(view: WithPeople, responses: Record<string, unknown>) {
  const present = presentParticipants(view);
  return { responded: present.filter((p) => p.id in responses).length, total: present.length };
}

export function stageLabel(view: ConsentItemView): string {
  return STAGE_LABELS[view.stage];
}

export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  // In the reader's language (issue 12); the pseudo-locales read dates as English does.
  const language = i18n.language?.startsWith('pseudo') ? 'en' : i18n.language;
  return new Date(y, m - 1, d).toLocaleDateString(language ? [language] : [], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}
