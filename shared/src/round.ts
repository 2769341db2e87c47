/**
 * The view of a round (PROCESS.md M3): the opening check-in or the closing evaluation of a
 * meeting, an agenda item where each present participant says something once, in turn, seen by
 * everyone; the facilitator closes it. Nothing in it is sealed (A6 is not involved).
 */

import { type Participant, presentParticipants } from './decision';
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
  participants: Record<string, Participant>;
  /** One per person who spoke, in the order they first spoke. */
  entries: RoundEntry[];
  closedAt?: number;
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
    participants: {},
    entries: [],
  };
}

export function entryOf(view: RoundView, participantId: string): RoundEntry | undefined {
  return view.entries.find((e) => e.participantId === participantId);
}

/** Present participants who have not spoken yet, in order of joining: whose turn may still come. */
export function notYetSpoken(view: RoundView): Participant[] {
  const spoke = new Set(view.entries.map((e) => e.participantId));
  return presentParticipants(view).filter((p) => !spoke.has(p.id));
}

/** Why this participant cannot speak now, or null (the machine's guard and the phone's). */
export function canSpeak(view: RoundView, participantId: string): Refusal | null {
  if (view.stage !== 'open') return { code: 'meeting_closed', message: 'The round is closed.' };
  const who = view.participants[participantId];
  if (!who) return { code: 'not_joined', message: 'Join the meeting to speak in the round.' };
  if (!who.present) {
    return { code: 'forbidden', message: 'You have left this meeting; join again to take part.' };
  }
  return null;
}
