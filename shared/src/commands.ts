/**
 * Every message a client sends, as zod schemas (the server validates at the edge; types alone
 * are not validation). Commands are a union discriminated by `type` and carry a client-made
 * `commandId` so a retry is recorded once (A2).
 */
import { z } from 'zod';
import { CONSENT_STAGES, GESTURES, LIMITS, OUTCOMES, RESPONSE_KINDS, VERDICTS } from './constants';

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, { error: `${what} must not be empty.` })
    .max(max, { error: `${what} must be at most ${max} characters.` });

const id = (what: string) => z.uuid({ error: `${what} must be an id (uuid).` });
const commandId = id('commandId');
const stage = z.enum(CONSENT_STAGES, { error: `stage must be one of ${CONSENT_STAGES.join(', ')}.` });

/** A calendar date, YYYY-MM-DD. */
const isoDate = z.iso.date({ error: 'reviewDate must be a date as YYYY-MM-DD.' });

const reasonRequired =
  'An objection or a concern needs a reason: say what harm you see, or how the proposal could be better.';

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
          params: { code: 'reason_required' },
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
  }),
  'participant.leave': z.strictObject({ type: z.literal('participant.leave'), commandId }),
  'participant.markAbsent': z.strictObject({
    type: z.literal('participant.markAbsent'),
    commandId,
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
]);

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
  /** S4: a long random secret; participants make their own (docs/protocol.md). */
  token: z
    .string({ error: 'The token must be text.' })
    .min(32, { error: 'The token must be a random secret of at least 32 characters.' })
    .max(200, { error: 'The token must be at most 200 characters.' })
    .optional(),
  name: text(LIMITS.name, 'Your name').optional(),
});
export type JoinRequest = z.input<typeof joinSchema>;

export const resyncSchema = z.strictObject({
  afterSeq: z.number({ error: 'afterSeq must be a number.' }).int().min(0),
});
export type ResyncRequest = z.input<typeof resyncSchema>;

export const createMeetingSchema = z.strictObject({
  title: text(LIMITS.title, 'The title').optional(),
});

/** Codes are shown in groups and typed loosely; compare them without spaces, dashes or case. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
