/**
 * The whole meeting protocol of the client, in one place (ARCHITECTURE.md, Client): join and
 * rejoin, events through the shared reducer, gap → resync, presence, and commands that are
 * re-sent with the same commandId after a reconnect until the server acknowledges them (A2).
 * The socket is passed in, so tests drive this with a fake and screens never touch it.
 */

import { type CommandInput, isMeetingCommand } from '@circlewise/shared/commands';
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import { clockOffset } from '@circlewise/shared/countdown';
import type { WireError } from '@circlewise/shared/errors';
import type { MeetingEvent } from '@circlewise/shared/events';
import { handOverConcerns, type MeetingView, reduceMeeting } from '@circlewise/shared/meeting';
import type {
  ClientToServerEvents,
  CommandEnvelope,
  CommandResult,
  JoinResult,
  PresenceBatch,
  RestartingNotice,
  ResyncResult,
  ScreenLinkResult,
} from '@circlewise/shared/protocol';
import { createMeetingStore, type MeetingStore, type Submission, withMeeting } from '../store/meetingStore';
import type { Outbox } from './outbox';

const LISTENED = [
  'connect',
  'disconnect',
  'meeting:events',
  'meeting:presence',
  'meeting:admission',
  'server:restarting',
] as const;

/** The part of a Socket.IO client socket this module uses; a fake implements the same. */
export interface MeetingSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'meeting:events', listener: (events: MeetingEvent[]) => void): unknown;
  on(event: 'meeting:presence', listener: (batch: PresenceBatch) => void): unknown;
  on(event: 'meeting:admission', listener: (answer: { admitted: boolean }) => void): unknown;
  on(event: 'server:restarting', listener: (notice: RestartingNotice) => void): unknown;
  off(event: (typeof LISTENED)[number]): unknown;
  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface JoinIdentity {
  code: string;
  /** Participant token (minted by the server, S2), facilitator key or screen link. */
  token?: string;
  /** Needed on the first join of a new device; harmless later. */
  name?: string;
  /** S2: a new device's first join, sent while it has no token yet (and again if the ack was lost). */
  joinId?: string;
  /** S2: called once with the token the server minted for this device, to keep for later joins. */
  onToken?: (token: string) => void;
}

export interface MeetingConnection {
  store: MeetingStore;
  send(command: CommandInput): Promise<CommandResult>;
  close(): void;
  /** The facilitator makes a new screen link for the projector; the old one stops working. */
  screenLink(): Promise<ScreenLinkResult>;
}

interface Pending {
  command: CommandEnvelope;
  promise: Promise<CommandResult>;
  resolve: (result: CommandResult) => void;
}

