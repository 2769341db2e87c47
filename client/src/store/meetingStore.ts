/**
 * One vanilla store per live meeting connection (ARCHITECTURE.md, Client). Only the connection
 * writes the view, and only from what the server sent: join snapshots, resyncs and events run
 * through the shared reducer. Local submission status lives beside it, never inside the view.
 */
import type { WireError } from '@circlewise/shared/errors';
import type { AnyMeetingView } from '@circlewise/shared/meeting';
import type { Role } from '@circlewise/shared/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';

export type ConnectionStatus = 'connecting' | 'joined' | 'reconnecting' | 'failed';

export type SubmissionStatus = 'sending' | 'recorded' | 'error';

export interface Submission {
  commandId: string;
  type: string;
  status: SubmissionStatus;
  error?: WireError;
}

export interface MeetingState {
  connection: ConnectionStatus;
  /** Why the last join was refused (unknown code, bad token, protocol mismatch…). */
  joinError?: WireError;
  role?: Role;
  participantId?: string;
  /** A decision's or an election's view (`view.kind`); screens switch on the kind. */
  view?: AnyMeetingView;
  /** Participant ids with an open connection now; presence is not recorded, so not in the view. */
  online: Record<string, true>;
  submissions: Record<string, Submission>;
}

export type MeetingStore = StoreApi<MeetingState>;

export function initialMeetingState(): MeetingState {
  return { connection: 'connecting', online: {}, submissions: {} };
}

export function createMeetingStore(initial: Partial<MeetingState> = {}): MeetingStore {
  return createStore<MeetingState>()(() => ({ ...initialMeetingState(), ...initial }));
}
