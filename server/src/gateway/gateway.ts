/**
 * The Socket.IO gateway: the socket transport of the spine. A connection joins a meeting
 * (join.ts), sends commands (command.ts) and asks to catch up (resync.ts); the rooms it is in and
 * who is online are rooms.ts's. Every command goes AUTH → VALIDATE here, then DECIDE → APPEND →
 * APPLY → ACK in the command runner (commands/), which hands BROADCAST back to the rooms. Every
 * refusal is an error ack with a stable code (S6): the connection, the meeting and the log stay as
 * they were.
 */
import { isOver } from '@circlewise/shared/meeting';
import { onCommand } from './command';
import type { Door, Gateway, GatewayServer, GatewaySocket } from './context';
import { onJoin } from './join';
import { limitRate, type RateLimit } from './rateLimit';
import { onResync } from './resync';
import { onScreenLink } from './screenLink';

export type { GatewayServer } from './context';

export interface GatewayOptions {
  /** S5: per-socket message rate limit (rateLimit.ts); absent: none. */
  rateLimit?: RateLimit;
  log?: (message: string, error?: unknown) => void;
  /** S12: the participant cap, the join throttle and where the client's address is read. */
  door?: Door;
}

export function attachGateway(
  io: GatewayServer,
  parts: Omit<Gateway, 'log'>,
  options: GatewayOptions = {},
): void {
  const gateway: Gateway = {
    ...parts,
    log: options.log ?? ((m, e) => (e === undefined ? console.error(m) : console.error(m, e))),
    ...(options.door && { door: options.door }),
  };
  io.on('connection', (socket: GatewaySocket) => {
    // Keep nothing of the handshake request we do not need (memory per phone).
    (socket.request as { res?: unknown }).res = undefined;
    if (options.rateLimit) limitRate(socket, options.rateLimit);

    socket.on('meeting:join', onJoin(gateway, socket));
    socket.on('meeting:command', onCommand(gateway, socket));
    socket.on('meeting:resync', onResync(gateway, socket));
    socket.on('meeting:screenLink', onScreenLink(gateway, socket));
    socket.on('disconnect', () => onDisconnect(gateway, socket));
  });
}

function onDisconnect({ meetings, rooms }: Gateway, socket: GatewaySocket): void {
  rooms.leave(socket);
  // A meeting that is over and has no one left in it leaves memory (the log keeps it).
  const session = socket.data.session;
  const live = session && meetings.cached(session.meetingId);
  if (live && isOver(live.view) && rooms.size(live.id) === 0) meetings.forget(live.id);
}
