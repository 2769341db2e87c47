/**
 * What of an event goes into a circle's search index: its public text only (A6). Every event is
 * first cut down to what a member who took no part may read (the same filter as the circle's
 * events endpoint), so a sealed reaction, response or nomination gives nothing until the reveal
 * that makes it public, and that reveal's event carries the text then. Pure, so engines share it.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import { eventFor, type Viewer } from '@circlewise/shared/visibility';

/**
 * A member of the circle reading its records (through its member link, or a search): no part in
 * the meeting, so no sealed content. The circle's REST reads use the same viewer.
 */
export const CIRCLE_READER: Viewer = { role: 'participant', participantId: '' };

/** The searchable text of one event, or '' when it has none a member may read. */
export function searchableText(event: MeetingEvent): string {
  const e = eventFor(event, CIRCLE_READER);
  return parts(e)
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join('\n');
}

function parts(e: MeetingEvent): Array<string | undefined | null> {
  switch (e.type) {
    case 'meeting.created':
    case 'agenda.item.added':
      return [e.title];
    case 'proposal.edited':
      return [e.title, e.driver, e.text];
    case 'proposal.amended':
      return [e.driver, e.text];
    case 'question.asked':
    case 'question.answered':
    case 'round.spoken':
      return [e.text];
    // Present only when given in the open (after the reveal); the redaction above removes it otherwise.
    case 'reaction.given':
      return [e.text];
    case 'response.given':
      return [e.reason];
    case 'nomination.given':
      return [e.reason];
    case 'responses.revealed':
      return [...e.reactions.map((r) => r.text), ...e.responses.map((r) => r.reason)];
    case 'nominations.revealed':
      return e.nominations.map((n) => n.reason);
    case 'nomination.changed':
      return [e.reason];
    case 'role.set':
      return [e.role, e.description];
    case 'candidate.proposed':
      return [e.reasons];
    case 'candidate.declined':
      return [e.reason];
    case 'outcome.recorded':
    case 'election.recorded':
      // What was agreed is indexed as the agreement itself (kind 'agreement').
      return [e.note];
    default:
      return [];
  }
}

/** An agreement's searchable text, indexed under kind 'agreement' and replaced on each review. */
export function agreementText(a: {
  title: string;
  driver: string;
  text: string;
  concerns: string[];
  responsible?: string;
  evaluation?: string;
}): string {
  return [a.title, a.driver, a.text, ...a.concerns, a.responsible ?? '', a.evaluation ?? '']
    .filter((p) => p.trim() !== '')
    .join('\n');
}
