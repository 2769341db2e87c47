/**
 * The Socket.IO gateway. Every command goes AUTH → VALIDATE → DECIDE → APPEND → APPLY → ACK →
 * BROADCAST, and every refusal is an error ack with a stable code (S6): the connection, the
 * meeting and the log stay as they were.
 */
import { randomUUID } from 'node:crypto';
import { commandSchema, isMeetingCommand, joinSchema, resyncSchema } from '@circlewise/shared/commands';
import { LIMITS, PROTOCOL_VERSION } from '@circlewise/shared/constants';
import { type ErrorCode, type WireError, wireError } from '@circlewise/shared/errors';
import type { MeetingEvent } from '@circlewise/shared/events';
import { facilitates, isOver } from '@circlewise/shared/meeting';
import type {
  ClientToServerEvents,
  CommandResult,
  Failure,
  ResyncResult,
  ServerToClientEvents,
} from '@circlewise/shared/protocol';
import { agendaFor, eventFor } from '@circlewise/shared/visibility';
import type { Server, Socket } from 'socket.io';
import type { ZodError } from 'zod';
import { callerFor, keyHolderOf, type Session, viewerOf } from '../access/permissions';
import { hashSecret } from '../auth/secrets';
import type { Caller } from '../decision/decideEngine';
import type { InternalCommand, LiveMeeting } from '../meeting/liveMeeting';
import type { Meetings } from '../meeting/meetings';
import { DuplicateCommandError, SeqConflictError } from '../store/eventStore';
import { Broadcaster, sendEvents } from './broadcaster';
import { limitRate, type RateLimit } from './rateLimit';

/**
 * Runs a command the server itself sends (the review of an agreement put on an agenda, R3)
 * through the same DECIDE → APPEND → APPLY → BROADCAST as a socket's.
 */
export interface CommandRunner {
  run(meetingId: string, command: InternalCommand): CommandResult;
}

interface SocketData {
  session?: Session;
}

export type GatewayServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface GatewayOptions {
  now?: () => number;
  /** Events of a busy meeting are broadcast together at most once per this many ms (0: each at once). */
  broadcastWindowMs?: number;
  /** S5: per-socket message rate limit (rateLimit.ts); absent: none. */
  rateLimit?: RateLimit;
  log?: (message: string, error?: unknown) => void;
}

const rooms = {
  meeting: (id: string) => `m:${id}`,
  /** Whoever facilitates now (M4): the key's holder, or the participant it was handed to. */
  facilitators: (id: string) => `m:${id}:f`,
  /** Connections that hold the facilitator key, facilitating or not. */
  keyHolders: (id: string) => `m:${id}:k`,
  participant: (id: string, pid: string) => `m:${id}:p:${pid}`,
};

const fail = (code: ErrorCode, message: string): Failure => ({ ok: false, error: wireError(code, message) });

