/**
 * The recorded events of a meeting: what happened, in order. The log of these is the truth
 * (R1); the view is the shared reducer over them (A5).
 */
import type {
  AnyStage,
  ElectionOutcome,
  Gesture,
  HiddenRound,
  ItemKind,
  MeetingKind,
  Outcome,
  ResponseKind,
  ReviewResult,
  Verdict,
} from './constants';

/** Who caused an event: a participant id, the facilitator, or the server itself. */
export type By = string;
export const FACILITATOR: By = 'facilitator';
export const SYSTEM: By = 'system';

export interface RevealedReaction {
  participantId: string;
  text: string;
  gesture?: Gesture;
}

export interface RevealedNomination {
  participantId: string;
  nomineeId: string | null;
  reason: string;
}

export interface RevealedResponse {
  responseId: string;
  participantId: string;
  kind: ResponseKind;
  reason?: string;
}

/** A decision's text as adopted, carried by its outcome so the register reads on its own (R3). */
export interface Agreed {
  title: string;
  driver: string;
  text: string;
  /** The concerns on record for the adopted version, as "Name: reason". */
  concerns: string[];
  /** Who is responsible for carrying it out, as the facilitator recorded it (R3). */
  responsible?: string;
  /** How the circle will know it works: the evaluation criteria its review looks at (R3). */
  evaluation?: string;
  /** Set when the decision was the review of an agreement already in the register. */
  reviewOf?: string;
  /** For a review: keep, evolve (the text changed) or drop (R3). */
  review?: ReviewResult;
}

