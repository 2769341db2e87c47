/**
 * A meeting as a whole (M1–M4): its agenda of items, each a decision, an election or a round
 * with its own view, who is in the meeting, and who facilitates. One log per meeting; every
 * event that is not about the meeting as a whole belongs to the item that is current when it is
 * recorded, because items run one at a time (M1). The reducer here sends each event where it
 * belongs, so the server's view and every client's agree (A5).
 *
 * Who is in the meeting is kept here only, once (M2): an item's view holds no participants, so
 * a join snapshot grows with items plus participants, not items times participants. A reading
 * that needs both an item and its people takes the item `seated` in the meeting.
 */

import { type ConsentItemView, emptyConsentItemView, reduceConsentItem } from './consentItem';
import type { ItemKind, MeetingKind } from './constants';
import {
  type DecisionView,
  type Participant,
  presentParticipants,
  withHandLowered,
  withJoined,
  withLeft,
} from './decision';
import type { MeetingEvent } from './events';
import type { RoundView } from './round';
import { emptyRoundView } from './round';
import { reduceRound } from './roundReducer';
import { type Timebox, type TimeboxMinutes, withLiveTimebox } from './timebox';

export type ItemView = ConsentItemView | RoundView;

/** An item's view together with who is in its meeting: what the rules and the screens read. */
export type Seated<V> = V & { participants: Record<string, Participant> };

/**
 * The item with the meeting's participants beside it, composed on read (a shallow copy; the item
 * and the participants keep their identity). The views themselves hold no copy of who is there.
 */
export function seated<V extends ItemView>(meeting: Pick<MeetingView, 'participants'>, item: V): Seated<V> {
  return { ...item, participants: meeting.participants };
}

export interface AgendaItem {
  id: string;
  kind: ItemKind;
  title: string;
  addedAt: number;
  /** When the meeting first took it up; absent: not started. */
  openedAt?: number;
  /** Set for the review of an agreement in the circle's register (R3). */
  reviewOf?: string;
}

export interface MeetingView {
  meetingId: string;
  code: string;
  title: string;
  createdAt: number;
  circleId?: string;
  /** Months until an adopted agreement's review, from the circle (absent: the default, C9). */
  reviewMonths?: number;
  /** Seq of the last event applied: the one place a client checks for gaps (A3). */
  seq: number;
  /** Who is in the meeting, for every item (M2): the only copy; item views hold none. */
  participants: Record<string, Participant>;
  /** In agenda order. The first is made with the meeting; its id is the meeting's id. */
  items: AgendaItem[];
  /** Each item's own view, by item id. */
  views: Record<string, ItemView>;
  /** The item the meeting is on; its stage is where the meeting is. */
  currentItemId: string;
  /** M4: the participant who facilitates after a hand-over; null: the facilitator key's holder. */
  facilitatorId: string | null;
  handOvers: Array<{ from: string | null; to: string | null; at: number }>;
  closedAt?: number;
  /** T1: the current stage's timebox, only while that stage is current (absolute deadline, A7). */
  timebox?: Timebox;
  /** T1: the circle's default timebox minutes per stage, as recorded when the meeting was made. */
  timeboxMinutes?: TimeboxMinutes;
  /** S12: new devices wait to be admitted while set. */
  locked?: true;
  /** S12: who asked to join a locked meeting and waits for the facilitator, by participant id. */
  waiting?: Record<string, Waiting>;
  /** S12: the ids of those refused while waiting; their tokens open nothing. */
  refused?: string[];
}

/** S12: someone waiting to be admitted: not a participant yet, not present, not counted (C7). */
export interface Waiting {
  id: string;
  name: string;
  at: number;
}

export function emptyMeetingView(): MeetingView {
  return {
    meetingId: '',
    code: '',
    title: '',
    createdAt: 0,
    seq: 0,
    participants: {},
    items: [],
    views: {},
    currentItemId: '',
    facilitatorId: null,
    handOvers: [],
  };
}

export function currentItem(view: MeetingView): ItemView | undefined {
  return view.views[view.currentItemId];
}

/** An item is finished once its outcome is recorded, or its round closed. */
export function isFinished(item: ItemView): boolean {
  return item.stage === 'outcome';
}

/** Closed, or every item finished: nobody new joins, and the meeting is not rebuilt on start. */
export function isOver(view: MeetingView): boolean {
  return view.closedAt !== undefined || Object.values(view.views).every(isFinished);
}

/** M4, S1: does this connection facilitate now? The key's holder until a hand-over, then its receiver. */
export function facilitates(
  view: Pick<MeetingView, 'facilitatorId'>,
  who: { keyHolder: boolean; participantId: string | null },
): boolean {
  return view.facilitatorId === null
    ? who.keyHolder
    : who.participantId !== null && who.participantId === view.facilitatorId;
}

