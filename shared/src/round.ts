/**
 * The view of a round (PROCESS.md M3): the opening check-in or the closing evaluation of a
 * meeting, an agenda item where each present participant says something once, in turn, seen by
 * everyone; the facilitator closes it. Nothing in it is sealed (A6 is not involved).
 */

import { type Participant, presentParticipants } from './decision';
import type { Seated } from './meeting';
import type { Refusal } from './rules';

export type RoundStage = 'open' | 'outcome';

export interface RoundEntry {
  participantId: string;
  text: string;
  /** When this text was said: a later turn of the same person replaces text and time. */
  at: number;
}

export interface RoundView {
  kind: 'round';
  meetingId: string;
  code: string;
  title: string;
  createdAt: number;
  /** Seq of the last event applied. */
  seq: number;
  /** `outcome` once the facilitator has closed the round. */
  stage: RoundStage;
  /** One per person who spoke, in the order they first spoke. */
  entries: RoundEntry[];
  closedAt?: number;
  /**
   * Once closed: the ids of who was present when it closed, noted by the meeting's reducer (the
   * round keeps no participants of its own), so that who did not speak stays as it was then.
   */
  presentAtClose?: string[];
}

export function emptyRoundView(): RoundView {
  return {
    kind: 'round',
    meetingId: '',
    code: '',
    title: '',
    createdAt: 0,
    seq: 0,
    stage: 'open',
    entries: [],
  };
}

export function entryOf(view: RoundView, participantId: string): RoundEntry | undefined {
  return view.entries.find((e) => e.participantId === participantId);
}

/**
 * Who is present for the round, in order of joining: in the meeting now while it is open; once
 * closed, who was present when it closed (named as they are in the meeting).
 */
export function roundPresent(view: Seated<RoundView>): Participant[] {
  if (view.stage !== 'outcome' || view.presentAtClose === undefined) return presentParticipants(view);
  const there = new Set(view.presentAtClose);
  return Object.values(view.participants)
    .filter((p) => there.has(p.id))
    .sort((a, b) => a.joinedAt - b.joinedAt);
}

/**
 * Present participants who have not spoken yet, in order of joining: whose turn may still come,
 * or, once the round is closed, who did not speak.
 */
export function notYetSpoken(view: Seated<RoundView>): Participant[] {
  const spoke = new Set(view.entries.map((e) => e.participantId));
  return roundPresent(view).filter((p) => !spoke.has(p.id));
}

/** Why this participant cannot speak now, or null (the machine's guard and the phone's). */
export function canSpeak(view: Seated<RoundView>, participantId: string): Refusal | null {
  if (view.stage !== 'open') return { code: 'meeting_closed', message: 'The round is closed.' };
  const who = view.participants[participantId];
  if (!who) return { code: 'not_joined', message: 'Join the meeting to speak in the round.' };
  if (!who.present) {
    return { code: 'forbidden', message: 'You have left this meeting; join again to take part.' };
  }
  return null;
}