export function createMeetingConnection(
  socket: MeetingSocket,
  identity: JoinIdentity,
  store: MeetingStore = createMeetingStore(),
  /** Keeps unacknowledged commands across a reload (issue 10 §7); none: they live with the page. */
  outbox?: Outbox,
): MeetingConnection {
  const pending = new Map<string, Pending>();
  /** The token to join with; a new device learns it from its first join's ack (S2). */
  let token = identity.token;
  const persist = () => outbox?.save([...pending.values()].map((p) => p.command));
  /** Events that arrived while joining or resyncing; applied once the view is settled. */
  let buffered: MeetingEvent[] = [];
  let joined = false;
  let resyncing = false;
  let closed = false;
  /** Bumped on every (re)connect so an answer to an older attempt is ignored. */
  let attempt = 0;
  /** S7, A12: the reconnect that waits after the server cut us or said it is restarting. */
  let backingOff: ReturnType<typeof setTimeout> | undefined;
  let restartNotice: RestartingNotice | undefined;
  const cuts = { count: 0, lastAt: Number.NEGATIVE_INFINITY };

  const setSubmission = (commandId: string, change: Omit<Submission, 'commandId'>) =>
    store.setState((s) => ({ submissions: { ...s.submissions, [commandId]: { commandId, ...change } } }));

  function join() {
    const mine = ++attempt;
    joined = false;
    resyncing = false;
    const request = {
      protocol: PROTOCOL_VERSION,
      code: identity.code,
      ...(token ? { token } : identity.joinId ? { joinId: identity.joinId } : {}),
      ...(identity.name ? { name: identity.name } : {}),
    };
    const sentAt = Date.now();
    socket.emit('meeting:join', request, (result: JoinResult) => {
      if (closed || mine !== attempt) return;
      if (!result.ok) {
        // S12: a locked meeting keeps a new device waiting; `meeting:admission` says when to ask again.
        if (result.error.code === 'waiting')
          store.setState({ connection: 'waiting', joinError: result.error });
        // A12: the server is stopping; its disconnect follows, and the join goes again after it.
        else if (result.error.code === 'server_restarting')
          store.setState({ connection: 'reconnecting', restarting: true });
        else store.setState({ connection: 'failed', joinError: result.error });
        return;
      }
      learnClock(sentAt, result.serverNow);
      if (!token && result.token) {
        // S2: the token the server minted for this device: every later join sends it.
        token = result.token;
        identity.onToken?.(result.token);
      }
      joined = true;
      const who = { role: result.role, participantId: result.participantId };
      restartNotice = undefined;
      store.setState({
        connection: 'joined',
        joinError: undefined,
        restarting: false,
        ...who,
        ...withMeeting(who, result.view),
        online: Object.fromEntries(result.online.map((id) => [id, true as const])),
        ...(result.joinOrigins && { joinOrigins: result.joinOrigins }),
      });
      drain();
      for (const p of pending.values()) emitCommand(p.command);
    });
  }

  function drain() {
    const events = buffered;
    buffered = [];
    if (events.length > 0) applyEvents(events);
  }

  function applyEvents(events: MeetingEvent[]) {
    const start = store.getState().meeting;
    if (!joined || resyncing || !start) {
      buffered.push(...events);
      return;
    }
    let meeting: MeetingView = start;
    for (const [i, event] of events.entries()) {
      if (event.seq <= meeting.seq) continue;
      if (event.seq !== meeting.seq + 1) {
        // A3: a dropped or reordered delivery; ask for what we missed, keep the rest for after.
        buffered.push(...events.slice(i));
        if (meeting !== start) setMeeting(meeting);
        resync(meeting.seq);
        return;
      }
      meeting = reduceMeeting(meeting, event);
      if (event.type === 'facilitation.handed' && handOverConcerns(event, who())) {
        // M4, A6: what this screen may see changed; a join brings the snapshot for its new role.
        setMeeting(meeting);
        join();
        return;
      }
    }
    if (meeting !== start) setMeeting(meeting);
  }

  function who() {
    const s = store.getState();
    return { keyHolder: s.role === 'facilitator', participantId: s.participantId ?? null };
  }

  function setMeeting(meeting: MeetingView) {
    store.setState((s) => withMeeting(s, meeting));
  }

  /** T2: this device's offset from the server's clock, from a round trip that carried serverNow. */
  function learnClock(sentAt: number, serverNow: number | undefined) {
    if (serverNow === undefined) return;
    store.setState({ clockOffset: clockOffset(sentAt, Date.now(), serverNow) });
  }

  function resync(afterSeq: number) {
    const mine = attempt;
    resyncing = true;
    const sentAt = Date.now();
    socket.emit('meeting:resync', { afterSeq }, (result: ResyncResult) => {
      if (closed || mine !== attempt) return;
      resyncing = false;
      if (!result.ok) {
        // The server could not fill the gap; a fresh join gives a whole snapshot.
        join();
        return;
      }
      learnClock(sentAt, result.serverNow);
      if ('view' in result) setMeeting(result.view);
      else buffered.unshift(...result.events);
      drain();
    });
  }

  function emitCommand(command: CommandEnvelope) {
    const mine = attempt;
    socket.emit('meeting:command', command, (result: CommandResult) => {
      const p = pending.get(command.commandId);
      if (!p || closed) return;
      if (!result.ok && result.error.code === 'not_joined' && mine === attempt) {
        // The server forgot this socket's join (e.g. it restarted): join again, then re-send.
        join();
        return;
      }
      // A12: the server is stopping and recorded nothing: it goes again after the next join.
      if (!result.ok && result.error.code === 'server_restarting') return;
      pending.delete(command.commandId);
      persist();
      setSubmission(
        command.commandId,
        result.ok ? { type: command.type, status: 'recorded' } : failed(command, result.error),
      );
      p.resolve(result);
    });
  }

  function send(command: CommandInput): Promise<CommandResult> {
    const existing = pending.get(command.commandId);
    if (existing) return existing.promise;
    if (closed) {
      return Promise.resolve({
        ok: false,
        error: { code: 'internal', message: 'This meeting screen was closed.' },
      });
    }
    // M1: an item's command names the item it was meant for, so it is never recorded in another
    // one if the meeting moved on before it arrived (resends keep the item of the first send).
    const forItem = store.getState().meeting?.currentItemId;
    const envelope: CommandEnvelope =
      forItem && !isMeetingCommand(command.type) ? { ...command, forItem } : command;
    let resolve!: (result: CommandResult) => void;
    const promise = new Promise<CommandResult>((r) => {
      resolve = r;
    });
    pending.set(command.commandId, { command: envelope, promise, resolve });
    persist();
    setSubmission(command.commandId, { type: command.type, status: 'sending' });
    // Not joined yet: the command waits and goes out right after the (re)join.
    if (joined) emitCommand(envelope);
    return promise;
  }

  // What a reloaded page had not seen acknowledged waits, as it was (item and commandId kept),
  // for the first join; nobody awaits it but its submission shows as sending.
  for (const command of outbox?.load() ?? []) {
    if (pending.has(command.commandId)) continue;
    let resolve!: (result: CommandResult) => void;
    const promise = new Promise<CommandResult>((r) => {
      resolve = r;
    });
    pending.set(command.commandId, { command, promise, resolve });
    setSubmission(command.commandId, { type: command.type, status: 'sending' });
  }

  socket.on('connect', () => {
    if (closed) return;
    store.setState((s) => ({ connection: s.meeting ? 'reconnecting' : 'connecting' }));
    join();
  });
  socket.on('disconnect', (reason) => {
    if (closed) return;
    joined = false;
    attempt++;
    store.setState({ connection: 'reconnecting' });
    // After a server-side disconnect (a cut, S7, or a stop, A12) Socket.IO does not retry by
    // itself; after a restart notice it would retry at once. Either way: wait, with jitter, so a
    // room of phones does not come back in one burst.
    if (reason === 'io server disconnect' || restartNotice) {
      if (reason !== 'io server disconnect') socket.disconnect();
      backOff();
    }
  });
  socket.on('server:restarting', (notice) => {
    if (closed) return;
    restartNotice = notice;
    store.setState({ restarting: true });
  });
  socket.on('meeting:events', (events) => {
    if (!closed) applyEvents(events);
  });
  // One broadcast window's presence changes, each participant once with their latest state.
  socket.on('meeting:presence', ({ changes }) => {
    if (closed) return;
    store.setState((s) => {
      const next = { ...s.online };
      for (const { participantId, online } of changes) {
        if (online) next[participantId] = true;
        else delete next[participantId];
      }
      return { online: next };
    });
  });

  // S12: admitted or refused while waiting: join again, and the server says which.
  socket.on('meeting:admission', () => {
    if (!closed && store.getState().connection === 'waiting') join();
  });

  /** Reconnects after a wait: the server's for a restart, else doubling with each recent cut. */
  function backOff() {
    clearTimeout(backingOff);
    let base: number;
    if (restartNotice) base = Math.max(restartNotice.retryAfterMs, RECONNECT.minMs);
    else {
      const now = Date.now();
      cuts.count = now - cuts.lastAt < RECONNECT.forgetCutsAfterMs ? cuts.count + 1 : 0;
      cuts.lastAt = now;
      base = Math.min(RECONNECT.minMs * 2 ** cuts.count, RECONNECT.maxMs);
    }
    backingOff = setTimeout(() => {
      backingOff = undefined;
      if (!closed) socket.connect();
    }, reconnectDelay(base));
  }

  if (socket.connected) join();
  else socket.connect();

  return {
    store,
    send,
    screenLink: () =>
      new Promise<ScreenLinkResult>((resolve) => {
        socket.emit('meeting:screenLink', {}, resolve);
      }),
    close() {
      closed = true;
      clearTimeout(backingOff);
      for (const event of LISTENED) socket.off(event);
      socket.disconnect();
      for (const p of pending.values()) {
        p.resolve({ ok: false, error: { code: 'internal', message: 'This meeting screen was closed.' } });
      }
      pending.clear();
    },
  };
}

/** S7, A12: how long a cut or restarted screen waits before it reconnects (socket.ts: Socket.IO's own). */
export const RECONNECT = { minMs: 1000, maxMs: 30_000, forgetCutsAfterMs: 60_000 };

/** `base` spread over half to one and a half times itself, so phones do not return together. */
export function reconnectDelay(base: number, random: () => number = Math.random): number {
  return Math.round(base * (0.5 + random()));
}

function failed(command: CommandEnvelope, error: WireError): Omit<Submission, 'commandId'> {
  return { type: command.type, status: 'error', error };
}
