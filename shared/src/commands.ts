/**
 * Every message a client sends, as zod schemas (the server validates at the edge; types alone
 * are not validation). Commands are a union discriminated by `type` and carry a client-made
 * `commandId` so a retry is recorded once (A2).
 */
import { z } from 'zod';
import {
  CONSENT_STAGES,
  ELECTION_OUTCOMES,
  ELECTION_STAGES,
  GESTURES,
  ITEM_KINDS,
  LIMITS,
  MEETING_KINDS,
  OUTCOMES,
  RESPONSE_KINDS,
  REVIEW_RESULTS,
  VERDICTS,
} from './constants';
import { REFUSALS } from './refusals';
import { TIMEBOX_LIMITS, TIMEBOX_STAGES } from './timebox';

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, { error: `${what} must not be empty.` })
    .max(max, { error: `${what} must be at most ${max} characters.` });

const id = (what: string) => z.uuid({ error: `${what} must be an id (uuid).` });
const commandId = id('commandId');
const ALL_STAGES = [...new Set([...CONSENT_STAGES, ...ELECTION_STAGES])] as [string, ...string[]];
const stage = z.enum(
  ALL_STAGES as unknown as readonly [(typeof CONSENT_STAGES)[number] | (typeof ELECTION_STAGES)[number]],
  { error: `stage must be one of ${ALL_STAGES.join(', ')}.` },
);

/** A stage a timebox is for: any stage of any kind of item, a round's open stage too (T1). */
const timeboxStage = z.enum(TIMEBOX_STAGES, { error: `stage must be one of ${TIMEBOX_STAGES.join(', ')}.` });
/** A timebox's length in seconds, within TIMEBOX_LIMITS. */
const seconds = z
  .number({ error: 'seconds must be a number.' })
  .int({ error: 'seconds must be a whole number.' })
  .min(TIMEBOX_LIMITS.minSeconds, { error: `A timebox lasts at least ${TIMEBOX_LIMITS.minSeconds} seconds.` })
  .max(TIMEBOX_LIMITS.maxSeconds, {
    error: `A timebox lasts at most ${TIMEBOX_LIMITS.maxSeconds / 3600} hours.`,
  });

/** A calendar date, YYYY-MM-DD. */
const isoDate = z.iso.date({ error: 'reviewDate must be a date as YYYY-MM-DD.' });

const reasonRequired = REFUSALS.objection_reason_required;

