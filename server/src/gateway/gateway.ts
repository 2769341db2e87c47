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
import { clientAddress } from './joinThrottle';
import { limitRate, type RateLimit, SharedBuckets } from './rateLimit';
import { onResync } from './resync';
import { onScreenLink } from './screenLink';
import { refuseWhileStopping } from './stopping';

export type { GatewayServer } from './context';

export interface GatewayOptions {
  /** S5, S7: message rate limit per socket, identity and address (rateLimit.ts); absent: none. */
  rateLimit?: RateLimit;
  log?: (message: string, error?: unknown) => void;
  /** S12: the participant cap, the join throttle and where the client's address is read. */
  door?: Door;
  /** A12: true once the server is stopping: every message is refused (stopping.ts). */
  stopping?: () => boolean;
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
  const shared = new SharedBuckets();
  const stopping = options.stopping;
  io.on('connection', (socket: GatewaySocket) => {
    // Keep nothing of the handshake request we do not need (memory per phone).
    (socket.request as { res?: unknown }).res = undefined;
    if (stopping) refuseWhileStopping(socket, stopping);
    if (options.rateLimit) {
      limitRate(socket, options.rateLimit, undefined, undefined, {
        buckets: shared,
        identity: () => identityOf(socket),
        address: clientAddress(socket.handshake, !!options.door?.trustProxy),
      });
    }

    socket.on('meeting:join', onJoin(gateway, socket));
    socket.on('meeting:command', onCommand(gateway, socket));
    socket.on('meeting:resync', onResync(gateway, socket));
    socket.on('meeting:screenLink', onScreenLink(gateway, socket));
    socket.on('disconnect', () => onDisconnect(gateway, socket));
  });
}

/** S7: who a joined socket speaks for, whichever socket it uses: one person, one key, one link. */
function identityOf(socket: GatewaySocket): string | undefined {
  const session = socket.data.session;
  if (!session) return undefined;
  return `${session.meetingId}:${session.role}:${session.participantId ?? ''}`;
}

function onDisconnect({ meetings, rooms }: Gateway, socket: GatewaySocket): void {
  rooms.leave(socket);
  // A meeting that is over and has no one left in it leaves memory (the log keeps it).
  const session = socket.data.session;
  const live = session && meetings.cached(session.meetingId);
  if (live && isOver(live.view) && rooms.size(live.id) === 0) meetings.forget(live.id);
}
