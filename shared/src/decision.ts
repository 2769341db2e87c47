/**
 * The public view of a meeting: what every screen renders. It is only ever produced by the
 * shared reducer over recorded events (A5), on the server and on every client.
 */
import type { ConsentStage, Gesture, ObjectionStatus, Outcome, ResponseKind, Stage } from './constants';
import type { MeetingView, Seated } from './meeting';

export interface Participant {
  id: string;
  name: string;
  joinedAt: number;
  /** Joined and not left: counts for consent (M2, C7). Being online is not recorded. */
  present: boolean;
  /** S12: removed by the facilitator; not present, and their token opens nothing. */
  removed?: true;
}

export interface ProposalVersion {
  version: number;
  title: string;
  driver: string;
  text: string;
  at: number;
  /** Objections this version resolved (C8). */
  resolves: string[];
}

export interface Question {
  id: string;
  participantId: string;
  text: string;
  version: number;
  at: number;
  answer?: { text: string; at: number };
}

export interface Reaction {
  participantId: string;
  version: number;
  at: number;
  /** True while the round is hidden from this viewer (C10); then text and gesture are absent. */
  hidden: boolean;
  text?: string;
  gesture?: Gesture;
}

export interface Response {
  id: string;
  participantId: string;
  version: number;
  at: number;
  hidden: boolean;
  kind?: ResponseKind;
  reason?: string;
}

export interface Objection {
  id: string;
  participantId: string;
  reason: string;
  version: number;
  at: number;
  status: ObjectionStatus;
  /** Set when status is `resolved`: the proposal version that resolved it (C8). */
  resolvedBy?: number;
  /** Set when the status last changed. */
  decidedAt?: number;
}

export interface Concern {
  id: string;
  participantId: string;
  reason: string;
  version: number;
  at: number;
  /** A concern given as such, or an objection the facilitator recorded as a concern. */
  source: 'response' | 'objection';
}

export interface Round {
  version: number;
  revealed: boolean;
  responses: Record<string, Response>;
}

/** The view of a consent decision (the election's is in election.ts). */
export interface DecisionView {
  kind: 'decision';
  meetingId: string;
  code: string;
  title: string;
  createdAt: number;
  /** Seq of the last event applied. */
  seq: number;
  stage: Stage;
  /** When the proposal was first presented (left the proposal stage); editing in place ends. */
  presentedAt?: number;
  /** Every version, oldest first; the last is current. Version 1 exists from the start. */
  versions: ProposalVersion[];
  questions: Question[];
  reactions: Record<string, Reaction>;
  reactionsRevealed: boolean;
  /** The objection round on the current version (C5 resets it on amendment). */
  objectionRound: Round;
  /** The final consent round on the current version. */
  consentRound: Round;
  objections: Objection[];
  concerns: Concern[];
  outcome?: {
    outcome: Outcome;
    version: number;
    at: number;
    reviewDate?: string;
    note?: string;
    /** R3, adopted only: who is responsible, and the evaluation criteria. */
    responsible?: string;
    evaluation?: string;
  };
  /** R3: set when this decision reviews an agreement of the circle's register (its id). */
  reviewOf?: string;
  /**
   * R3: for a review, the driver and text the decision was pre-filled with (its first
   * `proposal.edited`), so an adoption can tell a kept text from an evolved one.
   */
  reviewBase?: { driver: string; text: string };
  /** The objection round of the version before, once amended (see ConsentCheckView). */
  previousObjectionRound?: Round;
  /** O3: raised hands, first raised first; absent until someone raises one. */
  queue?: QueuedHand[];
  /** O3: who the facilitator gave the floor to, and when; absent until someone is called. */
  spoke?: Called[];
  /**
   * O1: the order the reactions round goes around in (`round.ordered` in the reactions stage);
   * absent: reactions come in any order, as before. See reactionTurns.ts.
   */
  reactionOrder?: string[];
  /** O2: who passed in the reactions round, once per pass, in the order they passed. */
  reactionPasses?: string[];
}

/** O3: a raised hand in the speaking queue. */
export interface QueuedHand {
  participantId: string;
  raisedAt: number;
}

/** O3: someone called from the speaking queue. */
export interface Called {
  participantId: string;
  at: number;
  stage: 'clarifying' | 'objections';
}

/** O3: the stages in which people raise a hand to speak. */
export const QUEUE_STAGES = ['clarifying', 'objections'] as const;
export type QueueStage = (typeof QUEUE_STAGES)[number];
export const isQueueStage = (stage: string): stage is QueueStage =>
  (QUEUE_STAGES as readonly string[]).includes(stage);

