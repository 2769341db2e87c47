/**
 * The application factory: HTTP, REST, static client and the Socket.IO gateway around a store
 * that is passed in, so tests start the real thing on port 0 with a real SQLite file.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { Server } from 'socket.io';
import { CommandRunner } from './commands/commandRunner';
import { attachGateway, type GatewayServer } from './gateway/gateway';
import { DEFAULT_PARTICIPANT_CAP, type JoinLimits, JoinThrottle } from './gateway/joinThrottle';
import type { RateLimit } from './gateway/rateLimit';
import { Rooms } from './gateway/rooms';
import { legacyCircleLinks } from './http/legacyLinks';
import { apiRoutes } from './http/routes';
import { Meetings } from './meeting/meetings';
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
  meetings.restore();

  const web = express();
  web.disable('x-powered-by');
  const http = createServer(web);
  const io: GatewayServer = new Server(http, {
    maxHttpBufferSize: MAX_SOCKET_MESSAGE,
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    allowRequest: (req, callback) => callback(null, originAllowed(req, options.allowedOrigins ?? [])),
  });

  // The spine: both transports run commands through one runner (DECIDE → APPEND → APPLY → ACK),
  // which hands BROADCAST to the sockets' rooms. REST runs the server's own commands in a live
  // meeting with it (R3: a review put on an agenda).
  const rooms = new Rooms(io, meetings, options.broadcastWindowMs ?? 0);
  const runner = new CommandRunner(meetings, rooms, { ...(options.now && { now: options.now }) });
  attachGateway(
    io,
    { meetings, runner, rooms },
    {
      ...(options.rateLimit && { rateLimit: options.rateLimit }),
      door: {
        participantCap: options.participantCap ?? DEFAULT_PARTICIPANT_CAP,
        ...(options.joinLimits && { throttle: new JoinThrottle(options.joinLimits) }),
        trustProxy: options.trustProxy ?? false,
      },
    },
  );

  web.use(
    '/api',
    apiRoutes(
      meetings,
      { version: options.version ?? '0.1.0', joinOrigins: options.joinOrigins ?? [] },
      runner,
      options.now,
    ),
  );
  // S10: an old member link (the key in the path) is sent once to its fragment form.
  web.use(legacyCircleLinks());
  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    web.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/m/CODE, /m/CODE/facilitate, …) all load the single page.
    web.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      // Relative to `root`: given a whole path, send refuses any dot-folder in it (~/.local/…).
      res.set('Cache-Control', 'no-cache').sendFile('index.html', { root: clientDir });
    });
  } else {
    web.get('/', (_req, res) => {
      res
        .status(503)
        .type('text')
        .send('The client is not built yet: run `npm run build`, then start again.');
    });
  }

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
    close: async () => {
      await new Promise<void>((done) => io.close(() => done()));
      options.store.close();
    },
  };
}

/**
 * S5: a browser's socket must come from this page's own origin or an allowed one. Clients that
 * send no Origin (scripts, native apps) are not browsers and cannot ride a user's session.
 */
function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