export function attachGateway(
  io: GatewayServer,
  meetings: Meetings,
  options: GatewayOptions = {},
): CommandRunner {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e));
  /** A1 under group commit: acks and broadcasts wait, in order, until the appends are committed. */
  const durable =
    <A extends unknown[]>(send: (...args: A) => void) =>
    (...args: A): void =>
      meetings.store.whenDurable ? meetings.store.whenDurable(() => send(...args)) : send(...args);

  /**
   * BROADCAST: public events to the room in one emit; sealed ones whole only to who may see them
   * (A6). A busy meeting's events are sent together once per window (broadcaster.ts).
   */
  const broadcaster = new Broadcaster(
    (meetingId, events, done) => sendEvents(io, rooms, meetingId, events, done),
    options.broadcastWindowMs ?? 0,
    undefined,
    (meetingId) => io.sockets.adapter.rooms.get(rooms.meeting(meetingId))?.size ?? 0,
  );
  function broadcast(meeting: LiveMeeting, events: MeetingEvent[]): void {
    durable(() => broadcaster.broadcast(meeting.id, events))();
  }

  /** APPEND → APPLY → BROADCAST for events the machine accepted. Returns the last seq. */
  function record(
    meeting: LiveMeeting,
    commandId: string,
    events: MeetingEvent[],
    token?: Parameters<Meetings['store']['append']>[3],
  ): number {
    meetings.store.append(meeting.id, commandId, events, token);
    meeting.apply(events);
    const last = events[events.length - 1];
    // Closed for A8 once over; open again when a finished meeting takes a new item.
    if (last && isOver(meeting.view)) meetings.store.closeMeeting(meeting.id, last.at);
    else if (events.some((e) => e.type === 'agenda.item.added')) meetings.store.reopenMeeting(meeting.id);
    const handed = events.find((e) => e.type === 'facilitation.handed');
    if (handed?.type === 'facilitation.handed') moveFacilitation(meeting.id, handed.from, handed.to);
    return last?.seq ?? meeting.view.seq;
  }

  /** M4: the facilitators' room follows the hand-over, so sealed events go to who facilitates. */
  function moveFacilitation(meetingId: string, from: string | null, to: string | null): void {
    const room = rooms.facilitators(meetingId);
    io.in(from === null ? rooms.keyHolders(meetingId) : rooms.participant(meetingId, from)).socketsLeave(
      room,
    );
    io.in(to === null ? rooms.keyHolders(meetingId) : rooms.participant(meetingId, to)).socketsJoin(room);
  }

  /**
   * DECIDE → APPEND → APPLY → BROADCAST for a command whose caller is already known: a socket's
   * after AUTH and VALIDATE, or the server's own (CommandRunner).
   */
  function execute(
    meeting: LiveMeeting,
    command: InternalCommand,
    caller: Caller,
    ack: (result: CommandResult) => void,
  ) {
    // A2: a retry of a recorded command returns its first result and records nothing.
    const seen = meetings.store.commandSeq(meeting.id, command.commandId);
    if (seen !== undefined) return ack({ ok: true, seq: seen, duplicate: true });

    // DECIDE
    const { reviewMonths } = meeting.view;
    const decision = meeting.decide(command, caller, {
      now: now(),
      newId: randomUUID,
      ...(reviewMonths !== undefined && { reviewMonths }),
    });
    if (!decision.ok) return ack({ ok: false, error: decision.error });

    // APPEND → APPLY
    let seq: number;
    try {
      seq = record(meeting, command.commandId, decision.events);
    } catch (error) {
      if (error instanceof DuplicateCommandError) {
        return ack({
          ok: true,
          seq: meetings.store.commandSeq(meeting.id, command.commandId) ?? 0,
          duplicate: true,
        });
      }
      if (error instanceof SeqConflictError) {
        return ack(fail('stale_stage', 'The meeting changed at the same moment: look again and resend.'));
      }
      throw error;
    }

    // ACK
    ack({ ok: true, seq, duplicate: false });

    // BROADCAST
    broadcast(meeting, decision.events);
  }

  io.on('connection', (socket: GatewaySocket) => {
    // Keep nothing of the handshake request we do not need (memory per phone).
    (socket.request as { res?: unknown }).res = undefined;
    if (options.rateLimit) limitRate(socket, options.rateLimit);

    // Broadcasts that must wait until the sender has its ack (a join's own event).
    const afterAck: Array<() => void> = [];
    function flush(): void {
      for (const send of afterAck.splice(0)) send();
    }

    /** Never a crash, never a silent drop: an unexpected error is logged and acked (S6). */
    function guard(ack: (r: Failure) => void, handle: () => void): void {
      try {
        handle();
      } catch (error) {
        afterAck.length = 0;
        log('circlewise: handler failed', error);
        ack(fail('internal', 'Something went wrong on the server; nothing was recorded. Try again.'));
      }
    }

    socket.on('meeting:join', (raw, sendAck) => {
      if (typeof sendAck !== 'function') return answerEmpty(raw);
      const ack = durable(sendAck);
      guard(ack, () => {
        // VALIDATE
        const parsed = joinSchema.safeParse(raw);
        if (!parsed.success) return ack(invalid(parsed.error));
        const request = parsed.data;
        if (request.protocol !== PROTOCOL_VERSION) {
          const reason = request.protocol < PROTOCOL_VERSION ? 'clientTooOld' : 'serverTooOld';
          return ack({
            ok: false,
            error: {
              code: 'protocol_mismatch',
              reason,
              message:
                reason === 'clientTooOld'
                  ? 'This page is out of date: reload it to join.'
                  : 'The server is older than this page: ask the facilitator to update it.',
            },
          });
        }
        if (!request.token)
          return ack(fail('bad_token', 'A join needs a token: the secret this device keeps.'));
        const meeting = meetings.byCode(request.code);
        if (!meeting) {
          return ack(
            fail(
              'unknown_meeting',
              `No meeting has the code ${request.code}. Check the code with your facilitator.`,
            ),
          );
        }

        // AUTH: the token is the identity (S2); a new one with a name joins as a new participant.
        const hash = hashSecret(request.token);
        const known = meetings.store.tokenByHash(hash);
        // S3: a circle's member key opens the circle's records, never a meeting's socket, and it
        // is not taken as a new device's token either (its hash would be stored as one).
        if (!known && meetings.store.circleByKeyHash(hash)) {
          return ack(
            fail(
              'bad_token',
              'That is a circle’s member link, not a way into a meeting: join with the meeting’s code.',
            ),
          );
        }
        // A secret of another meeting opens nothing here, and cannot become a participant here
        // either: a token is bound to one meeting (S2, S3).
        if (known && known.meetingId !== meeting.id) {
          return ack(
            fail('bad_token', 'This device’s secret belongs to another meeting: join this one afresh.'),
          );
        }
        let session: Session;
        if (known) {
          session = { meetingId: meeting.id, role: known.role, participantId: known.participantId };
          const me = known.participantId ? meeting.view.participants[known.participantId] : undefined;
          // Someone who left, or was marked absent, and comes back is present again (M2).
          if (me && !me.present && !isOver(meeting.view)) {
            const rejoined = joinEvent(meeting, me.id, me.name);
            if (meeting.can(rejoined)) {
              record(meeting, rejoined.commandId, [rejoined]);
              afterAck.push(() => broadcast(meeting, [rejoined]));
            }
          }
        } else {
          if (!request.name) {
            return ack(
              fail('bad_token', 'This device is not known in this meeting: enter your name to join.'),
            );
          }
          if (isOver(meeting.view)) {
            return ack(
              fail(
                'meeting_closed',
                'This meeting is finished; its minutes are open to those who took part.',
              ),
            );
          }
          const participantId = randomUUID();
          const joined = joinEvent(meeting, participantId, request.name);
          // DECIDE → APPEND (with the token, in one transaction) → APPLY; broadcast after the ack.
          if (!meeting.can(joined))
            return ack(fail('not_allowed', 'This meeting cannot take new participants.'));
          record(meeting, joined.commandId, [joined], { hash, role: 'participant', participantId });
          session = { meetingId: meeting.id, role: 'participant', participantId };
          afterAck.push(() => broadcast(meeting, [joined]));
        }

        enter(socket, meeting, session);
        const viewer = viewerOf(session, meeting);
        ack({
          ok: true,
          protocol: PROTOCOL_VERSION,
          role: session.role,
          ...(session.participantId && { participantId: session.participantId }),
          token: request.token,
          view: agendaFor(meeting.view, viewer),
          online: meeting.online(),
        });
        flush();
      });
    });

    socket.on('meeting:command', (raw, sendAck) => {
      if (typeof sendAck !== 'function') return answerEmpty(raw);
      const ack = durable(sendAck);
      guard(ack, () => {
        // AUTH
        const session = socket.data.session;
        const meeting = session && meetings.get(session.meetingId);
        if (!session || !meeting) return ack(fail('not_joined', 'Join a meeting first.'));

        // VALIDATE
        if (byteSize(raw) > LIMITS.commandBytes) {
          return ack(fail('payload_too_large', `A message may be at most ${LIMITS.commandBytes / 1024} KB.`));
        }
        const { forItem, payload } = itemOf(raw);
        if (forItem === null) return ack(fail('invalid_payload', 'forItem must be an item id (text).'));
        const parsed = commandSchema.safeParse(payload);
        if (!parsed.success) return ack(invalid(parsed.error));
        const command = parsed.data;
        // The command is for the item the phone is looking at; if the meeting has moved on, say so
        // rather than record it in another item (M1).
        if (
          forItem !== undefined &&
          !isMeetingCommand(command.type) &&
          forItem !== meeting.view.currentItemId
        ) {
          return ack(
            fail('stale_stage', 'The meeting has moved on to another item: look again before you send.'),
          );
        }
        const caller = callerFor(session, meeting, command.type);
        if ('denied' in caller) return ack(fail('forbidden', caller.denied));
        execute(meeting, command, caller, ack);
      });
    });

    socket.on('meeting:resync', (raw, sendAck) => {
      if (typeof sendAck !== 'function') return answerEmpty(raw);
      const ack = durable(sendAck);
      guard(ack, () => {
        const session = socket.data.session;
        const meeting = session && meetings.get(session.meetingId);
        if (!session || !meeting) return ack(fail('not_joined', 'Join a meeting first.'));
        const parsed = resyncSchema.safeParse(raw);
        if (!parsed.success) return ack(invalid(parsed.error));
        const viewer = viewerOf(session, meeting);
        const { afterSeq } = parsed.data;
        // A3: the missing events if there are few, a fresh snapshot if the client is far behind.
        const result: ResyncResult =
          afterSeq > meeting.view.seq || meeting.view.seq - afterSeq > LIMITS.resyncEvents
            ? { ok: true, view: agendaFor(meeting.view, viewer) }
            : {
                ok: true,
                events: meetings.store.events(meeting.id, afterSeq).map((e) => eventFor(e, viewer)),
              };
        ack(result);
      });
    });

    socket.on('disconnect', () => {
      const session = socket.data.session;
      if (session) leave(session);
      // A meeting that is over and has no one left in it leaves memory (the log keeps it).
      const live = session && meetings.cached(session.meetingId);
      if (live && isOver(live.view) && !io.sockets.adapter.rooms.get(rooms.meeting(live.id))?.size) {
        meetings.forget(live.id);
      }
    });

    function enter(s: GatewaySocket, meeting: LiveMeeting, session: Session): void {
      const before = s.data.session;
      if (before) {
        leave(before);
        for (const room of s.rooms) if (room !== s.id) s.leave(room);
      }
      s.data.session = session;
      s.join(rooms.meeting(meeting.id));
      if (session.role === 'facilitator') s.join(rooms.keyHolders(meeting.id));
      if (facilitates(meeting.view, keyHolderOf(session))) s.join(rooms.facilitators(meeting.id));
      if (session.participantId) {
        s.join(rooms.participant(meeting.id, session.participantId));
        if (meeting.connect(session.participantId)) {
          s.to(rooms.meeting(meeting.id)).emit('meeting:presence', {
            participantId: session.participantId,
            online: true,
          });
        }
      }
    }

    function leave(session: Session): void {
      const meeting = meetings.cached(session.meetingId);
      if (!meeting || !session.participantId) return;
      if (meeting.disconnect(session.participantId)) {
        io.to(rooms.meeting(meeting.id)).emit('meeting:presence', {
          participantId: session.participantId,
          online: false,
        });
      }
    }
  });

  function joinEvent(meeting: LiveMeeting, participantId: string, name: string): MeetingEvent {
    return {
      type: 'participant.joined',
      participantId,
      name,
      by: participantId,
      seq: meeting.view.seq + 1,
      at: now(),
      commandId: randomUUID(),
    };
  }
  return {
    run(meetingId, command) {
      const meeting = meetings.get(meetingId);
      if (!meeting) return fail('unknown_meeting', 'No such meeting.');
      let result: CommandResult = fail('internal', 'The command was not answered.');
      execute(meeting, command, { role: 'facilitator' }, (r) => {
        result = r;
      });
      return result;
    },
  };
}

