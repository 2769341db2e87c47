/**
 * The meeting's open or closed status as the store keeps it (A8: closed meetings are not rebuilt
 * on start), worked out before APPEND so that it is written in the same transaction as the events
 * that change it. A crash between the two can no longer leave a finished meeting listed as open,
 * or a reopened one as closed.
 */
import type { EventType, MeetingEvent } from '@circlewise/shared/events';
import { isOver, type MeetingView, reduceMeeting } from '@circlewise/shared/meeting';
import type { MeetingStatus } from '../store/eventStore';

/**
 * The only events that can change whether a meeting is over: one that finishes an item (an
 * outcome, an election's result, a closed round), one that closes the meeting, and a new item
 * (M1). Every other batch (a response, a reaction: the hot path) is not reduced a second time
 * just to learn that nothing changed; at a thousand phones that reduction costs a quarter of a
 * millisecond.
 */
const MAY_CHANGE_STATUS: ReadonlySet<EventType> = new Set<EventType>([
  'outcome.recorded',
  'election.recorded',
  'round.closed',
  'meeting.closed',
  'agenda.item.added',
  'meeting.abandoned',
]);

/**
 * The status after `events` are applied to `view`, or undefined when it stays as it is. Closed
 * once the meeting is over (isOver, shared: the one home of that rule), at the last event's time;
 * open again when a finished meeting takes a new item.
 */
export function statusAfter(view: MeetingView, events: readonly MeetingEvent[]): MeetingStatus | undefined {
  const last = events[events.length - 1];
  if (!last) return undefined;
  // An over meeting is closed again (a no-op for the store: the first close is kept), so a row
  // left open by an older server heals with the meeting's next event.
  if (!isOver(view) && !events.some((e) => MAY_CHANGE_STATUS.has(e.type))) return undefined;
  const after = events.reduce(reduceMeeting, view);
  if (isOver(after)) return { closedAt: last.at };
  if (events.some((e) => e.type === 'agenda.item.added')) return { closedAt: null };
  return undefined;
}
