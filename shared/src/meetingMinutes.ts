/**
 * R1, R2 for a meeting with an agenda: the log split into each item's own log (an item's events
 * plus the seed it started from), each item's minutes as `buildMinutes` makes them, and the
 * meeting's own record around them: the agenda, hand-overs of facilitation (M4), closing.
 */

import { ITEM_KIND_LABELS, OUTCOME_LABELS } from './constants';
import type { Participant } from './decision';
import type { MeetingEvent } from './events';
import {
  type AgendaItem,
  emptyMeetingView,
  type ItemView,
  isFinished,
  itemSeed,
  type MeetingView,
  reduceMeeting,
  seated,
} from './meeting';
import { buildMinutes, type Minutes, type MinutesOptions } from './minutes';
import { type RoundMinutes, roundMinutes } from './roundMinutes';
import { quotedName, withTypedText } from './typedText';

export interface ItemLog {
  item: AgendaItem;
  /** The item's view at the end of the log: what its events reduce to. */
  view: ItemView;
  /**
   * Who was in the meeting when the item was added (none for the first item): its minutes name
   * them from the start; `events` then carries who came and went.
   */
  participants: Record<string, Participant>;
  /** The item's seed, then its events and who came and went in the meeting meanwhile. */
  events: MeetingEvent[];
  /** Seqs recorded while this item was current: the lines its own minutes show. */
  own: Set<number>;
}

/** Sends each event of the log to its item, as the reducer does (agenda.ts). */
export function itemLogs(events: readonly MeetingEvent[]): {
  meeting: MeetingView;
  items: ItemLog[];
  /** The meeting's own events: agenda changes, hand-overs, closing. */
  meetingLog: MeetingEvent[];
} {
  let meeting = emptyMeetingView();
  // The view is added at the end, once the log is read.
  const logs = new Map<string, Omit<ItemLog, 'view'>>();
  const meetingLog: MeetingEvent[] = [];
  // S11: typed text as every export holds it (CR and CRLF as LF).
  for (const e of withTypedText(events)) {
    const before = meeting;
    meeting = reduceMeeting(meeting, e);
    const current = logs.get(before.currentItemId);
    switch (e.type) {
      case 'meeting.created': {
        const item = meeting.items[0];
        if (item) logs.set(item.id, { item, participants: {}, events: [e], own: new Set([e.seq]) });
        break;
      }
      case 'agenda.item.added': {
        const item = meeting.items.find((i) => i.id === e.itemId);
        if (item) {
          const participants = before.participants;
          logs.set(item.id, { item, participants, events: itemSeed(before, e), own: new Set() });
        }
        meetingLog.push(e);
        break;
      }
      case 'participant.joined':
      case 'participant.left':
      case 'participant.removed':
        // The meeting's, not the item's (M2); each item's minutes still name who came and went.
        for (const log of logs.values()) log.events.push(e);
        current?.own.add(e.seq);
        break;
      case 'agenda.item.moved':
      case 'agenda.item.opened':
      case 'facilitation.handed':
      case 'meeting.closed':
      case 'meeting.abandoned':
        meetingLog.push(e);
        break;
      // A timebox is how the room used its time, not part of the record (T1).
      case 'timebox.set':
      case 'timebox.cleared':
        break;
      default:
        current?.events.push(e);
        current?.own.add(e.seq);
    }
  }
  // In agenda order, each with the item as it now stands (moves, openings).
  const items = meeting.items.flatMap((item): ItemLog[] => {
    const log = logs.get(item.id);
    const view = meeting.views[item.id];
    return log && view ? [{ ...log, item, view }] : [];
  });
  return { meeting, items, meetingLog };
}

export type ItemMinutes =
  | { id: string; kind: 'decision' | 'election'; title: string; status: string; minutes: Minutes }
  | { id: string; kind: 'round'; title: string; status: string; minutes: RoundMinutes };

export interface MeetingMinutes {
  code: string;
  title: string;
  createdAt: number;
  closedAt?: number;
  seq: number;
  /** Everyone who joined, in order of joining; `present` at the end of the log. */
  participants: { name: string; present: boolean }[];
  /**
   * M4: every hand-over of facilitation, by name ("the holder of the facilitator key" for the
   * key's holder, then `fromKeyHolder` or `toKeyHolder` is true: S11, a name could read the same).
   */
  handOvers: { at: number; from: string; to: string; fromKeyHolder?: true; toKeyHolder?: true }[];
  /** The agenda changes and movements, in words. */
  log: { seq: number; at: number; text: string }[];
  items: ItemMinutes[];
}

export const KEY_HOLDER = 'the holder of the facilitator key';