/**
 * The command envelope may name the item it is for (`forItem`, docs/protocol.md); the rest is
 * the command. null: a forItem that is not an item id.
 */
function itemOf(raw: unknown): { forItem: string | undefined | null; payload: unknown } {
  if (typeof raw !== 'object' || raw === null || !('forItem' in raw))
    return { forItem: undefined, payload: raw };
  const { forItem, ...payload } = raw as { forItem: unknown };
  return { forItem: typeof forItem === 'string' && forItem.length <= 100 ? forItem : null, payload };
}

/** A zod failure as an error ack: the first problem, in words (C4 has its own code). */
export function invalid(error: ZodError): Failure {
  const issue = error.issues[0];
  const params = issue && 'params' in issue ? (issue.params as { code?: string } | undefined) : undefined;
  const code: ErrorCode = params?.code === 'reason_required' ? 'reason_required' : 'invalid_payload';
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  const message = issue
    ? `${issue.message}${code === 'invalid_payload' ? where : ''}`
    : 'The message is not valid.';
  return { ok: false, error: wireError(code, message) satisfies WireError };
}

/**
 * A message sent with an ack but no payload arrives with the ack in the payload's place: answer
 * it with an error rather than leave the client waiting (S6). Without any ack there is no one to
 * answer.
 */
function answerEmpty(raw: unknown): void {
  if (typeof raw === 'function') {
    (raw as (r: Failure) => void)(fail('invalid_payload', 'The message has no payload.'));
  }
}

function byteSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
