/**
 * What every handler of the gateway shares: the typed Socket.IO server and socket, and the parts
 * of the server a handler works with.
 */
import type { ClientToServerEvents, ServerToClientEvents } from '@circlewise/shared/protocol';
import type { Server, Socket } from 'socket.io';
import type { Session } from '../access/permissions';
import type { CommandRunner } from '../commands/commandRunner';
import type { Meetings } from '../meeting/meetings';
import type { JoinThrottle } from './joinThrottle';
import type { Rooms } from './rooms';

export interface SocketData {
  session?: Session;
}

export type GatewayServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type GatewaySocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface Gateway {
  meetings: Meetings;
  /** DECIDE → APPEND → APPLY → ACK, and BROADCAST through `rooms` (commands/). */
  runner: CommandRunner;
  /** Rooms, presence and the broadcast itself (rooms.ts). */
  rooms: Rooms;
  log: (message: string, error?: unknown) => void;
  /** S12: the door's settings (join.ts); absent: the default cap and no throttle. */
  door?: Door;
  /** S8: addresses phones can reach, told to a facilitator and a screen in their join ack only. */
  joinOrigins?: string[];
}

/** S12: who may come in: the participant cap, the join throttle, where a client's address is read. */
export interface Door {
  participantCap: number;
  throttle?: JoinThrottle;
  trustProxy: boolean;
}
