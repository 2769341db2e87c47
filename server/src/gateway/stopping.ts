/**
 * A12: while the server stops (shutdown.ts), a socket's messages are not handled: each is
 * answered `server_restarting`, so nothing is half-done and the sender knows nothing was
 * recorded. Its phone sends it again after it has reconnected to the restarted server (A2: the
 * same commandId, recorded once).
 */
import { fail } from '../wire/failures';
import type { Limited } from './rateLimit';

/** The reason of a message refused while the server stops (A12). */
export const RESTARTING = 'server_restarting' as const;

export function refuseWhileStopping(socket: Pick<Limited, 'use'>, stopping: () => boolean): void {
  socket.use((packet, next) => {
    if (!stopping()) return next();
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') ack(fail('server_restarting', RESTARTING));
  });
}
