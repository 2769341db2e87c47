/**
 * The real server for cross-package tests: the app on a loopback port, a real SQLite file in a
 * fresh temp directory, and real socket.io-client connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, type AppOptions, createApp } from '@circlewise/server/app';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import type { CommandInput, JoinRequest } from '@circlewise/shared/commands';
import { type MeetingKind, PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import type { MeetingEvent } from '@circlewise/shared/events';
import {
  currentItem,
  handOverConcerns,
  type ItemView,
  type MeetingView,
  reduceMeeting,
  type Seated,
  seated,
} from '@circlewise/shared/meeting';
import type {
  ClientToServerEvents,
  CommandResult,
  CreatedMeeting,
  JoinResult,
  PresenceChange,
  ResyncResult,
  Role,
  ServerToClientEvents,
} from '@circlewise/shared/protocol';
import { io, type Socket } from 'socket.io-client';
import { v4 as uuid } from 'uuid';

export interface TestServer {
  url: string;
  app: App;
  dataDir: string;
  dbFile: string;
  /** Stops the server; the data directory stays for a restart. */
  stop(): Promise<void>;
  /** Starts a new server process-equivalent on the same SQLite file (A8). */
  restart(): Promise<TestServer>;
  /** Stops and removes the data directory. */
  destroy(): Promise<void>;
}

export async function startServer(
  options: {
    dataDir?: string;
    clientDir?: string;
    groupCommit?: boolean;
    /** S12: the door's settings (participant cap, join throttle, trusted proxy). */
    door?: Pick<AppOptions, 'participantCap' | 'joinLimits' | 'trustProxy'>;
    /** S7, S9: the HTTP edge's settings (PUBLIC_URL, allowed origins, REST limits, source maps). */
    edge?: Pick<
      AppOptions,
      'publicUrl' | 'allowedOrigins' | 'restLimits' | 'sourceMaps' | 'trustProxy' | 'joinOrigins'
    >;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'circlewise-test-'));
  const dbFile = join(dataDir, 'circlewise.db');
  const app = createApp({
    store: openSqliteStore(dbFile, { synchronous: 'normal', groupCommit: options.groupCommit ?? false }),
    ...(options.clientDir !== undefined && { clientDir: options.clientDir }),
    ...options.door,
    ...options.edge,
  });
  const port = await app.listen(0, '127.0.0.1');
  let stopped = false;
  const server: TestServer = {
    url: `http://127.0.0.1:${port}`,
    app,
    dataDir,
    dbFile,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
    },
    async restart() {
      await server.stop();
      return startServer({ ...options, dataDir });
    },
    async destroy() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

export async function createMeeting(
  url: string,
  title = 'Test meeting',
  kind?: MeetingKind,
): Promise<CreatedMeeting> {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, ...(kind !== undefined && { kind }) }),
  });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedMeeting;
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A client as a phone or console would be: it joins, applies broadcasts with the shared reducer,
 * and keeps every packet it received so tests can look at what crossed the wire.
 */
/** The current item of a meeting, seated in it, with the meeting's seq. */
function seatedItem<V extends ItemView>(meeting: MeetingView): Seated<V> | undefined {
  const item = currentItem(meeting);
  return item && ({ ...seated(meeting, item), seq: meeting.seq } as unknown as Seated<V>);
}

/** `V` is the kind of view this client expects: a decision's unless told otherwise. */
export class TestClient<V extends ItemView = DecisionView> {
  readonly socket: TestSocket;
  readonly received: MeetingEvent[][] = [];
  readonly presence: PresenceChange[] = [];
  /** The whole meeting: its agenda and every item's view. */
  meeting: MeetingView | undefined;
  participantId: string | undefined;
  /**
   * The secret this client joins with: one given (a facilitator key, a screen link, a token kept
   * from an earlier client), or, for a new device, the token the server minted in its first join's
   * ack (S2); empty until then.
   */
  token: string;
  /** S2: a new device's first join carries this instead of a token; a retry sends it again. */
  readonly joinId = `${uuid()}${uuid()}`.replaceAll('-', '');