export function buildMeetingMinutes(
  events: readonly MeetingEvent[],
  options: MinutesOptions = {},
): MeetingMinutes {
  const split = itemLogs(events);
  const { meeting, items } = split;
  const name = (id: string | null) =>
    id === null ? KEY_HOLDER : (meeting.participants[id]?.name ?? 'someone');
  return {
    code: meeting.code,
    title: meeting.title,
    createdAt: meeting.createdAt,
    ...(meeting.closedAt !== undefined && { closedAt: meeting.closedAt }),
    seq: meeting.seq,
    participants: Object.values(meeting.participants)
      .sort((a, b) => a.joinedAt - b.joinedAt)
      .map((p) => ({ name: p.name, present: p.present })),
    handOvers: meeting.handOvers.map((h) => ({
      at: h.at,
      from: name(h.from),
      to: name(h.to),
      ...(h.from === null && { fromKeyHolder: true as const }),
      ...(h.to === null && { toKeyHolder: true as const }),
    })),
    log: meetingLog(split),
    items: items.map((log) => itemMinutes(meeting, log, options)),
  };
}

/** The meeting's own events as lines in words: the agenda as it went, hand-overs, closing. */
export function meetingLog(split: ReturnType<typeof itemLogs>): MeetingMinutes['log'] {
  const { meeting } = split;
  // S11: a name in quotes, so that no name reads as the key's holder.
  const name = (id: string | null) =>
    id === null ? KEY_HOLDER : quotedName(meeting.participants[id]?.name ?? 'someone');
  const title = (id: string) => meeting.items.find((i) => i.id === id)?.title ?? 'an item';
  return split.meetingLog.map((e) => ({ seq: e.seq, at: e.at, text: meetingLine(e, name, title) }));
}

function meetingLine(
  e: MeetingEvent,
  name: (id: string | null) => string,
  title: (id: string) => string,
): string {
  switch (e.type) {
    case 'agenda.item.added':
      return `Added to the agenda: ${ITEM_KIND_LABELS[e.kind].toLowerCase()} “${e.title}”${e.reviewOf ? ' (review of an agreement)' : ''}.`;
    case 'agenda.item.moved':
      return `Moved “${title(e.itemId)}” to place ${e.index + 1} on the agenda.`;
    case 'agenda.item.opened':
      return `Took up “${title(e.itemId)}”.`;
    case 'facilitation.handed':
      return `Facilitation handed from ${name(e.from)} to ${name(e.to)}.`;
    case 'meeting.closed':
      return 'The meeting was closed.';
    case 'meeting.abandoned':
      return `Closed as abandoned after ${e.idleDays} ${e.idleDays === 1 ? 'day' : 'days'} without activity.`;
    default:
      return e.type;
  }
}

/** An item's status for the record: its outcome in words, else finished, not finished, not taken up. */
export function recordedStatus(meeting: MeetingView, item: AgendaItem): string {
  const view = meeting.views[item.id];
  if (!view) return '';
  if (view.kind === 'decision' && view.outcome) return OUTCOME_LABELS[view.outcome.outcome];
  if (view.kind === 'election' && view.outcome) return OUTCOME_LABELS[view.outcome.outcome];
  if (isFinished(view)) return 'Finished';
  return item.openedAt === undefined ? 'Not taken up' : 'Not finished';
}

function itemMinutes(meeting: MeetingView, log: ItemLog, options: MinutesOptions): ItemMinutes {
  const base = { id: log.item.id, title: log.item.title, status: recordedStatus(meeting, log.item) };
  if (log.view.kind === 'round') {
    return { ...base, kind: 'round', minutes: roundMinutes(seated(meeting, log.view)) };
  }
  const minutes = buildMinutes(log.events, options, log.participants);
  // The item's own lines: not the seed it started from, nor comings and goings during other items.
  const own = { ...minutes, log: minutes.log.filter((entry) => log.own.has(entry.seq)) } as Minutes;
  return { ...base, kind: log.view.kind, minutes: own };
}

/** The version of the JSON export's shape for a whole meeting (docs/minutes-format.md). */
export const MEETING_MINUTES_JSON_FORMAT = 'circlewise-minutes/2';

export type MeetingMinutesJson = { format: typeof MEETING_MINUTES_JSON_FORMAT } & MeetingMinutes;

/** R2: the whole meeting's minutes as plain JSON: the meeting, then each item's minutes. */
export function meetingMinutesToJson(minutes: MeetingMinutes): MeetingMinutesJson {
  return {
    format: MEETING_MINUTES_JSON_FORMAT,
    ...(JSON.parse(JSON.stringify(minutes)) as MeetingMinutes),
  };
}