export type EventBody =
  /**
   * The meeting's first event, which also opens its first agenda item (id = meetingId) of `kind`.
   * `kind` is absent in logs from before elections: those are decisions. The same event, made up
   * from an `agenda.item.added`, seeds every later item's view (agenda.ts, itemSeed).
   */
  | {
      type: 'meeting.created';
      meetingId: string;
      code: string;
      title: string;
      kind?: MeetingKind;
      /** The circle that holds the meeting (S3); absent for a meeting held outside any circle. */
      circleId?: string;
      /** C9, R3: the circle's review period when the meeting was made, for adopted agreements. */
      reviewMonths?: number;
      /** In an item's seed: the agreement this decision reviews (R3). */
      reviewOf?: string;
      /** T1, A7: the circle's default timebox minutes per stage when the meeting was made. */
      timeboxMinutes?: Partial<Record<string, number>>;
    }
  // The agenda (M1, M3, M4): meeting-level events. Every other event belongs to the item that
  // is current when it is recorded: items run one at a time (M1).
  | {
      type: 'agenda.item.added';
      itemId: string;
      kind: ItemKind;
      title: string;
      /** Where in the agenda, 0-based; the end when absent. */
      index?: number;
      /** A decision pre-filled with this proposal (a review starts from the agreement's text). */
      proposal?: { title: string; driver: string; text: string };
      reviewOf?: string;
    }
  | { type: 'agenda.item.moved'; itemId: string; index: number }
  /** The facilitator takes the meeting to this item; the one before pauses where it is. */
  | { type: 'agenda.item.opened'; itemId: string; from: string | null }
  /** M4: facilitation passes to a participant, or back to the holder of the facilitator key (null). */
  | { type: 'facilitation.handed'; from: string | null; to: string | null }
  | { type: 'meeting.closed' }
  // Rounds (M3): the opening check-in and the closing evaluation.
  | { type: 'round.spoken'; participantId: string; text: string }
  | { type: 'round.closed' }
  | { type: 'participant.joined'; participantId: string; name: string }
  | { type: 'participant.left'; participantId: string; reason: 'left' | 'marked_absent' }
  | { type: 'proposal.edited'; title: string; driver: string; text: string }
  | { type: 'proposal.amended'; version: number; driver: string; text: string; resolves: string[] }
  | {
      type: 'stage.changed';
      from: AnyStage;
      to: AnyStage;
      reason: 'advance' | 'back' | 'late_objection' | 'amendment' | 'reveal' | 'declined';
    }
  | { type: 'question.asked'; questionId: string; participantId: string; text: string; version: number }
  | { type: 'question.answered'; questionId: string; text: string }
  | {
      type: 'reaction.given';
      participantId: string;
      version: number;
      /** Given while reactions were hidden (C10): others get it without text and gesture. */
      sealed: boolean;
      text?: string;
      gesture?: Gesture;
    }
  | {
      type: 'response.given';
      responseId: string;
      participantId: string;
      stage: 'objections' | 'consent';
      version: number;
      /** Given while the round was hidden (C10): others get it without kind and reason. */
      sealed: boolean;
      kind?: ResponseKind;
      reason?: string;
    }
  | {
      type: 'responses.revealed';
      stage: HiddenRound;
      reactions: RevealedReaction[];
      responses: RevealedResponse[];
    }
  | { type: 'objection.tested'; objectionId: string; verdict: Verdict }
  | { type: 'objection.withdrawn'; objectionId: string }
  | {
      type: 'outcome.recorded';
      outcome: Outcome;
      version: number;
      reviewDate?: string;
      note?: string;
      /** R3, only with `adopted`: who is responsible, and the evaluation criteria. */
      responsible?: string;
      evaluation?: string;
      /** Set when the outcome is `adopted`: what was agreed (R3). */
      agreed?: Agreed;
    }
  // Role elections (E1–E5).
  | { type: 'role.set'; role: string; description: string; termStart: string; termEnd: string }
  /** Sealed until the reveal from everyone but its author, the facilitator too (E1, A6). */
  | {
      type: 'nomination.given';
      participantId: string;
      sealed: boolean;
      /** The nominee, or null for "no one yet"; absent in a sealed copy. */
      nomineeId?: string | null;
      reason?: string;
    }
  | { type: 'nominations.revealed'; nominations: RevealedNomination[] }
  /** E3: a change in the change round (`from` equal to `to` keeps the nomination). */
  | {
      type: 'nomination.changed';
      participantId: string;
      from: string | null;
      to: string | null;
      reason: string;
    }
  /** A version of the election's proposal: who, for which term, and why (C5 applies to it). */
  | {
      type: 'candidate.proposed';
      version: number;
      candidateId: string;
      termStart: string;
      termEnd: string;
      reasons: string;
      resolves: string[];
    }
  /** E4: the candidate declines the role. */
  | { type: 'candidate.declined'; version: number; reason?: string }
  | {
      type: 'election.recorded';
      outcome: ElectionOutcome;
      version: number;
      electedId?: string;
      /** The elected person's name, so the record reads on its own. */
      electedName?: string;
      role?: string;
      termStart?: string;
      termEnd?: string;
      note?: string;
    }
  // Who is in the meeting (S12): the facilitator locks the door, admits or refuses who waits,
  // and removes a participant, whose token then opens nothing.
  | { type: 'meeting.locked' }
  | { type: 'meeting.unlocked' }
  /** A new device asked to join a locked meeting: it waits, not present, not counted (C7). */
  | { type: 'participant.waiting'; participantId: string; name: string }
  /** Followed in the same command by the `participant.joined` that makes them present. */
  | { type: 'participant.admitted'; participantId: string }
  | { type: 'participant.refused'; participantId: string }
  | { type: 'participant.removed'; participantId: string }
  // Timeboxes (T1, A7): a meeting event; the deadline is absolute, server clock. An extension
  // records the new deadline with reason 'extend'.
  | { type: 'timebox.set'; itemId: string; stage: string; deadline: number; reason: 'set' | 'extend' }
  | { type: 'timebox.cleared'; itemId: string; stage: string }
  // Turns in a round (O1, O2).
  /**
   * O1: the round's order, set by the facilitator (seating order) or drawn by the server
   * (`shuffled`); the event holds the order itself, so a replay does not draw again.
   */
  | { type: 'round.ordered'; order: string[]; shuffled: boolean }
  /** O2: a participant passes on their turn; the round comes back to them once. */
  | { type: 'round.passed'; participantId: string }
  // The speaking queue (O3), in a decision's clarifying and objections stages.
  | { type: 'hand.raised'; participantId: string; stage: 'clarifying' | 'objections' }
  | { type: 'hand.lowered'; participantId: string }
  /** The facilitator gives the floor to someone in the queue; they leave it. */
  | { type: 'hand.called'; participantId: string; stage: 'clarifying' | 'objections' }
  /**
   * The server closed a meeting that had no activity for its abandonment time: `lastActivityAt`
   * is the time of the log's last event before this one, `idleDays` the whole days since (A7).
   */
  | { type: 'meeting.abandoned'; lastActivityAt: number; idleDays: number };

export type EventType = EventBody['type'];

/** An event as the decide step proposes it, before the log gives it a place. */
export type NewEvent = EventBody & { by: By };

/** An event as recorded: its place in the meeting's log (A3), time and the command behind it. */
export type MeetingEvent = NewEvent & {
  seq: number;
  /** Milliseconds since the epoch, server clock. */
  at: number;
  commandId: string;
};

export type EventOf<T extends EventType> = Extract<MeetingEvent, { type: T }>;