/**
 * Does this hand-over change what this connection may see (A6)? Its giver and its receiver then
 * need a fresh snapshot (a join), since what was sealed from one is open to the other.
 */
export function handOverConcerns(
  e: { from: string | null; to: string | null },
  who: { keyHolder: boolean; participantId: string | null },
): boolean {
  if (who.keyHolder && (e.from === null || e.to === null)) return true;
  return who.participantId !== null && (e.from === who.participantId || e.to === who.participantId);
}

/** Items after the current one that are not finished: where "next item" goes. */
export function nextItem(view: MeetingView): AgendaItem | undefined {
  const at = view.items.findIndex((i) => i.id === view.currentItemId);
  const after = [...view.items.slice(at + 1), ...view.items.slice(0, Math.max(at, 0))];
  return after.find((i) => {
    const v = view.views[i.id];
    return v !== undefined && !isFinished(v);
  });
}

export function emptyItemView(kind: ItemKind): ItemView {
  return kind === 'round' ? emptyRoundView() : emptyConsentItemView(kind);
}

/** One item's reducer, by its kind (A5). */
export function reduceItem(view: ItemView, event: MeetingEvent): ItemView {
  return view.kind === 'round' ? reduceRound(view, event) : reduceConsentItem(view, event);
}

/**
 * The events that make a new item's starting view: a `meeting.created` with the item's title,
 * and the proposal it is pre-filled with. Who is in the meeting is not among them: that is the
 * meeting's, not the item's. The server's actor for the item is started with the same events,
 * so both agree.
 */
export function itemSeed(
  view: MeetingView,
  added: Extract<MeetingEvent, { type: 'agenda.item.added' }>,
): MeetingEvent[] {
  const base = { by: added.by, seq: added.seq, at: added.at, commandId: added.commandId };
  const kind: MeetingKind | undefined = added.kind === 'round' ? undefined : added.kind;
  const seed: MeetingEvent[] = [
    {
      ...base,
      type: 'meeting.created',
      meetingId: view.meetingId,
      code: view.code,
      title: added.title,
      ...(kind && { kind }),
      ...(added.reviewOf && { reviewOf: added.reviewOf }),
    },
  ];
  if (added.proposal && added.kind === 'decision') {
    seed.push({ ...base, type: 'proposal.edited', ...added.proposal });
  }
  return seed;
}

/** Is this event about the meeting as a whole, rather than the current item? */
export function isMeetingEvent(event: MeetingEvent): boolean {
  switch (event.type) {
    case 'agenda.item.added':
    case 'agenda.item.moved':
    case 'agenda.item.opened':
    case 'facilitation.handed':
    case 'meeting.closed':
    case 'meeting.abandoned':
    // Who is in the meeting is the meeting's, the same for every item (M2).
    case 'participant.joined':
    case 'participant.left':
    // A timebox is the meeting's: the meeting's view holds it, for the current item's stage (T1).
    case 'timebox.set':
    case 'timebox.cleared':
      return true;
    default:
      // Who is in the meeting (S12).
      return isDoorEvent(event);
  }
}

export function reduceMeeting(view: MeetingView, event: MeetingEvent): MeetingView {
  // T1: a stage change or an item change ends the timebox of the stage that was left.
  return withLiveTimebox({ ...apply(view, event), seq: event.seq });
}

export function reduceMeetingLog(events: readonly MeetingEvent[]): MeetingView {
  let view = emptyMeetingView();
  for (const event of events) view = reduceMeeting(view, event);
  return view;
}