/** O3: the speaking queue, in order (empty when no hand is up). */
export function handQueue(view: Pick<DecisionView, 'queue'>): QueuedHand[] {
  return view.queue ?? [];
}

/** O3: this participant's place in the queue, 1-based; 0 when their hand is down. */
export function placeInQueue(view: Pick<DecisionView, 'queue'>, participantId: string): number {
  return handQueue(view).findIndex((h) => h.participantId === participantId) + 1;
}

/** O3: a decision's view without this participant's raised hand (the same view if none was up). */
export function withHandLowered<V extends Pick<DecisionView, 'queue'>>(view: V, participantId: string): V {
  if (!view.queue?.some((h) => h.participantId === participantId)) return view;
  return { ...view, queue: view.queue.filter((h) => h.participantId !== participantId) };
}

export function emptyDecisionView(): DecisionView {
  return {
    kind: 'decision',
    meetingId: '',
    code: '',
    title: '',
    createdAt: 0,
    seq: 0,
    stage: 'proposal',
    versions: [{ version: 1, title: '', driver: '', text: '', at: 0, resolves: [] }],
    questions: [],
    reactions: {},
    reactionsRevealed: false,
    objectionRound: { version: 1, revealed: false, responses: {} },
    consentRound: { version: 1, revealed: true, responses: {} },
    objections: [],
    concerns: [],
  };
}

export function currentVersion(view: DecisionView): ProposalVersion {
  // versions is never empty: emptyDecisionView starts it with version 1.
  return view.versions[view.versions.length - 1] as ProposalVersion;
}

/** Who counts as present now (M2, C7), in order of joining: of the meeting, or of a seated item. */
export function presentParticipants(view: Pick<MeetingView, 'participants'>): Participant[] {
  return Object.values(view.participants)
    .filter((p) => p.present)
    .sort((a, b) => a.joinedAt - b.joinedAt);
}

/**
 * Present participants who have not yet consented to the current version (C7): neither in the
 * consent round nor by a "no objection" or "concern" carried over from its objection round.
 */
export function awaitingConsent(
  view: Seated<Pick<DecisionView, 'consentRound' | 'objectionRound'>>,
): Participant[] {
  return presentParticipants(view).filter((p) => consentOf(view, p.id) === undefined);
}

/**
 * C7: how this person consents to the current version: `given` in the consent round, `carried`
 * over from their answer of "no objection" or "concern" in the objection round on the same
 * version, or undefined. Computed from the rounds, so no event records it and old logs replay
 * as they were: an amendment empties both rounds (C5), and any later answer in the objection
 * round (a late objection) removes the consent-round answer and replaces the one carried.
 */
export function consentOf(
  view: Pick<DecisionView, 'consentRound' | 'objectionRound'>,
  participantId: string,
): 'given' | 'carried' | undefined {
  const given = view.consentRound.responses[participantId];
  if (given?.kind === 'consent') return 'given';
  if (given !== undefined) return undefined;
  if (view.objectionRound.version !== view.consentRound.version) return undefined;
  const answer = view.objectionRound.responses[participantId];
  return answer?.kind === 'consent' || answer?.kind === 'concern' ? 'carried' : undefined;
}

/** Objections still blocking the consent stage (C6): untested, or tested and unresolved. */
export function openObjections(view: Pick<DecisionView, 'objections'>): Objection[] {
  return view.objections.filter((o) => o.status === 'raised' || o.status === 'qualified');
}

export function isConsentStage(stage: Stage): stage is ConsentStage {
  return stage !== 'outcome';
}

/** Who is in the meeting: the meeting's, the same for every item (M2). */
export function withJoined<V extends Pick<MeetingView, 'participants'>>(
  view: V,
  e: { participantId: string; name: string; at: number },
): V {
  const before = view.participants[e.participantId];
  return {
    ...view,
    participants: {
      ...view.participants,
      [e.participantId]: {
        id: e.participantId,
        name: e.name,
        joinedAt: before?.joinedAt ?? e.at,
        present: true,
      },
    },
  };
}

export function withLeft<V extends Pick<MeetingView, 'participants'>>(
  view: V,
  e: { participantId: string },
): V {
  const before = view.participants[e.participantId];
  if (!before) return view;
  return {
    ...view,
    participants: { ...view.participants, [e.participantId]: { ...before, present: false } },
  };
}
