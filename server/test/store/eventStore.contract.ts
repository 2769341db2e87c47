/**
 * The contract every event store engine must keep (ARCHITECTURE: Storage). Each engine's test
 * file calls `describeEventStoreContract` with a factory; a PostgreSQL engine would run the
 * same suite.
 */
import { randomUUID } from 'node:crypto';
import type { MeetingEvent } from '@circlewise/shared/events';
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateCommandError, type EventStore, SeqConflictError } from '../../src/store/eventStore';
import { describeCircleStoreContract } from './circleStore.contract';

export function describeEventStoreContract(engine: string, open: () => EventStore): void {
  describe(`event store contract: ${engine}`, () => {
    let store: EventStore | undefined;
    afterEach(() => store?.close());

    function fresh(code = 'ABCDEF') {
      store = open();
      const id = randomUUID();
      const first = event(id, 1, randomUUID());
      store.createMeeting({ id, code, createdAt: 1, closedAt: null }, first, {
        hash: `hash-${id}`,
        role: 'facilitator',
        participantId: null,
      });
      return { store, id, first };
    }

    it('[A3] appends are read back in seq order, after any seq', () => {
      const { store, id, first } = fresh();
      const cmd = randomUUID();
      const more = [event(id, 2, cmd), event(id, 3, cmd)];
      store.append(id, cmd, more);
      expect(store.events(id)).toEqual([first, ...more]);
      expect(store.events(id, 2)).toEqual([more[1]]);
      expect(store.commandSeq(id, cmd, 'p3')).toBe(3);
    });

    it('[A3] a seq already taken is refused, and nothing of that append is kept', () => {
      const { store, id } = fresh();
      const cmd = randomUUID();
      expect(() => store.append(id, cmd, [event(id, 2, cmd), event(id, 1, cmd)])).toThrow(SeqConflictError);
      expect(store.events(id).map((e) => e.seq)).toEqual([1]);
      expect(store.commandSeq(id, cmd, 'p2')).toBeUndefined();
    });

    it('[A2] a command id is recorded once per sender', () => {
      const { store, id } = fresh();
      const cmd = randomUUID();
      store.append(id, cmd, [event(id, 2, cmd)], { sender: 'ada' });
      expect(() => store.append(id, cmd, [event(id, 3, cmd)], { sender: 'ada' })).toThrow(
        DuplicateCommandError,
      );
      expect(store.events(id).map((e) => e.seq)).toEqual([1, 2]);
      expect(store.commandSeq(id, cmd, 'ada')).toBe(2);
    });

    it("[A2] another sender's command with the same id is its own command, recorded beside the first", () => {
      const { store, id } = fresh();
      const cmd = randomUUID();
      store.append(id, cmd, [event(id, 2, cmd)], { sender: 'ada' });
      expect(store.commandSeq(id, cmd, 'ben')).toBeUndefined();
      store.append(id, cmd, [event(id, 3, cmd)], { sender: 'ben' });
      expect(store.events(id).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(store.commandSeq(id, cmd, 'ada')).toBe(2);
      expect(store.commandSeq(id, cmd, 'ben')).toBe(3);
      // Without a sender given, the author of the events is the sender.
      const own = randomUUID();
      store.append(id, own, [event(id, 4, own)]);
      expect(store.commandSeq(id, own, 'p4')).toBe(4);
      expect(store.commandSeq(id, own, 'ada')).toBeUndefined();
      expect(() => store.append(id, own, [{ ...event(id, 5, own), by: 'p4' }])).toThrow(
        DuplicateCommandError,
      );
    });

    it('[A7] the time of a meeting’s last event is read without its log; none for an unknown meeting', () => {
      const { store, id } = fresh();
      expect(store.lastEventAt(id)).toBe(1);
      const cmd = randomUUID();
      store.append(id, cmd, [event(id, 2, cmd), event(id, 3, cmd)]);
      expect(store.lastEventAt(id)).toBe(3);
      expect(store.lastEventAt(randomUUID())).toBeUndefined();
    });

    it('[S4] tokens are found by hash, with their meeting and role; a token rides in the same append', () => {
      const { store, id } = fresh();
      expect(store.tokenByHash(`hash-${id}`)).toEqual({
        meetingId: id,
        role: 'facilitator',
        participantId: null,
      });
      const cmd = randomUUID();
      store.append(id, cmd, [event(id, 2, cmd)], {
        token: { hash: 'p-hash', role: 'participant', participantId: 'p1' },
      });
      expect(store.tokenByHash('p-hash')).toEqual({
        meetingId: id,
        role: 'participant',
        participantId: 'p1',
      });
      expect(store.tokenByHash('nope')).toBeUndefined();
    });

    it('[S2] a joinId finds the token it minted, which is replaced, until the device comes back with it', () => {
      const { store, id } = fresh();
      const cmd = randomUUID();
      store.append(id, cmd, [event(id, 2, cmd)], {
        token: { hash: 'first', role: 'participant', participantId: 'p1', joinIdHash: 'join-1' },
      });
      expect(store.tokenByHash('first')).toEqual({
        meetingId: id,
        role: 'participant',
        participantId: 'p1',
        joinIdOpen: true,
      });
      // Another meeting, or another joinId, finds nothing.
      expect(store.reissueToken(randomUUID(), 'join-1', 'x')).toBeUndefined();
      expect(store.reissueToken(id, 'join-2', 'x')).toBeUndefined();
      // A retry: the lost token is replaced by the new one, for the same participant.
      expect(store.reissueToken(id, 'join-1', 'second')).toMatchObject({ participantId: 'p1' });
      expect(store.tokenByHash('first')).toBeUndefined();
      expect(store.tokenByHash('second')).toMatchObject({ participantId: 'p1', joinIdOpen: true });
      // Back with its token: the joinId is retired.
      store.confirmToken('second');
      expect(store.tokenByHash('second')).toEqual({
        meetingId: id,
        role: 'participant',
        participantId: 'p1',
      });
      expect(store.reissueToken(id, 'join-1', 'third')).toBeUndefined();
      expect(store.tokenByHash('second')).toBeDefined();
    });

    it('[A8] open meetings are listed until an append closes them; closed ones stay readable by code', () => {
      const { store, id } = fresh('QWERTY');
      expect(store.openMeetings().map((m) => m.id)).toEqual([id]);
      const close = randomUUID();
      store.append(id, close, [event(id, 2, close)], { status: { closedAt: 99 } });
      expect(store.openMeetings()).toEqual([]);
      expect(store.meetingByCode('QWERTY')).toMatchObject({ id, closedAt: 99 });
      expect(store.meetingById(id)?.code).toBe('QWERTY');
      // The first close is the one kept.
      const again = randomUUID();
      store.append(id, again, [event(id, 3, again)], { status: { closedAt: 120 } });
      expect(store.meetingById(id)?.closedAt).toBe(99);
      // A finished meeting that takes a new item is open again (M1).
      const reopen = randomUUID();
      store.append(id, reopen, [event(id, 4, reopen)], { status: { closedAt: null } });
      expect(store.openMeetings().map((m) => m.id)).toEqual([id]);
      // An append that says nothing of the status leaves it as it is.
      const plain = randomUUID();
      store.append(id, plain, [event(id, 5, plain)]);
      expect(store.meetingById(id)?.closedAt).toBeNull();
    });

    it("[A8] the status is written in its append's transaction: a refused append changes no status", () => {
      const { store, id } = fresh();
      const refused = randomUUID();
      expect(() =>
        store.append(id, refused, [event(id, 2, refused), event(id, 1, refused)], {
          status: { closedAt: 7 },
        }),
      ).toThrow(SeqConflictError);
      expect(store.openMeetings().map((m) => m.id)).toEqual([id]);
      const close = randomUUID();
      store.append(id, close, [event(id, 2, close)], { status: { closedAt: 8 } });
      const duplicate = randomUUID();
      store.append(id, duplicate, [event(id, 3, duplicate)]);
      expect(() =>
        store.append(id, duplicate, [event(id, 4, duplicate)], { status: { closedAt: null }, sender: 'p3' }),
      ).toThrow(DuplicateCommandError);
      expect(store.meetingById(id)?.closedAt).toBe(8);
    });
  });
  describe(`event store contract: ${engine}, creation`, () => {
    it('[A1] a meeting is created with the events recorded with it, under its first command', () => {
      const store = open();
      const id = randomUUID();
      const first = event(id, 1, randomUUID());
      const then = { ...event(id, 2, first.commandId) };
      store.createMeeting(
        { id, code: 'PREFIL', createdAt: 1, closedAt: null },
        first,
        {
          hash: `hash-${id}`,
          role: 'facilitator',
          participantId: null,
        },
        [then],
      );
      expect(store.events(id)).toEqual([first, then]);
      expect(store.commandSeq(id, first.commandId, 'facilitator')).toBe(2);
      store.close();
    });
  });
  describeCircleStoreContract(engine, open);
}

function event(meetingId: string, seq: number, commandId: string): MeetingEvent {
  return seq === 1
    ? {
        type: 'meeting.created',
        meetingId,
        code: 'ABCDEF',
        title: 'T',
        by: 'facilitator',
        seq,
        at: seq,
        commandId,
      }
    : {
        type: 'participant.joined',
        participantId: `p${seq}`,
        name: `P${seq}`,
        by: `p${seq}`,
        seq,
        at: seq,
        commandId,
      };
}
