/**
 * BROADCAST, with a throttle per meeting (docs/performance.md).
 *
 * Sending one event to 1,000 phones costs ~25–30 ms of the server's one core, so a big room
 * whose phones submit 100 times a second cannot have each submission broadcast on its own. A
 * meeting that has not broadcast within the window sends at once (a stage change in a quiet room
 * is not delayed); otherwise its events wait for the end of the window and go out together, in
 * seq order, as one `meeting:events` array (the protocol has always carried arrays). Acks do not
 * wait for this: a phone hears "recorded" as soon as the log has it (A1). The facilitator's
 * events (a stage change, a reveal) are never held back: they go at once, with whatever
 * was waiting before them; there are a few a minute, so they cost the room nothing.
 *
 * Visibility (A6) per batch: the facilitators get every event whole; the author of a sealed event
 * gets the batch with their own sealed events whole and everyone else's redacted; the rest of the
 * room gets the redacted batch in one emit, encoded once.
 *
 * A room bigger than `CHUNK` phones is sent to in slices, one per event-loop turn, so that acks
 * (which wait on nothing but the log) are not held up for the ~30 ms a thousand writes take; the
 * next batch of the same meeting waits until the last slice is out, so order is kept.
 */
import { FACILITATOR, type MeetingEvent } from '@circlewise/shared/events';
import { eventFor, isSealed, redact } from '@circlewise/shared/visibility';

export interface BroadcastRooms {
  meeting: (meetingId: string) => string;
  facilitators: (meetingId: string) => string;
  participant: (meetingId: string, participantId: string) => string;
}

/** The part of a Socket.IO server this needs (typed loosely so tests can pass a fake). */
export interface Emitter {
  to(room: string | string[]): {
    emit(event: 'meeting:events', events: MeetingEvent[]): unknown;
    except(rooms: string | string[]): { emit(event: 'meeting:events', events: MeetingEvent[]): unknown };
  };
  sockets: { adapter: { rooms: Map<string, Set<string>> } };
}

/** Phones per slice of a big room's broadcast (about 7 ms of writes on the reference machine). */
export const CHUNK = 250;

const byFacilitator = (e: MeetingEvent): boolean => e.by === FACILITATOR;

const authorOf = (e: MeetingEvent): string | undefined =>
  'participantId' in e && typeof e.participantId === 'string' ? e.participantId : undefined;

/**
 * Sends a batch of one meeting's events to everyone in it, each seeing what they may (A6).
 * With `done`, a big room is sent to in slices (see above) and `done` runs after the last one;
 * without it, everything is sent before this returns.
 */
export function sendEvents(
  io: Emitter,
  rooms: BroadcastRooms,
  meetingId: string,
  events: MeetingEvent[],
  done?: () => void,
): void {
  const room = rooms.meeting(meetingId);
  const sealed = events.filter(isSealed);
  if (sealed.length === 0) {
    toRoom(io, room, [], events, done);
    return;
  }
  // Each audience gets the batch as eventFor gives it to them: the facilitators see sealed
  // responses but not nominations (E1); an author sees their own sealed event whole.
  const facilitators = rooms.facilitators(meetingId);
  io.to(facilitators).emit(
    'meeting:events',
    events.map((e) => eventFor(e, { role: 'facilitator' })),
  );
  const authors = [...new Set(sealed.map(authorOf).filter((a): a is string => a !== undefined))];
  for (const author of authors) {
    io.to(rooms.participant(meetingId, author))
      .except(facilitators)
      .emit(
        'meeting:events',
        events.map((e) => eventFor(e, { role: 'participant', participantId: author })),
      );
  }
  toRoom(
    io,
    room,
    [facilitators, ...authors.map((a) => rooms.participant(meetingId, a))],
    events.map((e) => (isSealed(e) ? redact(e) : e)),
    done,
  );
}

/** The room minus `except`: in one emit, or in slices of CHUNK sockets, one per turn. */
function toRoom(
  io: Emitter,
  room: string,
  except: string[],
  events: MeetingEvent[],
  done?: () => void,
): void {
  const members = io.sockets.adapter.rooms.get(room);
  if (!done || !members || members.size <= CHUNK) {
    io.to(room).except(except).emit('meeting:events', events);
    done?.();
    return;
  }
  const excluded = new Set(except.flatMap((r) => [...(io.sockets.adapter.rooms.get(r) ?? [])]));
  const ids = [...members].filter((id) => !excluded.has(id));
  const slice = (from: number): void => {
    // A socket id is also the name of that socket's own room.
    if (from < ids.length) io.to(ids.slice(from, from + CHUNK)).emit('meeting:events', events);
    if (from + CHUNK < ids.length) setImmediate(() => slice(from + CHUNK));
    else done();
  };
  slice(0);
}

export class Broadcaster {
  private readonly pending = new Map<string, MeetingEvent[]>();
  private readonly lastSent = new Map<string, number>();
  /** Meetings whose last batch is still going out in slices. */
  private readonly sending = new Set<string>();

  /**
   * `baseWindowMs` 0: every call is sent at once, as it comes, without slices. Otherwise a room of
   * more than CHUNK phones gets a longer window, in proportion, up to 4×: its broadcasts cost
   * in proportion to its size, and a few more ms before others see "someone responded" is
   * nothing to a person, while it keeps the acks of a thousand phones fast.
   */
  constructor(
    private readonly send: (meetingId: string, events: MeetingEvent[], done?: () => void) => void,
    private readonly baseWindowMs: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly roomSize: (meetingId: string) => number = () => 0,
  ) {}

  /** The meeting's window now; presence changes are coalesced over the same (presence.ts). */
  windowFor(meetingId: string): number {
    return this.baseWindowMs * Math.min(4, Math.max(1, this.roomSize(meetingId) / CHUNK));
  }

  broadcast(meetingId: string, events: MeetingEvent[]): void {
    if (this.baseWindowMs <= 0) {
      this.send(meetingId, events);
      return;
    }
    const waiting = this.pending.get(meetingId);
    if (waiting) {
      waiting.push(...events);
      if (events.some(byFacilitator)) this.flush(meetingId);
      return;
    }
    const windowMs = this.windowFor(meetingId);
    const since = this.clock() - (this.lastSent.get(meetingId) ?? Number.NEGATIVE_INFINITY);
    this.pending.set(meetingId, [...events]);
    if ((since >= windowMs || events.some(byFacilitator)) && !this.sending.has(meetingId))
      this.flush(meetingId);
    else setTimeout(() => this.flush(meetingId), Math.max(0, windowMs - since)).unref();
  }

  private flush(meetingId: string): void {
    // Still sending the previous batch: this one goes when that one is out (see `done`).
    if (this.sending.has(meetingId)) return;
    const events = this.pending.get(meetingId);
    if (!events) return;
    this.pending.delete(meetingId);
    this.lastSent.set(meetingId, this.clock());
    this.sending.add(meetingId);
    this.send(meetingId, events, () => {
      this.sending.delete(meetingId);
      const next = this.pending.get(meetingId);
      if (next) {
        const wait = next.some(byFacilitator)
          ? 0
          : this.windowFor(meetingId) - (this.clock() - (this.lastSent.get(meetingId) ?? 0));
        setTimeout(() => this.flush(meetingId), Math.max(0, wait)).unref();
      }
    });
  }
}
