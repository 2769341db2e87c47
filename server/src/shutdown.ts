/**
 * A12: a graceful stop. On SIGTERM (main.ts) or App.close, in this order:
 *
 * 1. take no new work: the server stops listening (no new connections), idle kept-alive ones
 *    close, and from now on a socket message is answered `server_restarting` and a new REST
 *    request gets 503 with the same code (`stopping`, read by the gateway and the routes); a
 *    request already under way is finished;
 * 2. commit what is in flight: the group commit's open transaction is committed and the acks
 *    waiting for it are sent, so everything anyone was told is recorded is on disk (A1);
 * 3. tell every screen: one `server:restarting` to every socket, then the sockets are
 *    disconnected (the client waits, with jitter, before it reconnects);
 * 4. close what is left: connections get `graceMs` to finish, then every one still open (a slow
 *    request, a trickled body) is destroyed; then the store is closed.
 *
 * It never waits on a client, so it ends within `graceMs` and a few turns of the event loop;
 * main.ts's hard timer is only the backstop.
 */
import type { Server as HttpServer } from 'node:http';
import type { RestartingNotice } from '@circlewise/shared/protocol';
import type { RequestHandler } from 'express';
import type { GatewayServer } from './gateway/context';
import type { ConnectionGuard } from './http/connectionLimits';
import { sendError } from './http/respond';
import type { EventStore } from './store/eventStore';

export interface Stoppable {
  http: HttpServer;
  io: GatewayServer;
  store: EventStore;
  connections: ConnectionGuard;
}

/** What the screens are told; the client shows its own words, this is for other clients. */
export const RESTARTING_NOTICE: RestartingNotice = {
  message: 'The server is restarting… This screen reconnects by itself in a moment.',
  retryAfterMs: 2000,
};

export class Stop {
  private started: Promise<void> | undefined;

  /** True from the moment the stop begins: new work is refused. */
  get stopping(): boolean {
    return this.started !== undefined;
  }

  /** Stops once; a second call returns the first stop. */
  run(parts: Stoppable, graceMs = 1000): Promise<void> {
    this.started ??= stopGracefully(parts, graceMs);
    return this.started;
  }
}

async function stopGracefully({ http, io, store, connections }: Stoppable, graceMs: number): Promise<void> {
  // 1. No new connections; idle kept-alive ones go now.
  const closed = new Promise<void>((done) => http.close(() => done()));
  http.closeIdleConnections();
  // 2. What was appended is committed, and its acks are on their way.
  await new Promise<void>((done) => (store.whenDurable ? store.whenDurable(done, () => done()) : done()));
  // 3. Every screen is told, then disconnected (a server disconnect: the client backs off).
  io.emit('server:restarting', RESTARTING_NOTICE);
  io.disconnectSockets(true);
  const ioClosed = io.close();
  // 4. Whatever has not finished within the grace period is cut.
  const grace = new Promise<void>((done) => setTimeout(done, graceMs).unref());
  await Promise.race([closed, grace]);
  http.closeAllConnections();
  connections.destroyAll();
  await Promise.all([closed, ioClosed]);
  store.close();
}

/** A12: a REST request that arrives while the server stops: 503, and when to try again. */
export function refuseWhileStopping(stop: Stop): RequestHandler {
  return (_req, res, next) => {
    if (!stop.stopping) return next();
    res.set('Retry-After', String(Math.ceil(RESTARTING_NOTICE.retryAfterMs / 1000)));
    res.set('Connection', 'close');
    sendError(res, 503, 'server_restarting', 'server_restarting_retry');
  };
}