  constructor(url: string, token?: string) {
    this.token = token ?? '';
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket.on('meeting:events', (events) => {
      this.received.push(events);
      for (const e of events) {
        if (!this.meeting || e.seq !== this.meeting.seq + 1) continue;
        this.meeting = reduceMeeting(this.meeting, e);
        // As the web client does (meetingConnection.ts): a hand-over that changes what this
        // connection may see is followed by a join, for a fresh snapshot (M4, A6).
        if (e.type === 'facilitation.handed' && this.joinedWith && handOverConcerns(e, this.who())) {
          // Again as the same person: the same code and the same secret (a token given in `extra`).
          void this.join(this.joinedWith.code, undefined, this.joinedWith.extra);
          return;
        }
      }
    });
    // Each batch (one broadcast window's changes) flattened, in the order they were sent.
    this.socket.on('meeting:presence', (batch) => this.presence.push(...batch.changes));
  }

  join(code: string, name?: string, extra: Partial<JoinRequest> = {}): Promise<JoinResult> {
    // The snapshot is taken in the ack callback itself, as the web client does: a promise's
    // continuation would run after events that arrived just behind the ack, and overwrite them.
    return new Promise<JoinResult>((resolve) => {
      this.socket.emit(
        'meeting:join',
        {
          protocol: PROTOCOL_VERSION,
          code,
          ...(this.token ? { token: this.token } : { joinId: this.joinId }),
          ...(name !== undefined && { name }),
          ...extra,
        },
        (result) => {
          if (result.ok) {
            // S2: a new device keeps the token the server minted for it.
            if (extra.token === undefined) this.token = result.token;
            this.meeting = result.view;
            this.participantId = result.participantId;
            this.role = result.role;
            this.joinedWith = { code, extra: extra.token === undefined ? {} : { token: extra.token } };
          }
          resolve(result);
        },
      );
    });
  }

  private role: Role = 'participant';
  private joinedWith: { code: string; extra: Partial<JoinRequest> } | undefined;

  private who() {
    return { keyHolder: this.role === 'facilitator', participantId: this.participantId ?? null };
  }

  /** Sends a command with a fresh commandId unless one is given. */
  command(
    command: DistributiveOmit<CommandInput, 'commandId'> & { commandId?: string },
  ): Promise<CommandResult> {
    return this.socket.emitWithAck('meeting:command', { commandId: uuid(), ...command } as CommandInput);
  }

  /** Sends anything at all, as a hostile or broken client might. */
  raw(event: 'meeting:command' | 'meeting:join' | 'meeting:resync', payload: unknown): Promise<unknown> {
    return (this.socket as unknown as Socket).timeout(5000).emitWithAck(event, payload);
  }

  resync(afterSeq: number): Promise<ResyncResult> {
    return this.socket.emitWithAck('meeting:resync', { afterSeq });
  }

  /**
   * The view of the item the meeting is on (of kind `V`), seated in its meeting (who is there is
   * the meeting's, kept once), with the meeting's seq.
   */
  get view(): Seated<V> | undefined {
    return this.meeting && seatedItem<V>(this.meeting);
  }

  /** Resolves once the current item's view satisfies `predicate`. */
  async until(predicate: (view: Seated<V>) => boolean, timeoutMs = 5000): Promise<Seated<V>> {
    return this.untilMeeting((m) => {
      const item = seatedItem<V>(m);
      return item !== undefined && predicate(item);
    }, timeoutMs).then(() => this.view as Seated<V>);
  }

  /** Resolves once the whole meeting's view satisfies `predicate`. */
  async untilMeeting(predicate: (meeting: MeetingView) => boolean, timeoutMs = 5000): Promise<MeetingView> {
    const started = Date.now();
    while (!this.meeting || !predicate(this.meeting)) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`timed out waiting; meeting at seq ${this.meeting?.seq}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.meeting;
  }

  close(): void {
    this.socket.close();
  }
}

export type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;

export { PROTOCOL_VERSION, uuid };
