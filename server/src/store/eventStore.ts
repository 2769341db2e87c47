/**
 * The event store: an append-only log per meeting plus the small tables beside it. An interface,
 * so a second engine (PostgreSQL, for several server nodes) can be added and run through the
 * same contract suite (server/test/store/eventStore.contract.ts).
 */
import type { AgreementReview, Circle, CircleChanges, SearchHit } from '@circlewise/shared/circles';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Role } from '@circlewise/shared/protocol';

export interface MeetingRecord {
  id: string;
  code: string;
  createdAt: number;
  /** Set once the meeting's outcome is recorded; closed meetings are not rebuilt on start. */
  closedAt: number | null;
  /** The circle that holds the meeting (S3); null or absent for one held outside any circle. */
  circleId?: string | null;
}

/** A meeting of a circle, with the title it was created with (its first event's). */
export interface CircleMeetingRecord extends MeetingRecord {
  title: string;
}

/** R3: an agreement as the register keeps it (projected from `outcome.recorded` with `agreed`). */
export interface AgreementRecord {
  id: string;
  circleId: string;
  meetingId: string;
  /** The code of the meeting that adopted it. */
  meetingCode: string;
  title: string;
  driver: string;
  text: string;
  concerns: string[];
  adoptedAt: number;
  reviewDate: string | null;
  status: 'active' | 'dropped';
  /** R3: absent when no adoption or review gave them. */
  responsible?: string;
  evaluation?: string;
  /** Oldest first. */
  reviews: AgreementReview[];
}

/** E5: a role held in a circle, with the code of the meeting that elected it. */
export interface CircleRoleRecord extends RoleRecord {
  meetingCode: string;
}

export interface TokenRecord {
  meetingId: string;
  role: Role;
  participantId: string | null;
  /** S2: the joinId of the join that minted it still finds it (the device has not come back yet). */
  joinIdOpen?: boolean;
}

/** E5: a role held, with its term, as elected in a meeting. */
export interface RoleRecord {
  meetingId: string;
  role: string;
  participantId: string;
  person: string;
  termStart: string;
  termEnd: string;
  electedAt: number;
}

export interface NewToken {
  hash: string;
  role: Role;
  participantId: string | null;
  /** S2: the hash of the joinId of the first join that minted this token, so a retry finds it. */
  joinIdHash?: string;
}

/**
 * A8: the meeting's open or closed status, a projection of its log kept beside it: closed
 * (`closedAt`, the first close is kept) once it is over, so it is not rebuilt on start; open again
 * (`null`) when a finished meeting takes a new item (M1).
 */
export interface MeetingStatus {
  closedAt: number | null;
}

/** What an append writes in the same transaction as its events. */
export interface AppendWith {
  /** A new device's token (S2): the participant exists exactly when its token does. */
  token?: NewToken;
  /** The meeting's status after these events; absent: unchanged. */
  status?: MeetingStatus;
  /**
   * A2: who sent the command (a participant's id, `facilitator`, `system`): its id is kept once
   * per sender. Absent: the author (`by`) of its events.
   */
  sender?: string;
}

export interface EventStore {
  /**
   * Creates the meeting with its first event and the facilitator's token, in one transaction;
   * `then` are events recorded with it under the first event's command (a pre-filled proposal).
   */
  createMeeting(
    meeting: MeetingRecord,
    first: MeetingEvent,
    facilitator: NewToken,
    then?: readonly MeetingEvent[],
  ): void;
  meetingByCode(code: string): MeetingRecord | undefined;
  meetingById(id: string): MeetingRecord | undefined;
  /** Meetings to rebuild on start (A8). */
  openMeetings(): MeetingRecord[];
  /**
   * Appends a command's events durably, in one transaction, before anyone is told (A1). Fails
   * with SeqConflictError if another writer took one of the seqs, and with DuplicateCommandError
   * if the sender's command id is already recorded (A2). A token and the meeting's status (A8) may be
   * written in the same transaction (`alongside`). So are the projections of a circle's meeting (R3,
   * E5, search): agreements, reviews, roles and the search index move with the log.
   */
  append(meetingId: string, commandId: string, events: readonly MeetingEvent[], alongside?: AppendWith): void;
  /** The last seq a command of this sender recorded, if it was recorded (A2: once per sender). */
  commandSeq(meetingId: string, commandId: string, sender: string): number | undefined;
  /**
   * Events after `afterSeq`, in order (A3). A row that cannot be read back (its body is not
   * JSON) throws DamagedRowError, which carries the events read before it (A11).
   */
  events(meetingId: string, afterSeq?: number): MeetingEvent[];
  tokenByHash(hash: string): TokenRecord | undefined;
  /**
   * The time of the meeting's last event (its row's `at`, readable even when its body is
   * damaged), or undefined for no such meeting: how long it has been idle (A7), without loading it.
   */
  lastEventAt(meetingId: string): number | undefined;
  /**
   * S2: a retried first join. Replaces the token minted for this joinId in this meeting with
   * `newHash` (the lost one opens nothing from then on) and returns its record; undefined if this
   * meeting minted nothing for the joinId, or the device has since come back with its token.
   */
  reissueToken(meetingId: string, joinIdHash: string, newHash: string): TokenRecord | undefined;
  /** S2: the device came back with its token, so the joinId of its first join is retired. */
  confirmToken(hash: string): void;
  /** The meeting whose current screen link has this hash; a rotated link's hash finds nothing. */
  screenLinkByHash(hash: string): string | undefined;
  /** Sets the meeting's screen link (its hash): from this call on, an earlier link opens nothing. */
  setScreenLink(meetingId: string, hash: string): void;
  /** E5: the roles elected in a meeting (the register, kept with each election.recorded append). */
  roles(meetingId: string): RoleRecord[];

