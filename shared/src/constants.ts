/**
 * Constant sets of the consent decision (PROCESS.md) and of the wire protocol.
 * `as const` objects and tuples, not enums (STYLE.md §2).
 */

/**
 * Bumped on any incompatible change to the wire contract; checked on join (docs/protocol.md).
 * 2: the join and resync snapshots are the whole meeting. 3: `meeting:presence` carries a batch
 * of changes, and who is in the meeting is only in the meeting's view, not in each item's.
 * 4: the room (issue 10). 5: the server mints a participant's token on its first join (`joinId`),
 * and issue 11's events and codes (docs/protocol.md).
 */
export const PROTOCOL_VERSION = 5;

/** The five stages of a consent decision, in order (C1). */
export const CONSENT_STAGES = ['proposal', 'clarifying', 'reactions', 'objections', 'consent'] as const;
export type ConsentStage = (typeof CONSENT_STAGES)[number];

/** Where a meeting can be: one of the five stages, or finished with an outcome. */
export type Stage = ConsentStage | 'outcome';

/** What a meeting decides: a proposal by consent, or who fills a role (PROCESS.md, Role election). */
export const MEETING_KINDS = ['decision', 'election'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * What an agenda item can be (M1, M3): a consent decision, a role election, or a round (the
 * opening check-in or the closing evaluation), where each person speaks once in turn.
 */
export const ITEM_KINDS = ['decision', 'election', 'round'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  decision: 'Consent decision',
  election: 'Role election',
  round: 'Round',
};

/** R3: what a review of an agreement ends in. */
export const REVIEW_RESULTS = ['keep', 'evolve', 'drop'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/**
 * The stages of a role election (E1–E5): nomination rounds, then a consent check on the
 * facilitator's proposed candidate, run by the same rules as a decision's.
 */
export const ELECTION_STAGES = [
  'role',
  'nominations',
  'changes',
  'proposal',
  'objections',
  'consent',
] as const;
export type ElectionStage = (typeof ELECTION_STAGES)[number];
export type ElectionPhase = ElectionStage | 'outcome';

/** Any stage of any kind of meeting, as stage.changed records it. */
export type AnyStage = ConsentStage | ElectionStage;

export const ELECTION_OUTCOMES = ['elected', 'none'] as const;
export type ElectionOutcome = (typeof ELECTION_OUTCOMES)[number];

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

export const STAGE_LABELS: Record<AnyStage | 'open' | 'outcome', string> = {
  open: 'Open',
  role: 'Role and term',
  nominations: 'Nominations',
  changes: 'Change round',
  proposal: 'Proposal',
  clarifying: 'Clarifying questions',
  reactions: 'Reactions',
  objections: 'Objections',
  consent: 'Consent',
  outcome: 'Outcome',
};

export const OUTCOME_LABELS: Record<Outcome | ElectionOutcome, string> = {
  adopted: 'Adopted',
  withdrawn: 'Withdrawn',
  deferred: 'Deferred',
  elected: 'Elected',
  none: 'No one elected',
};

/** Words for the quick gestures, shown beside their icons and read in the minutes. */
export const GESTURE_LABELS: Record<Gesture, string> = {
  up: 'Thumbs up',
  sideways: 'Thumbs sideways',
  down: 'Thumbs down',
};

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

/** C8: an objection's fate in words, naming the version that resolved it. */
export function objectionStatusText(status: ObjectionStatus, resolvedBy?: number): string {
  return status === 'resolved' && resolvedBy !== undefined
    ? `Resolved by version ${resolvedBy}`
    : OBJECTION_STATUS_LABELS[status];
}

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

export function nextElectionStage(stage: ElectionStage): ElectionStage | undefined {
  return ELECTION_STAGES[ELECTION_STAGES.indexOf(stage) + 1];
}

export function previousElectionStage(stage: ElectionStage): ElectionStage | undefined {
  const i = ELECTION_STAGES.indexOf(stage);
  return i > 0 ? ELECTION_STAGES[i - 1] : undefined;
}

export function isDecisionStage(stage: string): stage is ConsentStage {
  return (CONSENT_STAGES as readonly string[]).includes(stage);
}

export function isElectionStage(stage: string): stage is ElectionStage {
  return (ELECTION_STAGES as readonly string[]).includes(stage);
}
