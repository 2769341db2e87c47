import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { JoinResult } from '@circlewise/shared/protocol';
import { describe, expect, it } from 'vitest';
import { FakeSocket } from '../test/FakeSocket';
import { ANA, MeetingScript } from '../test/meetingScript';
import { createMeetingConnection } from './meetingConnection';

const TOKEN = 'b'.repeat(64);
const WAITING: JoinResult = { ok: false, error: { code: 'waiting', message: 'Locked: wait.' } };

describe('S12 a phone at a locked door', () => {
  it('[S12] waits, then joins again when admitted, with the same token', () => {
    const socket = new FakeSocket();
    const { store } = createMeetingConnection(socket, { code: 'ABC123', token: TOKEN, name: 'Ana' });
    socket.open();
    socket.last('meeting:join').ack(WAITING);
    expect(store.getState().connection).toBe('waiting');
    expect(socket.sent('meeting:join')).toHaveLength(1);

    socket.serverFires('meeting:admission', { admitted: true });
    expect(socket.sent('meeting:join')).toHaveLength(2);
    expect(socket.last('meeting:join').payload).toMatchObject({ token: TOKEN });
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
  });

  it('[S12] refused, it asks once more and shows the refusal', () => {
    const socket = new FakeSocket();
    const { store } = createMeetingConnection(socket, { code: 'ABC123', token: TOKEN, name: 'Ana' });
    socket.open();
    socket.last('meeting:join').ack(WAITING);
    socket.serverFires('meeting:admission', { admitted: false });
    socket.last('meeting:join').ack({ ok: false, error: { code: 'removed', message: 'Not admitted.' } });
    expect(store.getState().connection).toBe('failed');
    expect(store.getState().joinError?.code).toBe('removed');
    // A stray admission after that changes nothing.
    socket.serverFires('meeting:admission', { admitted: true });
    expect(socket.sent('meeting:join')).toHaveLength(2);
  });
});