export const commandSchemas = {
  'proposal.edit': z.strictObject({
    type: z.literal('proposal.edit'),
    commandId,
    title: text(LIMITS.title, 'The title'),
    driver: text(LIMITS.text, 'The driver'),
    text: text(LIMITS.text, 'The proposal'),
  }),
  'proposal.amend': z.strictObject({
    type: z.literal('proposal.amend'),
    commandId,
    driver: text(LIMITS.text, 'The driver').optional(),
    text: text(LIMITS.text, 'The proposal'),
    /** Objections this version resolves (C8: resolved by a named version). */
    resolves: z.array(id('An objection id')).max(100).default([]),
  }),
  'stage.advance': z.strictObject({ type: z.literal('stage.advance'), commandId, from: stage }),
  'stage.back': z.strictObject({ type: z.literal('stage.back'), commandId, from: stage }),
  'question.ask': z.strictObject({
    type: z.literal('question.ask'),
    commandId,
    text: text(LIMITS.reason, 'The question'),
  }),
  'question.answer': z.strictObject({
    type: z.literal('question.answer'),
    commandId,
    questionId: id('questionId'),
    text: text(LIMITS.reason, 'The answer'),
  }),
  'reaction.give': z.strictObject({
    type: z.literal('reaction.give'),
    commandId,
    text: text(LIMITS.reason, 'The reaction'),
    gesture: z.enum(GESTURES).optional(),
  }),
  'response.give': z
    .strictObject({
      type: z.literal('response.give'),
      commandId,
      kind: z.enum(RESPONSE_KINDS, { error: 'kind must be consent, concern or objection.' }),
      reason: z
        .string({ error: 'The reason must be text.' })
        .trim()
        .max(LIMITS.reason, { error: `The reason must be at most ${LIMITS.reason} characters.` })
        .optional(),
    })
    .superRefine((cmd, ctx) => {
      // C4: an objection or concern without a reason is refused with a clear message.
      if (cmd.kind !== 'consent' && !cmd.reason) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: reasonRequired,
          params: { code: 'reason_required', reason: 'objection_reason_required' },
        });
      }
    }),
  'responses.reveal': z.strictObject({ type: z.literal('responses.reveal'), commandId }),
  'objection.test': z.strictObject({
    type: z.literal('objection.test'),
    commandId,
    objectionId: id('objectionId'),
    verdict: z.enum(VERDICTS, { error: 'verdict must be qualifies or concern.' }),
  }),
  'objection.withdraw': z.strictObject({
    type: z.literal('objection.withdraw'),
    commandId,
    objectionId: id('objectionId'),
  }),
  'outcome.record': z.strictObject({
    type: z.literal('outcome.record'),
    commandId,
    outcome: z.enum(OUTCOMES, { error: 'outcome must be adopted, withdrawn or deferred.' }),
    reviewDate: isoDate.optional(),
    note: text(LIMITS.reason, 'The note').optional(),
    /**
     * R3: who is responsible for the agreement, and how the circle will know it works. Only an
     * adopted agreement has them: the decide step refuses them with another outcome.
     */
    responsible: text(LIMITS.title, 'Who is responsible').optional(),
    evaluation: text(LIMITS.text, 'The evaluation criteria').optional(),
    /** For the review of an agreement (R3): keep, evolve or drop; worked out from the text if absent. */
    review: z.enum(REVIEW_RESULTS, { error: 'review must be keep, evolve or drop.' }).optional(),
  }),
  'participant.leave': z.strictObject({ type: z.literal('participant.leave'), commandId }),
  'participant.markAbsent': z.strictObject({
    type: z.literal('participant.markAbsent'),
    commandId,
    participantId: id('participantId'),
  }),
  // Role elections (PROCESS.md E1–E5).
  'role.set': z
    .strictObject({
      type: z.literal('role.set'),
      commandId,
      role: text(LIMITS.title, 'The role'),
      description: z
        .string()
        .trim()
        .max(LIMITS.text, { error: `The description must be at most ${LIMITS.text} characters.` })
        .default(''),
      termStart: z.iso.date({ error: 'termStart must be a date as YYYY-MM-DD.' }),
      termEnd: z.iso.date({ error: 'termEnd must be a date as YYYY-MM-DD.' }),
    })
    .refine((c) => c.termEnd > c.termStart, {
      error: 'The term must end after it starts.',
      path: ['termEnd'],
    }),
  'nomination.give': z
    .strictObject({
      type: z.literal('nomination.give'),
      commandId,
      /** A present participant (oneself included), or null for "no one yet". */
      nomineeId: id('nomineeId').nullable(),
      reason: z
        .string()
        .trim()
        .max(LIMITS.reason, { error: `The reason must be at most ${LIMITS.reason} characters.` })
        .optional(),
    })
    .superRefine((cmd, ctx) => {
      if (cmd.nomineeId !== null && !cmd.reason) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message: REFUSALS.nomination_reason_required,
          params: { code: 'reason_required', reason: 'nomination_reason_required' },
        });
      }
    }),
  'nominations.reveal': z.strictObject({ type: z.literal('nominations.reveal'), commandId }),
  'nomination.change': z.strictObject({
    type: z.literal('nomination.change'),
    commandId,
    nomineeId: id('nomineeId').nullable(),
    /** Required when the nominee changes (E3); the decide step checks, knowing the current one. */
    reason: z
      .string()
      .trim()
      .max(LIMITS.reason, { error: `The reason must be at most ${LIMITS.reason} characters.` })
      .optional(),
  }),
  'candidate.propose': z
    .strictObject({
      type: z.literal('candidate.propose'),
      commandId,
      candidateId: id('candidateId'),
      reasons: text(LIMITS.text, 'The reasons'),
      /** Defaults to the role's term; a shorter term is one way to resolve an objection. */
      termStart: z.iso.date({ error: 'termStart must be a date as YYYY-MM-DD.' }).optional(),
      termEnd: z.iso.date({ error: 'termEnd must be a date as YYYY-MM-DD.' }).optional(),
      resolves: z.array(id('An objection id')).max(100).default([]),
    })
    .refine((c) => !c.termStart || !c.termEnd || c.termEnd > c.termStart, {
      error: 'The term must end after it starts.',
      path: ['termEnd'],
    }),
  'candidate.decline': z.strictObject({
    type: z.literal('candidate.decline'),
    commandId,
    reason: text(LIMITS.reason, 'The reason').optional(),
  }),
  'election.record': z.strictObject({
    type: z.literal('election.record'),
    commandId,
    outcome: z.enum(ELECTION_OUTCOMES, { error: 'outcome must be elected or none.' }),
    note: text(LIMITS.reason, 'The note').optional(),
  }),
  // The agenda (M1, M3, M4).
  'agenda.add': z.strictObject({
    type: z.literal('agenda.add'),
    commandId,
    kind: z.enum(ITEM_KINDS, { error: 'kind must be decision, election or round.' }),
    title: text(LIMITS.title, 'The title'),
    /** Where to put it, 0-based; at the end when absent. */
    index: z.number().int().min(0).max(1000).optional(),
  }),
  'agenda.move': z.strictObject({
    type: z.literal('agenda.move'),
    commandId,
    itemId: id('itemId'),
    index: z.number({ error: 'index must be a number.' }).int().min(0).max(1000),
  }),
  'agenda.open': z.strictObject({ type: z.literal('agenda.open'), commandId, itemId: id('itemId') }),
  'facilitation.handOver': z.strictObject({
    type: z.literal('facilitation.handOver'),
    commandId,
    /** A present participant, or null to hand back to the holder of the facilitator key. */
    participantId: id('participantId').nullable(),
  }),
  'meeting.close': z.strictObject({ type: z.literal('meeting.close'), commandId }),
  'round.speak': z.strictObject({
    type: z.literal('round.speak'),
    commandId,
    text: text(LIMITS.reason, 'What you say'),
  }),
  'round.close': z.strictObject({ type: z.literal('round.close'), commandId }),
  // Who is in the meeting (S12).
  'meeting.lock': z.strictObject({ type: z.literal('meeting.lock'), commandId }),
  'meeting.unlock': z.strictObject({ type: z.literal('meeting.unlock'), commandId }),
  'participant.admit': z.strictObject({
    type: z.literal('participant.admit'),
    commandId,
    participantId: id('participantId'),
  }),
  'participant.refuse': z.strictObject({
    type: z.literal('participant.refuse'),
    commandId,
    participantId: id('participantId'),
  }),
  'participant.remove': z.strictObject({
    type: z.literal('participant.remove'),
    commandId,
    participantId: id('participantId'),
  }),
  // Timeboxes (T1): on the current item's current stage, named so a stale console is refused.
  'timebox.set': z.strictObject({ type: z.literal('timebox.set'), commandId, stage: timeboxStage, seconds }),
  'timebox.extend': z.strictObject({
    type: z.literal('timebox.extend'),
    commandId,
    stage: timeboxStage,
    seconds,
  }),
  'timebox.clear': z.strictObject({ type: z.literal('timebox.clear'), commandId, stage: timeboxStage }),
  // Turns (O1, O2) and the speaking queue (O3).
  'round.order': z
    .strictObject({
      type: z.literal('round.order'),
      commandId,
      /** The seating order, as participant ids; or leave it out and ask for a shuffle. */
      order: z.array(id('A participant id')).min(1).max(500).optional(),
      shuffle: z.literal(true).optional(),
    })
    .refine((c) => (c.order === undefined) !== (c.shuffle === undefined), {
      error: 'Give either the seating order or shuffle: true, not both.',
      path: ['order'],
    }),
  'round.pass': z.strictObject({ type: z.literal('round.pass'), commandId }),
  'hand.raise': z.strictObject({ type: z.literal('hand.raise'), commandId }),
  'hand.lower': z.strictObject({ type: z.literal('hand.lower'), commandId }),
  'hand.call': z.strictObject({
    type: z.literal('hand.call'),
    commandId,
    /** Who is given the floor: someone in the queue (the console sends its head, "Call next"). */
    participantId: id('participantId'),
  }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];

