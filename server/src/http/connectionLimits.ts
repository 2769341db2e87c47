/**
 * S7: one client cannot take every connection, and a connection that sends nothing, half a
 * request or a trickle does not hold a file descriptor for long.
 *
 * - Connections are counted when they are accepted (the server's 'connection' event), per peer
 *   address (`socket.remoteAddress`: a raw connection has no HTTP request, so no X-Forwarded-For
 *   to trust) and in total. One past either cap is destroyed at once, before it costs more than
 *   its accept. The total cap is also Node's own `server.maxConnections`, which drops the excess
 *   before 'connection'.
 * - Behind a proxy the operator trusts (TRUST_PROXY), every connection comes from the proxy's
 *   address: the per-address cap is then the proxy's to keep (docs/operations.md), and only the
 *   total applies here.
 * - Time-outs: a connection must send a request's whole headers within `headersTimeout` of
 *   opening or of its last response, and the whole request (its body) within `requestTimeout`;
 *   an idle kept-alive connection closes after `keepAliveTimeout` (Node's). Node's own checks
 *   of the first two are set as well, but they are not relied on: on Node 20 a connection that
 *   sends nothing can keep Node's check from cutting any other, so the deadlines are kept here,
 *   one timer per connection.
 * - A WebSocket, once upgraded, is no longer an HTTP request: none of these cut it (Socket.IO
 *   pings it instead). A long-polling GET is whole at once and may wait for its answer.
 */
import type { Server as HttpServer, IncomingMessage, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections at most, from everyone together. */
  total: number;
  /** Open connections at most from one peer address. */
  perAddress: number;
  /** Per-address counting is left to the trusted proxy in front (every peer is the proxy). */
  trustProxy?: boolean;
}

/** Well below a usual file-descriptor limit (`ulimit -n`, often 1,024 to 65,536). */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { total: 2000, perAddress: 300 };

export interface HttpTimeouts {
  /** A request's whole headers within this many ms of the connection opening or its last answer. */
  headersTimeout: number;
  /** The whole request, body included, within this many ms of its headers. */
  requestTimeout: number;
  /** An idle kept-alive connection is closed after this many ms. */
  keepAliveTimeout: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 20_000,
  keepAliveTimeout: 5_000,
};

/** The options `http.createServer` takes for Node's own time-outs (set at creation only). */
export function httpServerOptions(timeouts: HttpTimeouts = DEFAULT_HTTP_TIMEOUTS): ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeout,
    // Node requires requestTimeout ≥ headersTimeout; ours counts from the headers, so add them.
    requestTimeout: timeouts.headersTimeout + timeouts.requestTimeout,
    keepAliveTimeout: timeouts.keepAliveTimeout,
    connectionsCheckingInterval: Math.min(1000, timeouts.headersTimeout),
  };
}

export interface ConnectionGuard {
  /** Open connections now, in total. */
  open(): number;
  /** Destroys every open connection (the last step of a stop, A12). */
  destroyAll(): void;
}

export function guardConnections(
  http: HttpServer,
  limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
  timeouts: HttpTimeouts = DEFAULT_HTTP_TIMEOUTS,
): ConnectionGuard {
  const sockets = new Set<Socket>();
  const byAddress = new Map<string, number>();
  /** Each open connection's one deadline: headers due, or the body due. */
  const deadlines = new WeakMap<Socket, NodeJS.Timeout>();
  const due = (socket: Socket, ms: number, cut: () => boolean) => {
    clearTimeout(deadlines.get(socket));
    const timer = setTimeout(() => {
      if (cut()) socket.destroy();
    }, ms);
    timer.unref();
    deadlines.set(socket, timer);
  };
  http.maxConnections = limits.total;
  http.keepAliveTimeout = timeouts.keepAliveTimeout;

  http.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const fromThere = byAddress.get(address) ?? 0;
    if (sockets.size >= limits.total || (!limits.trustProxy && fromThere >= limits.perAddress)) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    byAddress.set(address, fromThere + 1);
    due(socket, timeouts.headersTimeout, () => true);
    socket.once('close', () => {
      clearTimeout(deadlines.get(socket));
      sockets.delete(socket);
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    });
  });
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    // The headers are whole; the body must follow in time. Then the answer may take its time
    // (a long poll), and the next request's headers are due again once it is sent.
    due(socket, timeouts.requestTimeout, () => !req.complete);
    res.once('finish', () => {
      if (!socket.destroyed) due(socket, timeouts.headersTimeout, () => true);
    });
  });
  // A WebSocket: no HTTP deadline any more.
  http.on('upgrade', (req: IncomingMessage) => clearTimeout(deadlines.get(req.socket)));

  return {
    open: () => sockets.size,
    destroyAll: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}
