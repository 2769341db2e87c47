/**
 * Rooms and presence, and the BROADCAST step of the spine (the command runner's Publisher).
 *
 * A connection is in its meeting's room; in the key holders' room if it holds the facilitator key;
 * in the facilitators' room while it facilitates (M4); and in its participant's own room, so a
 * sealed event reaches its author on every device (A6). Who is online is counted per participant
 * by the live meeting: a participant's first connection or last disconnection is a presence
 * change, coalesced per broadcast window (presence.ts).
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import { facilitates } from '@circlewise/shared/meeting';
import { keyHolderOf, type Session } from '../access/permissions';
import type { Publisher } from '../commands/publisher';
import type { LiveMeeting } from '../meeting/liveMeeting';
import type { Meetings } from '../meeting/meetings';
import { Broadcaster, sendEvents } from './broadcaster';
import type { GatewayServer, GatewaySocket } from './context';
import { PresenceWindow } from './presence';

export const roomNames = {
  meeting: (id: string) => `m:${id}`,
  /** Whoever facilitates now (M4): the key's holder, or the participant it was handed to. */
  facilitators: (id: string) => `m:${id}:f`,
  /** Connections that hold the facilitator key, facilitating or not. */
  keyHolders: (id: string) => `m:${id}:k`,
  participant: (id: string, pid: string) => `m:${id}:p:${pid}`,
  /** S12: a device waiting at a locked door, told when it is admitted or refused. */
  waiting: (id: string, pid: string) => `m:${id}:w:${pid}`,
};

export class Rooms implements Publisher {
  private readonly broadcaster: Broadcaster;
  private readonly presence: PresenceWindow;

  /** `windowMs`: a busy meeting's broadcasts, and its presence changes, go out once per window. */
  constructor(
    private readonly io: GatewayServer,
    private readonly meetings: Meetings,
    windowMs: number,
  ) {
    // Public events to the room in one emit; sealed ones whole only to who may see them (A6).
    this.broadcaster = new Broadcaster(
      (meetingId, events, done) => sendEvents(io, roomNames, meetingId, events, done),
      windowMs,
      undefined,
      (meetingId) => this.size(meetingId),
    );
    this.presence = new PresenceWindow(
      (meetingId, batch) => io.to(roomNames.meeting(meetingId)).emit('meeting:presence', batch),
      (meetingId) => this.broadcaster.windowFor(meetingId),
    );
  }

  /** Connections in the meeting's room. */
  size(meetingId: string): number {
    return this.io.sockets.adapter.rooms.get(roomNames.meeting(meetingId))?.size ?? 0;
  }

  /** The socket is in this meeting now, as `session` (a socket that rejoins leaves its old rooms). */
  enter(socket: GatewaySocket, meeting: LiveMeeting, session: Session): void {
    this.leave(socket);
    for (const room of socket.rooms) if (room !== socket.id) socket.leave(room);
    socket.data.session = session;
    // A finished meeting read through for this join stays in memory while someone is in it.
    this.meetings.hold(meeting);
    socket.join(roomNames.meeting(meeting.id));
    if (session.role === 'facilitator') socket.join(roomNames.keyHolders(meeting.id));
    if (facilitates(meeting.view, keyHolderOf(session))) socket.join(roomNames.facilitators(meeting.id));
    if (session.participantId) {
      socket.join(roomNames.participant(meeting.id, session.participantId));
      if (meeting.connect(session.participantId)) {
        this.presence.change(meeting.id, session.participantId, true);
      }
    }
  }

  /** The socket's connection to its meeting closed (it stays in the rooms until Socket.IO drops them). */
  leave(socket: GatewaySocket): void {
    const session = socket.data.session;
    const meeting = session && this.meetings.cached(session.meetingId);
    if (!meeting || !session.participantId) return;
    if (meeting.disconnect(session.participantId)) {
      this.presence.change(meeting.id, session.participantId, false);
    }
  }

  /**
   * BROADCAST (Publisher): the recorded events to the meeting's screens, once per window when the
   * meeting is busy (broadcaster.ts). A hand-over moves the facilitators' room first, so the
   * events after it reach whoever facilitates now (M4, A6).
   */
  publish(meetingId: string, events: readonly MeetingEvent[]): void {
    for (const e of events) {
      if (e.type === 'facilitation.handed') this.moveFacilitation(meetingId, e.from, e.to);
    }
    this.door(meetingId, events);
    this.broadcaster.broadcast(meetingId, [...events]);
  }

  /**
   * The meeting was rebuilt from its log (Publisher): the new instance counts the connections
   * that are open now, so presence goes on as if nothing happened (nobody came or went).
   */
  reloaded(meeting: LiveMeeting): void {
    for (const id of this.io.sockets.adapter.rooms.get(roomNames.meeting(meeting.id)) ?? []) {
      const participantId = this.io.sockets.sockets.get(id)?.data.session?.participantId;
      if (participantId) meeting.connect(participantId);
    }
  }

  /**
   * S12: a waiting device hears that it was admitted (it joins again, now let in) or refused; a
   * removed participant's connections are closed (they reconnect, and their join is refused).
   */
  private door(meetingId: string, events: readonly MeetingEvent[]): void {
    for (const e of events) {
      if (e.type === 'participant.admitted' || e.type === 'participant.refused') {
        const room = roomNames.waiting(meetingId, e.participantId);
        this.io.to(room).emit('meeting:admission', { admitted: e.type === 'participant.admitted' });
        this.io.in(room).socketsLeave(room);
      }
      if (e.type === 'participant.removed') {
        this.io.in(roomNames.participant(meetingId, e.participantId)).disconnectSockets(true);
      }
    }
  }

  /** S12: a device waits at the door in its own room, in no room of the meeting. */
  wait(socket: GatewaySocket, meetingId: string, participantId: string): void {
    this.leave(socket);
    for (const room of socket.rooms) if (room !== socket.id) socket.leave(room);
    socket.data.session = undefined;
    socket.join(roomNames.waiting(meetingId, participantId));
  }

  /**
   * The meeting's screen link was rotated: the screens that joined with the old one lose their
   * session and are disconnected; their rejoin with the old secret is refused.
   */
  dropScreens(meetingId: string): void {
    for (const id of this.io.sockets.adapter.rooms.get(roomNames.meeting(meetingId)) ?? []) {
      const socket = this.io.sockets.sockets.get(id);
      if (socket?.data.session?.role !== 'screen') continue;
      socket.data.session = undefined;
      socket.disconnect();
    }
  }

  /** M4: the facilitators' room follows the hand-over, so sealed events go to who facilitates. */
  private moveFacilitation(meetingId: string, from: string | null, to: string | null): void {
    const room = roomNames.facilitators(meetingId);
    const of = (who: string | null) =>
      who === null ? roomNames.keyHolders(meetingId) : roomNames.participant(meetingId, who);
    this.io.in(of(from)).socketsLeave(room);
    this.io.in(of(to)).socketsJoin(room);
  }
}
