/**
 * One vanilla store per live meeting connection (ARCHITECTURE.md, Client). Only the connection
 * writes the view, and only from what the server sent: join snapshots, resyncs and events run
 * through the shared reducer. Local submission status lives beside it, never inside the view.
 */

import type { WireError } from '@circlewise/shared/errors';
import {
  currentItem,
  facilitates,
  type ItemView,
  type MeetingView,
  type Seated,
  seated,
} from '@circlewise/shared/meeting';
import type { Role } from '@circlewise/shared/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';

export type ConnectionStatus =
  | 'connecting'
  | 'joined'
  | 'reconnecting'
  | 'failed'
  /** S12: the meeting is locked; this device waits until the facilitator admits or refuses it. */
  | 'waiting';

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
  /** What this screen's secret is: the facilitator key or a participant's token. */
  role?: Role;
  participantId?: string;
  /** The whole meeting: agenda, each item's view, who facilitates. */
  meeting?: MeetingView;
  /**
   * The current item's view (a decision's, an election's or a round's), seated with who is in the
   * meeting, as the rules and screens read it; screens switch on `view.kind`. Composed once per
   * change of the item or of the meeting's participants (`withMeeting`), so a selector of it
   * returns the same object until one of them changes.
   */
  view?: Seated<ItemView>;
  /** Does this screen facilitate now (M4)? The key's holder until a hand-over, then the receiver. */
  facilitating: boolean;
  /** Participant ids with an open connection now; presence is not recorded, so not in the view. */
  online: Record<string, true>;
  submissions: Record<string, Submission>;
  /**
   * T2: the server's clock minus this device's, in ms, learnt from the last join or resync
   * (`serverNow`); 0 until known. A countdown reads the server's deadline with it.
   */
  clockOffset?: number;
  /** S8: addresses phones can reach, from the join ack of a facilitator or a screen (the QR code). */
  joinOrigins?: string[];
  /** A12: the server said it is restarting; true until this screen has joined again. */
  restarting?: boolean;
}

export type MeetingStore = StoreApi<MeetingState>;

export function initialMeetingState(): MeetingState {
  return { connection: 'connecting', online: {}, submissions: {}, facilitating: false };
}

/**
 * The state that follows from a new meeting view: every write of `meeting` goes through here.
 * Given the state before, it keeps the seated `view` it had while neither the current item nor
 * the meeting's participants changed (the reducer keeps the identity of both), so screens that
 * select `view` do not re-render for another item's event or a hand-over.
 */
export function withMeeting(
  state: Pick<MeetingState, 'role' | 'participantId'> & Partial<Pick<MeetingState, 'meeting' | 'view'>>,
  meeting: MeetingView,
): Pick<MeetingState, 'meeting' | 'view' | 'facilitating'> {
  return {
    meeting,
    view: seatedCurrent(state, meeting),
    facilitating: facilitates(meeting, {
      keyHolder: state.role === 'facilitator',
      participantId: state.participantId ?? null,
    }),
  };
}

function seatedCurrent(
  before: Partial<Pick<MeetingState, 'meeting' | 'view'>>,
  meeting: MeetingView,
): Seated<ItemView> | undefined {
  const item = currentItem(meeting);
  if (!item) return undefined;
  const was = before.meeting;
  if (before.view && was && was.participants === meeting.participants && currentItem(was) === item) {
    return before.view;
  }
  return seated(meeting, item);
}

/** A store, e.g. for a test: a given `meeting` sets `view` and `facilitating` as the connection would. */
export function createMeetingStore(initial: Partial<MeetingState> = {}): MeetingStore {
  const state = { ...initialMeetingState(), ...initial };
  return createStore<MeetingState>()(() =>
    state.meeting ? { ...state, ...withMeeting(state, state.meeting) } : state,
  );
}