  // Circles (S3, R3). The member key is never stored, only its hash (S4).
  /** `keeperKeyHash`: the keeper key's hash (needed to rotate); absent only in old tests' circles. */
  createCircle(circle: Circle, memberKeyHash: string, keeperKeyHash?: string): void;
  /** The circle whose current member key has this hash; a rotated key's hash finds nothing. */
  circleByKeyHash(hash: string): Circle | undefined;
  circleById(id: string): Circle | undefined;
  /** Replaces the member key's hash: from this call on the old key opens nothing. */
  rotateCircleKey(circleId: string, newHash: string, keeperKeyHash?: string): void;
  /** The hash of the circle's keeper key; null for a circle made before keeper keys (keeper.ts). */
  circleKeeperHash(circleId: string): string | null;
  /**
   * Changes the given details of the circle and leaves the others as they are; returns the circle
   * as it now stands, or undefined if there is no such circle. Meetings already made keep the
   * review period they were created with (it is in their `meeting.created` event).
   */
  updateCircle(circleId: string, changes: CircleChanges): Circle | undefined;
  /** The circle's meetings, newest first. */
  circleMeetings(circleId: string): CircleMeetingRecord[];
  /** R3: the circle's agreement register, unordered (the reader orders it by review date). */
  agreements(circleId: string): AgreementRecord[];
  /** One agreement, only if it belongs to this circle (S3). */
  agreement(circleId: string, agreementId: string): AgreementRecord | undefined;
  /** E5: the roles elected in the circle's meetings, newest first. */
  circleRoles(circleId: string): CircleRoleRecord[];
  /**
   * Full-text search over the circle's minutes and agreements, best first. `words` is what a
   * person typed: plain words, never query syntax (an engine escapes it its own way).
   */
  search(circleId: string, words: string, limit: number): SearchHit[];
  /**
   * Runs `send` once every append made so far is durable: at once for a store that commits each
   * append, after the shared commit for one that groups them (A1). Optional for other engines.
   * If that shared commit fails (A9), nothing of it is in the log: `failed` runs instead of `send`
   * (a waiter without `failed` still gets `send`, once the log is back to what it was).
   */
  whenDurable?(send: () => void, failed?: (fault: StorageFault) => void): void;
  close(): void;
}

export class SeqConflictError extends Error {
  override name = 'SeqConflictError';
}

export class DuplicateCommandError extends Error {
  override name = 'DuplicateCommandError';
}

/**
 * A9: the storage refused a write (a full disk, an I/O error). Nothing of the write is in the
 * log; reads go on, and a later write may succeed once the fault is gone.
 */
export class StorageFault extends Error {
  override name = 'StorageFault';
  constructor(
    /** `full`: no space left (SQLITE_FULL); `failed`: any other write failure. */
    readonly kind: 'full' | 'failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A row of a meeting's log that cannot be read back (A11): the meeting is quarantined at `seq`,
 * and `readable` holds the events before it, in order.
 */
export class DamagedRowError extends Error {
  override name = 'DamagedRowError';
  constructor(
    readonly meetingId: string,
    readonly seq: number,
    readonly reason: string,
    readonly readable: MeetingEvent[],
  ) {
    super(`meeting ${meetingId}: the row at seq ${seq} cannot be read (${reason})`);
  }
}