export const commandSchema = z.discriminatedUnion('type', [
  commandSchemas['proposal.edit'],
  commandSchemas['proposal.amend'],
  commandSchemas['stage.advance'],
  commandSchemas['stage.back'],
  commandSchemas['question.ask'],
  commandSchemas['question.answer'],
  commandSchemas['reaction.give'],
  commandSchemas['response.give'],
  commandSchemas['responses.reveal'],
  commandSchemas['objection.test'],
  commandSchemas['objection.withdraw'],
  commandSchemas['outcome.record'],
  commandSchemas['participant.leave'],
  commandSchemas['participant.markAbsent'],
  commandSchemas['role.set'],
  commandSchemas['nomination.give'],
  commandSchemas['nominations.reveal'],
  commandSchemas['nomination.change'],
  commandSchemas['candidate.propose'],
  commandSchemas['candidate.decline'],
  commandSchemas['election.record'],
  commandSchemas['agenda.add'],
  commandSchemas['agenda.move'],
  commandSchemas['agenda.open'],
  commandSchemas['facilitation.handOver'],
  commandSchemas['meeting.close'],
  commandSchemas['round.speak'],
  commandSchemas['round.close'],
  commandSchemas['meeting.lock'],
  commandSchemas['meeting.unlock'],
  commandSchemas['participant.admit'],
  commandSchemas['participant.refuse'],
  commandSchemas['participant.remove'],
  commandSchemas['timebox.set'],
  commandSchemas['timebox.extend'],
  commandSchemas['timebox.clear'],
  commandSchemas['round.order'],
  commandSchemas['round.pass'],
  commandSchemas['hand.raise'],
  commandSchemas['hand.lower'],
  commandSchemas['hand.call'],
]);

