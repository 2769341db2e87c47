import type { ClientToServerEvents, ServerToClientEvents } from '@circlewise/shared/protocol';
import { io, type Socket } from 'socket.io-client';
import type { MeetingSocket } from './meetingConnection';

/**
 * A Socket.IO socket to this origin. WebSocket first: a reconnect storm of long-polling
 * handshakes costs the server far more (ARCHITECTURE.md, performance facts); polling is only
 * the fallback for networks that block WebSockets.
 */
export function createSocket(): MeetingSocket {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    autoConnect: false,
    // S7, A12: after a dropped connection, retry after 1 s, then longer up to 15 s, each wait
    // spread by ±50 % so a room of phones does not reconnect in one burst.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 15_000,
    randomizationFactor: 0.5,
  });
  return socket;
}
