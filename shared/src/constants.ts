/**
 * Constant sets of the consent decision (PROCESS.md) and of the wire protocol.
 * `as const` objects and tuples, not enums (STYLE.md §2).
 */

/** Bumped on any incompatible change to the wire contract; checked on join. */
export const PROTOCOL_VERSION = 1;

/** The five stages of a consent decision, in order (C1). */
export const CONSENT_STAGES = ['proposal', 'clarifying', 'reactions', 'objections', 'consent'] as const;
export type ConsentStage = (typeof CONSENT_STAGES)[number];

/** Where a meeting can be: one of the five stages, or finished with an outcome. */
export type Stage = ConsentStage | 'outcome';

export const OUTCOMES = ['adopted', 'withdrawn', 'deferred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What a participant can answer in the objection round (S3: check for possible objections). */
export const RESPONSE_KINDS = ['consent', 'concern', 'objection'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** Quick gestures that may go with a reaction. */
export const GESTURES = ['up', 'sideways', 'down'] as const;
export type Gesture = (typeof GESTURES)[number];

/** The facilitator's verdict when testing an objection. */
export const VERDICTS = ['qualifies', 'concern'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const OBJECTION_STATUSES = ['raised', 'qualified', 'concern', 'withdrawn', 'resolved'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Stages whose responses stay hidden until the facilitator reveals them (C10). */
export const HIDDEN_ROUNDS = ['reactions', 'objections'] as const;
export type HiddenRound = (typeof HIDDEN_ROUNDS)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  proposal: 'Proposal',
  clarifying: 'Clarifying questions',
  reactions: 'Reactions',
  objections: 'Objections',
  consent: 'Consent',
  outcome: 'Outcome',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  adopted: 'Adopted',
  withdrawn: 'Withdrawn',
  deferred: 'Deferred',
};

/** Sizes a message may have. Socket.IO's own cap sits above these (server config). */
export const LIMITS = {
  name: 60,
  title: 200,
  text: 5000,
  reason: 2000,
  /** Serialised size of one command; larger gets `payload_too_large` (S6). */
  commandBytes: 32 * 1024,
  /** How many events a resync may return before a fresh snapshot is sent instead. */
  resyncEvents: 2000,
} as const;

/** Default time until an adopted agreement is reviewed (C9), until circles set their own. */
export const DEFAULT_REVIEW_MONTHS = 6;

export function nextStage(stage: ConsentStage): ConsentStage | undefined {
  return CONSENT_STAGES[CONSENT_STAGES.indexOf(stage) + 1];
}

export function previousStage(stage: ConsentStage): ConsentStage | undefined {
  const i = CONSENT_STAGES.indexOf(stage);
  return i > 0 ? CONSENT_STAGES[i - 1] : undefined;
}
