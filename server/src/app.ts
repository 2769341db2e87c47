/**
 * The application factory: HTTP, REST, static client and the Socket.IO gateway around a store
 * that is passed in, so tests start the real thing on port 0 with a real SQLite file.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { Server } from 'socket.io';
import { CommandRunner } from './commands/commandRunner';
import { DAY_MS, DEFAULT_ABANDON_DAYS, Lifetime } from './commands/lifetime';
import { attachGateway, type GatewayServer } from './gateway/gateway';
import { DEFAULT_PARTICIPANT_CAP, type JoinLimits, JoinThrottle } from './gateway/joinThrottle';
import type { RateLimit } from './gateway/rateLimit';
import { Rooms } from './gateway/rooms';
import {
  type ConnectionLimits,
  guardConnections,
  type HttpTimeouts,
  httpServerOptions,
} from './http/connectionLimits';
import { edgeAfter, edgeBefore } from './http/edge';
import { requestAllowed } from './http/hostCheck';
import { legacyCircleLinks } from './http/legacyLinks';
import type { RestLimits } from './http/restLimits';
import { apiRoutes } from './http/routes';
import { socketHeaders } from './http/securityHeaders';
import { serveClient } from './http/serving';
import { Meetings } from './meeting/meetings';
import { refuseWhileStopping, Stop } from './shutdown';
import type { EventStore } from './store/eventStore';

export interface AppOptions {
  store: EventStore;
  /** Built client to serve (client/dist); absent in API-only tests. */
  clientDir?: string;
  allowedOrigins?: string[];
  now?: () => number;
  version?: string;
  /** Origins phones can reach, e.g. http://192.168.1.20:3000, for the projector's QR code. */
  joinOrigins?: string[];
  /**
   * Events of a busy meeting are broadcast together at most once per this many ms, and presence
   * changes are coalesced over the same window; 0 (each at once) unless set.
   */
  broadcastWindowMs?: number;
  /** S5: per-socket rate limit; absent: none (main.ts sets it from the configuration). */
  rateLimit?: RateLimit;
  /** S12: participants one meeting takes at most (default 200). */
  participantCap?: number;
  /** S12: joins of new devices per address and per code; absent: not throttled. */
  joinLimits?: JoinLimits;
  /** S12: read the client's address from X-Forwarded-For (behind a proxy the operator runs). */
  trustProxy?: boolean;
  /** S9: the origin people open (PUBLIC_URL): its host is answered to, its pages may write. */
  publicUrl?: string;
  /** S7: per-address REST limits (http/restLimits.ts); absent: none. */
  restLimits?: RestLimits;
  /** Serve the client's source maps; absent: every `*.map` is a 404. */
  sourceMaps?: boolean;
  /** S7: connections in total and per address; absent: not capped (main.ts sets the defaults). */
  connectionLimits?: ConnectionLimits;
  /** S7: header, request and keep-alive time-outs; absent: the defaults (connectionLimits.ts). */
  httpTimeouts?: HttpTimeouts;
  /** A12: how long a stop lets open connections finish before it cuts them (ms, default 1000). */
  stopGraceMs?: number;
  /** An open meeting with no event for this long is closed as abandoned; default 14 days, 0: never. */
  abandonAfterMs?: number;
  /** How often the abandonment sweep looks (default: a quarter of that time, at most an hour). */
  abandonCheckMs?: number;
}

export interface App {
  http: HttpServer;
  io: GatewayServer;
  meetings: Meetings;
  /** Resolves with the port once listening. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Socket.IO closes a connection past this size; commands are refused well below it (S5, S6). */
const MAX_SOCKET_MESSAGE = 100 * 1024;

export function createApp(options: AppOptions): App {
  const meetings = new Meetings(options.store, options.now);

  const web = express();
  web.disable('x-powered-by');
  // S9, S7: headers, bad bytes, Host, REST limits and the write guard before any route (http/edge.ts).
  const hostRule = {
    allowedOrigins: options.allowedOrigins ?? [],
    ...(options.publicUrl && { publicOrigin: options.publicUrl }),
  };
  web.use(
    edgeBefore({
      ...hostRule,
      ...(options.restLimits && { restLimits: options.restLimits }),
      trustProxy: options.trustProxy ?? false,
    }),
  );
  const http = createServer(httpServerOptions(options.httpTimeouts), web);
  const connections = guardConnections(
    http,
    options.connectionLimits
      ? { ...options.connectionLimits, trustProxy: options.trustProxy ?? false }
      : { total: Number.POSITIVE_INFINITY, perAddress: Number.POSITIVE_INFINITY },
    options.httpTimeouts,
  );
  const stop = new Stop();
  web.use(refuseWhileStopping(stop));
  const io: GatewayServer = new Server(http, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE,
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    allowRequest: (req, callback) => callback(null, requestAllowed(req, hostRule)),
  });
  // S9: the socket's own HTTP answers (polling, handshake) carry the headers too.
  io.engine.on('initial_headers', socketHeaders);
  io.engine.on('headers', socketHeaders);

  // The spine: both transports run commands through one runner (DECIDE → APPEND → APPLY → ACK),
  // which hands BROADCAST to the sockets' rooms. REST runs the server's own commands in a live
  // meeting with it (R3: a review put on an agenda).
  const rooms = new Rooms(io, meetings, options.broadcastWindowMs ?? 0);
  const runner = new CommandRunner(meetings, rooms, { ...(options.now && { now: options.now }) });
  // A meeting's lifetime: start-up loads only live meetings; those due to be closed as abandoned
  // are closed through the runner (recorded, broadcast) and not kept (commands/lifetime.ts).
  const abandonAfterMs = options.abandonAfterMs ?? DEFAULT_ABANDON_DAYS * DAY_MS;
  const lifetime =
    abandonAfterMs > 0
      ? new Lifetime(meetings, runner, {
          abandonAfterMs,
          ...(options.abandonCheckMs !== undefined && { checkEveryMs: options.abandonCheckMs }),
          ...(options.now && { now: options.now }),
        })
      : undefined;
  meetings.restore((m) => !lifetime?.due(m.id));
  lifetime?.start();
  attachGateway(
    io,
    { meetings, runner, rooms, joinOrigins: options.joinOrigins ?? [] },
    {
      ...(options.rateLimit && { rateLimit: options.rateLimit }),
      door: {
        participantCap: options.participantCap ?? DEFAULT_PARTICIPANT_CAP,
        ...(options.joinLimits && { throttle: new JoinThrottle(options.joinLimits) }),
        trustProxy: options.trustProxy ?? false,
      },
      stopping: () => stop.stopping,
    },
  );

  web.use('/api', apiRoutes(meetings, { version: options.version ?? '0.1.0' }, runner, options.now));
  // S10: an old member link (the key in the path) is sent once to its fragment form.
  web.use(legacyCircleLinks());
  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    serveClient(web, clientDir, { sourceMaps: options.sourceMaps ?? false });
  } else {
    web.get('/', (_req, res) => {
      res
        .status(503)
        .type('text')
        .send('The client is not built yet: run `npm run build`, then start again.');
    });
  }
  web.use(edgeAfter());

  return {
    http,
    io,
    meetings,
    listen: (port, host) =>
      new Promise((resolvePort, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const address = http.address();
          resolvePort(typeof address === 'object' && address ? address.port : port);
        });
      }),
    // A12: take no new work, commit what is in flight, tell the screens, cut what is left.
    close: () => {
      lifetime?.stop();
      return stop.run({ http, io, store: options.store, connections }, options.stopGraceMs);
    },
  };
}
