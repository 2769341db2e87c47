/**
 * The recorded events (events.ts) as zod schemas: what a row of a meeting's log must hold to be
 * replayed. The server checks each event read back from its store against this before it replays
 * a log (A11: a damaged row quarantines its meeting, it does not stop the server), so a row that
 * is valid JSON but not an event is found at the row, not as a crash in a reducer.
 *
 * Loose on purpose where the log is older than a field: optional fields stay optional, unknown
 * fields are kept (an older server ignores what a newer one added).
 */
import { z } from 'zod';
import {
  ELECTION_OUTCOMES,
  GESTURES,
  HIDDEN_ROUNDS,
  ITEM_KINDS,
  MEETING_KINDS,
  OUTCOMES,
  RESPONSE_KINDS,
  REVIEW_RESULTS,
  VERDICTS,
} from './constants';
import type { EventType, MeetingEvent } from './events';

const str = z.string();
const num = z.number();
const int = z.number().int();
const idOrNull = z.string().nullable();
const queueStage = z.enum(['clarifying', 'objections']);

const agreed = z.looseObject({
  title: str,
  driver: str,
  text: str,
  concerns: z.array(str),
  responsible: str.optional(),
  evaluation: str.optional(),
  reviewOf: str.optional(),
  review: z.enum(REVIEW_RESULTS).optional(),
});

/** Each event's own fields, by type. A `Record` over every type, so a new event cannot be left out. */
const BODIES: Record<EventType, z.ZodRawShape> = {
  'meeting.created': {
    meetingId: str,
    code: str,
    title: str,
    kind: z.enum(MEETING_KINDS).optional(),
    circleId: str.optional(),
    reviewMonths: num.optional(),
    reviewOf: str.optional(),
    timeboxMinutes: z.record(str, num).optional(),
  },
  'agenda.item.added': {
    itemId: str,
    kind: z.enum(ITEM_KINDS),
    title: str,
    index: int.optional(),
    proposal: z.looseObject({ title: str, driver: str, text: str }).optional(),
    reviewOf: str.optional(),
  },
  'agenda.item.moved': { itemId: str, index: int },
  'agenda.item.opened': { itemId: str, from: idOrNull },
  'facilitation.handed': { from: idOrNull, to: idOrNull },
  'meeting.closed': {},
  'round.spoken': { participantId: str, text: str },
  'round.closed': {},
  'participant.joined': { participantId: str, name: str },
  'participant.left': { participantId: str, reason: z.enum(['left', 'marked_absent']) },
  'proposal.edited': { title: str, driver: str, text: str },
  'proposal.amended': { version: int, driver: str, text: str, resolves: z.array(str) },
  'stage.changed': {
    from: str,
    to: str,
    reason: z.enum(['advance', 'back', 'late_objection', 'amendment', 'reveal', 'declined']),
  },
  'question.asked': { questionId: str, participantId: str, text: str, version: int },
  'question.answered': { questionId: str, text: str },
  'reaction.given': {
    participantId: str,
    version: int,
    sealed: z.boolean(),
    text: str.optional(),
    gesture: z.enum(GESTURES).optional(),
  },
  'response.given': {
    responseId: str,
    participantId: str,
    stage: z.enum(['objections', 'consent']),
    version: int,
    sealed: z.boolean(),
    kind: z.enum(RESPONSE_KINDS).optional(),
    reason: str.optional(),
  },
  'responses.revealed': {
    stage: z.enum(HIDDEN_ROUNDS),
    reactions: z.array(
      z.looseObject({ participantId: str, text: str, gesture: z.enum(GESTURES).optional() }),
    ),
    responses: z.array(
      z.looseObject({
        responseId: str,
        participantId: str,
        kind: z.enum(RESPONSE_KINDS),
        reason: str.optional(),
      }),
    ),
  },
  'objection.tested': { objectionId: str, verdict: z.enum(VERDICTS) },
  'objection.withdrawn': { objectionId: str },
  'outcome.recorded': {
    outcome: z.enum(OUTCOMES),
    version: int,
    reviewDate: str.optional(),
    note: str.optional(),
    responsible: str.optional(),
    evaluation: str.optional(),
    agreed: agreed.optional(),
  },
  'role.set': { role: str, description: str, termStart: str, termEnd: str },
  'nomination.given': {
    participantId: str,
    sealed: z.boolean(),
    nomineeId: idOrNull.optional(),
    reason: str.optional(),
  },
  'nominations.revealed': {
    nominations: z.array(z.looseObject({ participantId: str, nomineeId: idOrNull, reason: str })),
  },
  'nomination.changed': { participantId: str, from: idOrNull, to: idOrNull, reason: str },
  'candidate.proposed': {
    version: int,
    candidateId: str,
    termStart: str,
    termEnd: str,
    reasons: str,
    resolves: z.array(str),
  },
  'candidate.declined': { version: int, reason: str.optional() },
  'election.recorded': {
    outcome: z.enum(ELECTION_OUTCOMES),
    version: int,
    electedId: str.optional(),
    electedName: str.optional(),
    role: str.optional(),
    termStart: str.optional(),
    termEnd: str.optional(),
    note: str.optional(),
  },
  'meeting.locked': {},
  'meeting.unlocked': {},
  'participant.waiting': { participantId: str, name: str },
  'participant.admitted': { participantId: str },
  'participant.refused': { participantId: str },
  'participant.removed': { participantId: str },
  'timebox.set': { itemId: str, stage: str, deadline: num, reason: z.enum(['set', 'extend']) },
  'timebox.cleared': { itemId: str, stage: str },
  'round.ordered': { order: z.array(str), shuffled: z.boolean() },
  'round.passed': { participantId: str },
  'hand.raised': { participantId: str, stage: queueStage },
  'hand.lowered': { participantId: str },
  'hand.called': { participantId: str, stage: queueStage },
  'meeting.abandoned': { lastActivityAt: num, idleDays: int },
};

/** What every recorded event carries: its place in the log (A3), its author, time and command. */
const ENVELOPE = { by: str, seq: int.positive(), at: num, commandId: str };

const SCHEMAS = new Map<string, z.ZodType>(
  Object.entries(BODIES).map(([type, body]) => [
    type,
    z.looseObject({ type: z.literal(type), ...ENVELOPE, ...body }),
  ]),
);

/**
 * Is this value a recorded event? Null if so; otherwise why not, in a few words (the first field
 * that is wrong), for the report of a quarantined meeting (A11).
 */
export function eventProblem(value: unknown): string | null {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' ? SCHEMAS.get(type) : undefined;
  if (!schema) return typeof type === 'string' ? `unknown event type "${type}"` : 'not an event';
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${type}: ${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}`;
}

/** Narrows a value read back from a store to a recorded event. */
export const isRecordedEvent = (value: unknown): value is MeetingEvent => eventProblem(value) === null;
