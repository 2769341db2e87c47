import type { CommandInput } from '@circlewise/shared/commands';
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { JoinResult } from '@circlewise/shared/protocol';
import { describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/FakeSocket';
import { ANA, BEN, CLEO, MeetingScript, uuidFor } from '../test/meetingScript';
import { createMeetingConnection, RECONNECT, reconnectDelay } from './meetingConnection';
import { createOutbox, type OutboxStorage } from './outbox';

const TOKEN = 'a'.repeat(64);

function setup(script = MeetingScript.at('clarifying'), upTo = script.events.length) {
  const socket = new FakeSocket();
  const connection = createMeetingConnection(socket, { code: 'ABC123', token: TOKEN, name: 'Ana' });
  const snapshot = new MeetingScript();
  snapshot.events.splice(0, snapshot.events.length, ...script.events.slice(0, upTo));
  const join = (online: string[] = [ANA]) => {
    const result: JoinResult = {
      ok: true,
      protocol: PROTOCOL_VERSION,
      role: 'participant',
      participantId: ANA,
      token: TOKEN,
      view: snapshot.agendaFor({ role: 'participant', participantId: ANA }),
      online,
    };
    socket.last('meeting:join').ack(result);
  };
  return { socket, connection, store: connection.store, script, join };
}

const ask = (n: number): CommandInput => ({ type: 'question.ask', commandId: uuidFor(n), text: `Q${n}` });

describe('meetingConnection', () => {
  it('joins on connect with protocol, code, token and name, and takes the snapshot', () => {
    const { socket, store, join } = setup();
    expect(socket.connectCalls).toBe(1);
    socket.open();
    expect(socket.last('meeting:join').payload).toEqual({
      protocol: PROTOCOL_VERSION,
      code: 'ABC123',
      token: TOKEN,
      name: 'Ana',
    });
    expect(store.getState().connection).toBe('connecting');
    join([ANA, BEN]);
    const state = store.getState();
    expect(state.connection).toBe('joined');
    expect(state.participantId).toBe(ANA);
    expect(state.view?.stage).toBe('clarifying');
    expect(state.online).toEqual({ [ANA]: true, [BEN]: true });
  });

  it('[S2] a new device joins with its name and joinId, keeps the token the ack brings, and rejoins with it', () => {
    const socket = new FakeSocket();
    const onToken = vi.fn();
    const JOIN_ID = 'j'.repeat(64);
    const { store } = createMeetingConnection(socket, {
      code: 'ABC123',
      name: 'Ana',
      joinId: JOIN_ID,
      onToken,
    });
    socket.open();
    expect(socket.last('meeting:join').payload).toEqual({
      protocol: PROTOCOL_VERSION,
      code: 'ABC123',
      joinId: JOIN_ID,
      name: 'Ana',
    });
    // The ack is lost: the retry after a reconnect carries the same joinId.
    socket.drop();
    socket.open();
    expect(socket.last('meeting:join').payload).toMatchObject({ joinId: JOIN_ID });
    socket.last('meeting:join').ack({
      ok: true,
      protocol: PROTOCOL_VERSION,
      role: 'participant',
      participantId: ANA,
      token: TOKEN,
      view: MeetingScript.at('clarifying').agendaFor({ role: 'participant', participantId: ANA }),
      online: [ANA],
    } satisfies JoinResult);
    expect(store.getState().connection).toBe('joined');
    expect(onToken).toHaveBeenCalledExactlyOnceWith(TOKEN);
    socket.drop();
    socket.open();
    expect(socket.last('meeting:join').payload).toEqual({
      protocol: PROTOCOL_VERSION,
      code: 'ABC123',
      token: TOKEN,
      name: 'Ana',
    });
  });

  it('shows why a join was refused', () => {
    const { socket, store } = setup();
    socket.open();
    socket
      .last('meeting:join')
      .ack({ ok: false, error: { code: 'unknown_meeting', message: 'No such meeting.' } });
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().joinError?.code).toBe('unknown_meeting');
  });

  it('[A3] applies pushed events in order through the shared reducer and ignores old ones', () => {
    const script = MeetingScript.at('clarifying');
    const n = script.events.length;
    script.move('clarifying', 'reactions');
    const { socket, store, join } = setup(script, n);
    socket.open();
    join();
    const next = script.events[n]!;
    socket.serverFires('meeting:events', [script.events[n - 1], next]);
    expect(store.getState().view?.stage).toBe('reactions');
    expect(store.getState().view?.seq).toBe(next.seq);
    expect(socket.sent('meeting:resync')).toHaveLength(0);
  });

  it('[A3] a gap asks for what was missed, then applies it and what came after', () => {
    const script = MeetingScript.at('clarifying');
    const n = script.events.length;
    script.move('clarifying', 'reactions').move('reactions', 'objections');
    const { socket, store, join } = setup(script, n);
    socket.open();
    join();
    socket.serverFires('meeting:events', [script.events[n + 1]]);
    expect(store.getState().view?.stage).toBe('clarifying');
    expect(socket.last('meeting:resync').payload).toEqual({ afterSeq: n });
    socket.last('meeting:resync').ack({ ok: true, events: [script.events[n]] });
    expect(store.getState().view?.stage).toBe('objections');
    expect(store.getState().view?.seq).toBe(n + 2);
  });

  it('a resync may answer with a fresh snapshot', () => {
    const script = MeetingScript.at('clarifying');
    const n = script.events.length;
    script.move('clarifying', 'reactions').move('reactions', 'objections');
    const { socket, store, join } = setup(script, n);
    socket.open();
    join();
    socket.serverFires('meeting:events', [script.events[n + 1]]);
    socket
      .last('meeting:resync')
      .ack({ ok: true, view: script.agendaFor({ role: 'participant', participantId: ANA }) });
    expect(store.getState().view?.stage).toBe('objections');
  });

  it('tracks a command from sending to recorded', async () => {
    const { socket, connection, store, join } = setup();
    socket.open();
    join();
    const done = connection.send(ask(1));
    expect(store.getState().submissions[uuidFor(1)]?.status).toBe('sending');
    socket.last('meeting:command').ack({ ok: true, seq: 10, duplicate: false });
    expect(await done).toEqual({ ok: true, seq: 10, duplicate: false });
    expect(store.getState().submissions[uuidFor(1)]?.status).toBe('recorded');
  });

  it('keeps the refusal of a command', async () => {
    const { socket, connection, store, join } = setup();
    socket.open();
    join();
    const done = connection.send(ask(2));
    const error = { code: 'wrong_stage', message: 'Not now.' } as const;
    socket.last('meeting:command').ack({ ok: false, error });
    expect(await done).toEqual({ ok: false, error });
    expect(store.getState().submissions[uuidFor(2)]).toMatchObject({ status: 'error', error });
  });

  it('[A2] re-sends an unacknowledged command with the same id after reconnecting and rejoining', async () => {
    const { socket, connection, store, join } = setup();
    socket.open();
    join();
    const done = connection.send(ask(3));
    expect(socket.sent('meeting:command')).toHaveLength(1);
    socket.drop();
    expect(store.getState().connection).toBe('reconnecting');
    socket.open();
    // Not before the join is acknowledged: the server would not know who is speaking.
    expect(socket.sent('meeting:command')).toHaveLength(1);
    expect(socket.sent('meeting:join')).toHaveLength(2);
    join();
    const resent = socket.sent('meeting:command');
    expect(resent).toHaveLength(2);
    expect((resent[1]!.payload as CommandInput).commandId).toBe(uuidFor(3));
    resent[1]!.ack({ ok: true, seq: 11, duplicate: true });
    expect((await done).ok).toBe(true);
    // A late ack of the first emission changes nothing.
    resent[0]!.ack({ ok: false, error: { code: 'internal', message: 'late' } });
    expect(store.getState().submissions[uuidFor(3)]?.status).toBe('recorded');
  });

  it('a command sent while disconnected waits for the next join', () => {
    const { socket, connection, join } = setup();
    void connection.send(ask(4));
    expect(socket.sent('meeting:command')).toHaveLength(0);
    socket.open();
    join();
    expect(socket.sent('meeting:command')).toHaveLength(1);
  });

  it('updates presence', () => {
    const { socket, store, join } = setup();
    socket.open();
    join([ANA]);
    socket.serverFires('meeting:presence', { changes: [{ participantId: BEN, online: true }] });
    expect(store.getState().online).toEqual({ [ANA]: true, [BEN]: true });
    socket.serverFires('meeting:presence', { changes: [{ participantId: ANA, online: false }] });
    expect(store.getState().online).toEqual({ [BEN]: true });
  });

  it('takes a batch of presence changes (one broadcast window) at once', () => {
    const { socket, store, join } = setup();
    socket.open();
    join([ANA]);
    socket.serverFires('meeting:presence', {
      changes: [
        { participantId: ANA, online: false },
        { participantId: BEN, online: true },
        { participantId: CLEO, online: true },
      ],
    });
    expect(store.getState().online).toEqual({ [BEN]: true, [CLEO]: true });
  });

  it('reconnects by itself after a server-side disconnect, once its back-off has passed', () => {
    vi.useFakeTimers();
    try {
      const { socket, join } = setup();
      socket.open();
      join();
      socket.drop('io server disconnect');
      expect(socket.connectCalls).toBe(1);
      vi.advanceTimersByTime(1.5 * RECONNECT.minMs);
      expect(socket.connectCalls).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('[A2] the offline queue survives a reload and is sent once, with the same commandId, on reconnect', async () => {
    const saved = new Map<string, string>();
    const storage: OutboxStorage = {
      getItem: (k) => saved.get(k) ?? null,
      setItem: (k, v) => void saved.set(k, v),
      removeItem: (k) => void saved.delete(k),
    };
    const snapshot = () =>
      MeetingScript.at('clarifying').agendaFor({ role: 'participant', participantId: ANA });
    const joined = (socket: FakeSocket) =>
      socket.last('meeting:join').ack({
        ok: true,
        protocol: PROTOCOL_VERSION,
        role: 'participant',
        participantId: ANA,
        token: TOKEN,
        view: snapshot(),
        online: [ANA],
      } satisfies JoinResult);

    // Offline: the question waits in the queue, and in storage.
    const before = new FakeSocket();
    const first = createMeetingConnection(
      before,
      { code: 'ABC123', token: TOKEN },
      undefined,
      createOutbox(storage, 'ABC123', TOKEN),
    );
    void first.send(ask(7));
    expect(before.sent('meeting:command')).toHaveLength(0);
    expect(saved.size).toBe(1);
    expect([...saved.keys()][0]).not.toContain(TOKEN);

    // The page reloads: a new connection over the same storage; another meeting's queue is apart.
    const other = createOutbox(storage, 'XYZ789', TOKEN);
    expect(other.load()).toEqual([]);
    const socket = new FakeSocket();
    const again = createMeetingConnection(
      socket,
      { code: 'ABC123', token: TOKEN },
      undefined,
      createOutbox(storage, 'ABC123', TOKEN),
    );
    expect(again.store.getState().submissions[uuidFor(7)]?.status).toBe('sending');
    socket.open();
    joined(socket);
    const sent = socket.sent('meeting:command');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ type: 'question.ask', commandId: uuidFor(7), text: 'Q7' });
    sent[0]!.ack({ ok: true, seq: 12 });
    expect(again.store.getState().submissions[uuidFor(7)]?.status).toBe('recorded');
    expect(saved.size).toBe(0);

    // Once acknowledged, a later reconnect sends nothing again.
    socket.drop();
    socket.open();
    joined(socket);
    expect(socket.sent('meeting:command')).toHaveLength(1);
    first.close();
  });
});

describe('[T2] the clock offset', () => {
  it('[T2] learns the offset from the serverNow of the join ack: the middle of the round trip', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(1_000_000);
      const { socket, store, script } = setup();
      socket.open();
      vi.setSystemTime(1_000_400);
      socket.last('meeting:join').ack({
        ok: true,
        protocol: PROTOCOL_VERSION,
        role: 'participant',
        participantId: ANA,
        token: TOKEN,
        view: script.agendaFor({ role: 'participant', participantId: ANA }),
        online: [ANA],
        // The server's clock is 30 s ahead of this device's.
        serverNow: 1_030_200,
      } satisfies JoinResult);
      expect(store.getState().clockOffset).toBe(30_000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('[S7][A12] backing off before reconnecting', () => {
  it('[S7] a screen the server cut waits, with jitter, before it reconnects, and longer after each recent cut', () => {
    vi.useFakeTimers();
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5); // no spread: the base itself
    try {
      const { socket, join } = setup();
      socket.open();
      join();
      socket.drop('io server disconnect');
      vi.advanceTimersByTime(RECONNECT.minMs - 1);
      expect(socket.connectCalls).toBe(1);
      vi.advanceTimersByTime(1);
      expect(socket.connectCalls).toBe(2);
      // Cut again soon after: twice as long.
      socket.open();
      join();
      socket.drop('io server disconnect');
      vi.advanceTimersByTime(2 * RECONNECT.minMs - 1);
      expect(socket.connectCalls).toBe(2);
      vi.advanceTimersByTime(1);
      expect(socket.connectCalls).toBe(3);
    } finally {
      random.mockRestore();
      vi.useRealTimers();
    }
  });

  it('[A12] a join refused because the server is stopping shows the restart, not a failure', () => {
    const { socket, store } = setup();
    socket.open();
    socket
      .last('meeting:join')
      .ack({ ok: false, error: { code: 'server_restarting', message: 'The server is restarting.' } });
    expect(store.getState().connection).toBe('reconnecting');
    expect(store.getState().restarting).toBe(true);
    expect(store.getState().joinError).toBeUndefined();
  });

  it('[S7] the wait is spread over half to one and a half times its base', () => {
    expect(reconnectDelay(1000, () => 0)).toBe(500);
    expect(reconnectDelay(1000, () => 0.5)).toBe(1000);
    expect(reconnectDelay(1000, () => 0.999)).toBe(1499);
  });

  it('[A12] after server:restarting it says so, waits the server’s time, keeps what it sent and sends it again after the join', () => {
    vi.useFakeTimers();
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const { socket, store, join, connection } = setup();
      socket.open();
      join();
      const sent = connection.send(ask(1));
      socket.serverFires('server:restarting', { message: 'The server is restarting…', retryAfterMs: 3000 });
      expect(store.getState().restarting).toBe(true);
      // The stop refused the command: nothing was recorded, so it waits to go again.
      socket
        .last('meeting:command')
        .ack({ ok: false, error: { code: 'server_restarting', message: 'The server is restarting.' } });
      expect(store.getState().submissions[uuidFor(1)]?.status).toBe('sending');
      // The connection closes without a server disconnect: Socket.IO would retry at once; it waits.
      socket.drop('transport close');
      expect(store.getState().connection).toBe('reconnecting');
      vi.advanceTimersByTime(2999);
      expect(socket.connectCalls).toBe(1);
      vi.advanceTimersByTime(1);
      expect(socket.connectCalls).toBe(2);
      socket.open();
      join();
      expect(store.getState().restarting).toBe(false);
      const again = socket.sent('meeting:command');
      expect(again).toHaveLength(2);
      expect(again[1]?.payload).toMatchObject({ commandId: uuidFor(1) });
      again[1]?.ack({ ok: true, seq: 9, duplicate: false });
      return expect(sent).resolves.toMatchObject({ ok: true });
    } finally {
      random.mockRestore();
      vi.useRealTimers();
    }
  });
});
