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
  });
  return socket;
}
