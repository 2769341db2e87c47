/**
 * The Socket.IO contract: event names `meeting:verb`, each client->server event with a typed ack
 * that is a result (`{ ok: true, ... } | { ok: false, error }`). Payload schemas live in
 * commands.ts; docs/protocol.md describes the same for people writing their own client.
 */

import type { CommandInput, JoinRequest, ResyncRequest } from './commands';
import type { WireError } from './errors';
import type { MeetingEvent } from './events';
import type { MeetingView } from './meeting';

export type Failure = { ok: false; error: WireError };
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

/**
 * What a secret is: the facilitator key, a participant's token, or a screen link (the projector's
 * read-only capability: it sees what any participant may see and sends nothing). Who facilitates
 * now is the view's (M4).
 */
export type Role = 'facilitator' | 'participant' | 'screen';

export type JoinResult = Result<{
  protocol: number;
  role: Role;
  /** Set for participants: who this connection speaks for. */
  participantId?: string;
  /** The secret to keep and send on every later join (the participant token or facilitator key). */
  token: string;
  /**
   * A snapshot of the whole meeting (agenda, every item's view), already filtered for this
   * recipient (A6); `view.seq` is where events continue.
   */
  view: MeetingView;
  /** Participants with at least one open connection now (not recorded; M2). */
  online: string[];
  /** T2: the server's clock when it answered, ms since the epoch: a screen's clock offset comes from it. */
  serverNow?: number;
  /**
   * S8: for the facilitator and a screen, the addresses phones on the server's network can reach
   * (e.g. http://192.168.1.20:3000), for the join QR code; absent when the server knows none.
   */
  joinOrigins?: string[];
}>;

export type CommandResult = Result<{
  /** Seq of the last event this command recorded. */
  seq: number;
  /** True when this commandId was already recorded and nothing new was written (A2). */
  duplicate: boolean;
}>;

export type ResyncResult = Result<
  ({ events: MeetingEvent[] } | { view: MeetingView }) & { serverNow?: number }
>;

/**
 * A command on the wire: an item's command may name the item it was meant for (`forItem`), and
 * is refused with `stale_stage` if the meeting has moved to another (M1).
 */
export type CommandEnvelope = CommandInput & { forItem?: string };

export interface ClientToServerEvents {
  'meeting:join': (request: JoinRequest, ack: (result: JoinResult) => void) => void;
  'meeting:command': (command: CommandEnvelope, ack: (result: CommandResult) => void) => void;
  'meeting:resync': (request: ResyncRequest, ack: (result: ResyncResult) => void) => void;
  /**
   * The facilitator asks for a new screen link (the projector's read-only capability): the
   * meeting's earlier link stops working and the screens joined with it are disconnected.
   */
  'meeting:screenLink': (request: Record<string, never>, ack: (result: ScreenLinkResult) => void) => void;
}

/** The new screen link's secret: kept by the console, never stored by the server (only its hash). */
export type ScreenLinkResult = Result<{ screenToken: string }>;

export interface PresenceChange {
  participantId: string;
  online: boolean;
}

/**
 * The presence changes of one broadcast window in one meeting (protocol 3): each participant at
 * most once, with their latest state. Not recorded, not sequenced (M2).
 */
export interface PresenceBatch {
  changes: PresenceChange[];
}

export interface ServerToClientEvents {
  /** Recorded events in seq order, filtered for this recipient (A4, A6). */
  'meeting:events': (events: MeetingEvent[]) => void;
  'meeting:presence': (batch: PresenceBatch) => void;
  /** S12: to a device waiting at a locked door: admitted (join again) or refused. */
  'meeting:admission': (answer: { admitted: boolean }) => void;
  /**
   * A12: the server is stopping (to restart or upgrade); the connection closes next. Wait
   * `retryAfterMs` (with some jitter of your own), then reconnect and join again.
   */
  'server:restarting': (notice: RestartingNotice) => void;
}

/** A12: sent once to every connected socket when the server stops (docs/protocol.md). */
export interface RestartingNotice {
  message: string;
  /** At least this long before reconnecting is worth it (ms). */
  retryAfterMs: number;
}

/** REST: POST /api/meetings */
export interface CreatedMeeting {
  meetingId: string;
  code: string;
  facilitatorKey: string;
}
