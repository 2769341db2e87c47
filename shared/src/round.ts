/**
 * The view of a round (PROCESS.md M3): the opening check-in or the closing evaluation of a
 * meeting, an agenda item where each present participant says something once, in turn, seen by
 * everyone; the facilitator closes it. Nothing in it is sealed (A6 is not involved).
 */

import { type Participant, presentParticipants } from './decision';
import { wireError } from './errors';
import type { Seated } from './meeting';
import type { Refusal } from './rules';

/** A round's stages: open while people speak, `outcome` once the facilitator closed it. */
export const ROUND_STAGES = ['open', 'outcome'] as const;
export type RoundStage = (typeof ROUND_STAGES)[number];

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
  /**
   * O1: the order the round goes around in, as the facilitator set it or the server drew it;
   * absent: no order, anyone speaks when they like.
   */
  order?: string[];
  /** O2: who passed, once per pass, in the order they passed (someone may pass twice). */
  passes?: string[];
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
  if (view.stage !== 'open') return wireError('meeting_closed', 'round_closed');
  const who = view.participants[participantId];
  if (!who) return wireError('not_joined', 'join_to_speak');
  if (!who.present) {
    return wireError('forbidden', 'left_meeting');
  }
  return null;
}

/** How many times this participant passed in the round (O2). */
export function passesOf(view: Pick<RoundView, 'passes'>, participantId: string): number {
  return (view.passes ?? []).filter((id) => id === participantId).length;
}

/**
 * O1: present participants in the round's order; who joined after it was set follow at the end,
 * in order of joining. Undefined when the round has no order.
 */
export function turnOrder(view: Seated<RoundView>): Participant[] | undefined {
  if (!view.order) return undefined;
  const present = roundPresent(view);
  const byId = new Map(present.map((p) => [p.id, p]));
  const listed = view.order.map((id) => byId.get(id)).filter((p): p is Participant => p !== undefined);
  const listedIds = new Set(view.order);
  return [...listed, ...present.filter((p) => !listedIds.has(p.id))];
}

/**
 * O1, O2: the turns still to come, in order: first everyone who has neither spoken nor passed,
 * then, once, those who passed. Empty once everyone has had their turn (the facilitator closes).
 */
export function turnsToCome(view: Seated<RoundView>): Participant[] {
  const order = turnOrder(view);
  if (!order || view.stage !== 'open') return [];
  const spoke = new Set(view.entries.map((e) => e.participantId));
  const firstTime = order.filter((p) => !spoke.has(p.id) && passesOf(view, p.id) === 0);
  const comingBack = order.filter((p) => !spoke.has(p.id) && passesOf(view, p.id) === 1);
  return [...firstTime, ...comingBack];
}

export interface Turns {
  /** Whose turn it is now, if anyone's. */
  now?: Participant;
  /** Whose turn comes after. */
  next?: Participant;
  /** True when the round has come back to someone who passed (O2). */
  comingBack: boolean;
}

/** Who speaks now and who is next, in a round in turn (O1); undefined in a round without order. */
export function turns(view: Seated<RoundView>): Turns | undefined {
  if (!view.order) return undefined;
  const [now, next] = turnsToCome(view);
  return {
    ...(now && { now }),
    ...(next && { next }),
    comingBack: now !== undefined && passesOf(view, now.id) > 0,
  };
}

/**
 * O1: why this participant may not take the turn now in a round in turn (speak or pass), or null
 * when it is theirs (or the round has no order). The phone asks it; the machine's guard says it.
 */
export function turnRefusal(view: Seated<RoundView>, participantId: string): Refusal | null {
  if (!view.order) return null;
  const toCome = turnsToCome(view);
  const now = toCome[0];
  if (now?.id === participantId) return null;
  const mine = toCome.findIndex((p) => p.id === participantId);
  if (mine === 1) {
    return wireError('not_allowed', 'turn_of_other_yours_next', { name: now?.name ?? 'someone else' });
  }
  if (mine > 1) {
    const before = toCome[mine - 1]?.name ?? 'someone';
    return wireError('not_allowed', 'turn_of_other_yours_after', {
      name: now?.name ?? 'someone else',
      before,
    });
  }
  if (view.entries.some((e) => e.participantId === participantId)) {
    return wireError('not_allowed', 'had_turn');
  }
  if (passesOf(view, participantId) > 0) {
    return wireError('not_allowed', 'passed_turn_over');
  }
  return wireError('not_allowed', 'not_your_turn');
}