/** Commands about the meeting as a whole; every other command goes to the current item (M1). */
export const MEETING_COMMANDS = [
  'agenda.add',
  'agenda.move',
  'agenda.open',
  'facilitation.handOver',
  'meeting.close',
  'meeting.lock',
  'meeting.unlock',
  'participant.admit',
  'participant.refuse',
  'participant.remove',
] as const satisfies readonly CommandType[];

export function isMeetingCommand(type: CommandType): type is (typeof MEETING_COMMANDS)[number] {
  return (MEETING_COMMANDS as readonly string[]).includes(type);
}

/** A validated command, as the server's decide step sees it. */
export type Command = z.output<typeof commandSchema>;
/** A command as a client writes it (defaults may be left out). */
export type CommandInput = z.input<typeof commandSchema>;
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Join a meeting: as a new participant (name), or again with a token or facilitator key. */
export const joinSchema = z.strictObject({
  protocol: z.number({ error: 'protocol must be a number.' }).int(),
  code: z
    .string({ error: 'The meeting code must be text.' })
    .max(20, { error: 'That is not a meeting code.' })
    .transform(normaliseCode),
  /**
   * S2, S4: the secret this device was given: a participant token the server minted in an earlier
   * join's ack, a facilitator key, or a screen link. A new device sends none (see `joinId`).
   */
  token: z
    .string({ error: 'The token must be text.' })
    .min(32, { error: 'The token must be a random secret of at least 32 characters.' })
    .max(200, { error: 'The token must be at most 200 characters.' })
    .optional(),
  name: z
    .string({ error: 'Your name must be text.' })
    .transform(stripInvisible)
    .pipe(text(LIMITS.name, 'Your name'))
    .optional(),
  /**
   * S2: a new device's first join, without a token: a random idempotency id the device makes and
   * keeps until the ack brings its token. A retry with the same joinId (the ack was lost) finds
   * the same participant rather than making a second; the server then mints a fresh token.
   */
  joinId: z
    .string({ error: 'The joinId must be text.' })
    .min(32, { error: 'The joinId must be a random id of at least 32 characters.' })
    .max(200, { error: 'The joinId must be at most 200 characters.' })
    .optional(),
});
export type JoinRequest = z.input<typeof joinSchema>;

export const resyncSchema = z.strictObject({
  afterSeq: z.number({ error: 'afterSeq must be a number.' }).int().min(0),
});
export type ResyncRequest = z.input<typeof resyncSchema>;

export const createMeetingSchema = z.strictObject({
  title: text(LIMITS.title, 'The title').optional(),
  /** The first agenda item's kind; more items are added in the meeting (M1). */
  kind: z.enum(MEETING_KINDS, { error: 'kind must be decision or election.' }).default('decision'),
});

/** Codes are shown in groups and typed loosely; compare them without spaces, dashes or case. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * S12: a name shows as what it is. Control characters become spaces; bidi overrides and isolates,
 * zero-width and other invisible format characters (Unicode Cf) are dropped, so a name cannot
 * reorder the text around it or hide as another. Runs in the join schema, client and server alike.
 */
export function stripInvisible(name: string): string {
  return name.replace(/\p{Cc}+/gu, ' ').replace(/\p{Cf}/gu, '');
}