function apply(view: MeetingView, e: MeetingEvent): MeetingView {
  if (isDoorEvent(e)) return withDoor(view, e);
  switch (e.type) {
    case 'meeting.created': {
      const kind = e.kind ?? 'decision';
      const first: AgendaItem = { id: e.meetingId, kind, title: e.title, addedAt: e.at, openedAt: e.at };
      return {
        ...view,
        meetingId: e.meetingId,
        code: e.code,
        title: e.title,
        createdAt: e.at,
        ...(e.circleId && { circleId: e.circleId }),
        ...(e.reviewMonths !== undefined && { reviewMonths: e.reviewMonths }),
        ...(e.timeboxMinutes && { timeboxMinutes: e.timeboxMinutes }),
        items: [first],
        views: { [first.id]: reduceItem(emptyItemView(kind), e) },
        currentItemId: first.id,
      };
    }
    case 'participant.joined':
      return withJoined(view, e);
    case 'participant.left':
      // Who is in the meeting is the same for every item (M2): items are not told, except that
      // leaving lowers a raised hand (O3).
      return lowerHandOnLeave(withLeft(view, e), e.participantId);
    case 'agenda.item.added': {
      const item: AgendaItem = {
        id: e.itemId,
        kind: e.kind,
        title: e.title,
        addedAt: e.at,
        ...(e.reviewOf && { reviewOf: e.reviewOf }),
      };
      let itemView = emptyItemView(e.kind);
      for (const s of itemSeed(view, e)) itemView = reduceItem(itemView, s);
      return {
        ...view,
        items: insertAt(view.items, item, e.index ?? view.items.length),
        views: { ...view.views, [item.id]: itemView },
      };
    }
    case 'agenda.item.moved': {
      const item = view.items.find((i) => i.id === e.itemId);
      if (!item) return view;
      return {
        ...view,
        items: insertAt(
          view.items.filter((i) => i !== item),
          item,
          e.index,
        ),
      };
    }
    case 'agenda.item.opened':
      if (!view.views[e.itemId]) return view;
      return {
        ...view,
        currentItemId: e.itemId,
        items: view.items.map((i) =>
          i.id === e.itemId && i.openedAt === undefined ? { ...i, openedAt: e.at } : i,
        ),
      };
    case 'facilitation.handed':
      return {
        ...view,
        facilitatorId: e.to,
        handOvers: [...view.handOvers, { from: e.from, to: e.to, at: e.at }],
      };
    case 'meeting.closed':
    // Closed by the server after too long without activity: closed all the same.
    case 'meeting.abandoned':
      return { ...view, closedAt: e.at };
    case 'timebox.set':
      return { ...view, timebox: { itemId: e.itemId, stage: e.stage, deadline: e.deadline, setAt: e.at } };
    case 'timebox.cleared': {
      const { timebox: _cleared, ...rest } = view;
      return rest;
    }
    default: {
      const current = view.views[view.currentItemId];
      if (!current) return view;
      let next = reduceItem(current, e);
      if (next.kind === 'round' && next.stage === 'outcome' && current.stage !== 'outcome') {
        // M3: a closed round keeps who was there when it closed (its minutes say who did not
        // speak); it holds no participants, so the meeting, which knows, notes their ids.
        next = { ...next, presentAtClose: presentParticipants(view).map((p) => p.id) };
      }
      return { ...view, views: { ...view.views, [view.currentItemId]: next } };
    }
  }
}

function insertAt<T>(list: readonly T[], item: T, index: number): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** Narrowing helpers for screens that handle one kind of item. */
export const isDecision = (v: ItemView | undefined): v is DecisionView => v?.kind === 'decision';
export const isRound = (v: ItemView | undefined): v is RoundView => v?.kind === 'round';

/** S12: the events of the meeting's door: the lock, who waits, who was admitted, refused, removed. */
export const DOOR_EVENTS = [
  'meeting.locked',
  'meeting.unlocked',
  'participant.waiting',
  'participant.admitted',
  'participant.refused',
  'participant.removed',
] as const satisfies readonly MeetingEvent['type'][];

export const isDoorEvent = (
  e: MeetingEvent,
): e is Extract<MeetingEvent, { type: (typeof DOOR_EVENTS)[number] }> =>
  (DOOR_EVENTS as readonly string[]).includes(e.type);

/** S12: the door of the meeting: the lock, who waits, who was refused or removed. */
function withDoor(view: MeetingView, e: MeetingEvent): MeetingView {
  switch (e.type) {
    case 'meeting.locked':
      return { ...view, locked: true };
    case 'meeting.unlocked': {
      const { locked: _, ...open } = view;
      return open;
    }
    case 'participant.waiting':
      return {
        ...view,
        waiting: { ...view.waiting, [e.participantId]: { id: e.participantId, name: e.name, at: e.at } },
      };
    case 'participant.admitted':
      return { ...view, waiting: without(view.waiting, e.participantId) };
    case 'participant.refused':
      return {
        ...view,
        waiting: without(view.waiting, e.participantId),
        refused: [...(view.refused ?? []), e.participantId],
      };
    case 'participant.removed': {
      const before = view.participants[e.participantId];
      if (!before) return view;
      return {
        ...view,
        participants: {
          ...view.participants,
          [e.participantId]: { ...before, present: false, removed: true },
        },
      };
    }
    default:
      return view;
  }
}

function without<T>(record: Record<string, T> | undefined, key: string): Record<string, T> {
  const { [key]: _, ...rest } = record ?? {};
  return rest;
}

/** S12: those waiting to be admitted, first come first. */
export function waitingList(view: Pick<MeetingView, 'waiting'>): Waiting[] {
  return Object.values(view.waiting ?? {}).sort((a, b) => a.at - b.at);
}

/** O3: whoever leaves the meeting leaves every speaking queue they were in. */
function lowerHandOnLeave(view: MeetingView, participantId: string): MeetingView {
  let views = view.views;
  for (const [id, item] of Object.entries(view.views)) {
    if (item.kind !== 'decision') continue;
    const lowered = withHandLowered(item, participantId);
    if (lowered !== item) views = { ...views, [id]: lowered };
  }
  return views === view.views ? view : { ...view, views };
}
