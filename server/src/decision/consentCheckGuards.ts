/**
 * The consent check's guards, shared by the decision machine and the election machine: one copy
 * of C3–C8 and C10 for both (issue: an election is nomination rounds followed by a consent
 * decision on the proposed candidate). Pure predicates over the reducer's view and an event.
 */
import type { ConsentCheckView } from '@circlewise/shared/consentCheck';
import type { Participant } from '@circlewise/shared/decision';
import type { MeetingEvent } from '@circlewise/shared/events';

export type CheckView = ConsentCheckView & { participants: Record<string, Participant>; seq: number };

const isOpen = (status: string) => status === 'raised' || status === 'qualified';

/** The first event of a meeting, and only the first. */
export const isFirst = (view: CheckView) => view.seq === 0;

export const byPresentParticipant = (view: CheckView, event: MeetingEvent) =>
  'participantId' in event && view.participants[event.participantId]?.present === true;

/** C3: a response belongs to the round that asks for it, on the current version. */
export const respondsIn = (view: CheckView, event: MeetingEvent, stage: 'objections' | 'consent') =>
  event.type === 'response.given' &&
  event.stage === stage &&
  event.version === view.consentRound.version &&
  view.participants[event.participantId]?.present === true &&
  (stage === 'objections' || event.kind === 'consent');

/** C10: the objection round is revealed once, and the reveal carries every hidden response. */
export const revealsWholeObjectionRound = (view: CheckView, event: MeetingEvent) => {
  if (event.type !== 'responses.revealed' || event.stage !== 'objections') return false;
  const shown = new Set(event.responses.map((r) => r.responseId));
  const all = Object.values(view.objectionRound.responses);
  return !view.objectionRound.revealed && all.length === shown.size && all.every((r) => shown.has(r.id));
};

/** C2: the facilitator tests an objection that is untested, or changes a verdict still open. */
export const objectionTestable = (view: CheckView, event: MeetingEvent) =>
  event.type === 'objection.tested' &&
  view.objections.some((o) => o.id === event.objectionId && isOpen(o.status));

/** C8: only its author withdraws an objection. */
export const withdrawnByAuthor = (view: CheckView, event: MeetingEvent) =>
  event.type === 'objection.withdrawn' &&
  view.objections.some((o) => o.id === event.objectionId && isOpen(o.status) && o.participantId === event.by);

/** C5, C8: a new version is numbered after the current one and resolves only open objections. */
export const newVersionResolvesOpen = (view: CheckView, version: number, resolves: readonly string[]) =>
  version === view.consentRound.version + 1 &&
  resolves.every((id) => view.objections.some((o) => o.id === id && isOpen(o.status)));
