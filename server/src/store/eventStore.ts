/**
 * The event store: an append-only log per meeting plus the small tables beside it. An interface,
 * so a second engine (PostgreSQL, for several server nodes) can be added and run through the
 * same contract suite (store/eventStore.contract.ts).
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Role } from '@circlewise/shared/protocol';

export interface MeetingRecord {
  id: string;
  code: string;
  createdAt: number;
  /** Set once the meeting's outcome is recorded; closed meetings are not rebuilt on start. */
  closedAt: number | null;
}

export interface TokenRecord {
  meetingId: string;
  role: Role;
  participantId: string | null;
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
}

export interface EventStore {
  /** Creates the meeting with its first event and the facilitator's token, in one transaction. */
  createMeeting(meeting: MeetingRecord, first: MeetingEvent, facilitator: NewToken): void;
  meetingByCode(code: string): MeetingRecord | undefined;
  meetingById(id: string): MeetingRecord | undefined;
  /** Meetings to rebuild on start (A8). */
  openMeetings(): MeetingRecord[];
  /**
   * Appends a command's events durably, in one transaction, before anyone is told (A1). Fails
   * with SeqConflictError if another writer took one of the seqs, and with DuplicateCommandError
   * if the command id is already recorded (A2). A token may be written in the same transaction.
   */
  append(meetingId: string, commandId: string, events: readonly MeetingEvent[], token?: NewToken): void;
  /** The last seq a command recorded, if it was recorded (A2). */
  commandSeq(meetingId: string, commandId: string): number | undefined;
  /** Events after `afterSeq`, in order (A3). */
  events(meetingId: string, afterSeq?: number): MeetingEvent[];
  tokenByHash(hash: string): TokenRecord | undefined;
  /** E5: the roles elected in a meeting (the register, kept with each election.recorded append). */
  roles(meetingId: string): RoleRecord[];
  closeMeeting(meetingId: string, at: number): void;
  /**
   * Runs `send` once every append made so far is durable: at once for a store that commits each
   * append, after the shared commit for one that groups them (A1). Optional for other engines.
   */
  whenDurable?(send: () => void): void;
  close(): void;
}

export class SeqConflictError extends Error {
  override name = 'SeqConflictError';
}

export class DuplicateCommandError extends Error {
  override name = 'DuplicateCommandError';
}
