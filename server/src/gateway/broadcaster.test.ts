/**
 * The broadcast throttle and its visibility per batch (A3 order, A6), with a fake Socket.IO.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Broadcaster, CHUNK, type Emitter, sendEvents } from './broadcaster';

const rooms = {
  meeting: (m: string) => `m:${m}`,
  facilitators: (m: string) => `m:${m}:f`,
  participant: (m: string, p: string) => `m:${m}:p:${p}`,
};

/** Sockets by id with their rooms; records what each socket received. */
function fakeIo(members: Record<string, string[]>) {
  const got = new Map<string, MeetingEvent[][]>();
  const roomMap = new Map<string, Set<string>>();
  for (const [id, rs] of Object.entries(members))
    for (const r of [id, ...rs]) roomMap.set(r, new Set([...(roomMap.get(r) ?? []), id]));
  const deliver = (to: string[], except: string[], events: MeetingEvent[]) => {
    const out = new Set(except.flatMap((r) => [...(roomMap.get(r) ?? [])]));
    const ids = new Set(to.flatMap((r) => [...(roomMap.get(r) ?? [])]));
    for (const id of ids) if (!out.has(id)) got.set(id, [...(got.get(id) ?? []), events]);
  };
  const io: Emitter = {
    to: (room) => {
      const to = Array.isArray(room) ? room : [room];
      return {
        emit: (_e, events) => deliver(to, [], events),
        except: (ex) => ({ emit: (_e, events) => deliver(to, Array.isArray(ex) ? ex : [ex], events) }),
      };
    },
    sockets: { adapter: { rooms: roomMap } },
  };
  return { io, got };
}

const reaction = (seq: number, participantId: string): MeetingEvent => ({
  type: 'reaction.given',
  participantId,
  version: 1,
  sealed: true,
  text: `secret of ${participantId}`,
  by: participantId,
  seq,
  at: 0,
  commandId: `c${seq}`,
});
const stage = (seq: number): MeetingEvent => ({
  type: 'stage.changed',
  from: 'clarifying',
  to: 'reactions',
  reason: 'advance',
  by: 'facilitator',
  seq,
  at: 0,
  commandId: `c${seq}`,
});

describe('sendEvents: visibility per batch (A6)', () => {
  it('[A6] each author sees only their own sealed events whole; the facilitator all; others none', () => {
    const { io, got } = fakeIo({
      f: ['m:1', 'm:1:f'],
      a: ['m:1', 'm:1:p:a'],
      b: ['m:1', 'm:1:p:b'],
      c: ['m:1', 'm:1:p:c'],
    });
    sendEvents(io, rooms, '1', [reaction(5, 'a'), reaction(6, 'b')]);
    const texts = (id: string) =>
      got
        .get(id)
        ?.flat()
        .map((e) => ('text' in e ? e.text : undefined));
    expect(texts('f')).toEqual(['secret of a', 'secret of b']);
    expect(texts('a')).toEqual(['secret of a', undefined]);
    expect(texts('b')).toEqual([undefined, 'secret of b']);
    expect(texts('c')).toEqual([undefined, undefined]);
    for (const id of ['f', 'a', 'b', 'c']) expect(got.get(id)).toHaveLength(1);
  });

  it('sends a big room in slices of CHUNK, one per turn, and everyone gets it once', async () => {
    const phones: Record<string, string[]> = {};
    for (let i = 0; i < CHUNK * 2 + 10; i++) phones[`s${i}`] = ['m:1'];
    const { io, got } = fakeIo(phones);
    const done = vi.fn();
    sendEvents(io, rooms, '1', [stage(3)], done);
    expect(got.size).toBe(CHUNK);
    expect(done).not.toHaveBeenCalled();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(got.size).toBe(CHUNK * 2 + 10);
    expect([...got.values()].every((v) => v.length === 1)).toBe(true);
    expect(done).toHaveBeenCalledOnce();
  });
});

describe('Broadcaster: throttle per meeting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = (windowMs: number) => {
    const sent: Array<{ meetingId: string; seqs: number[] }> = [];
    const b = new Broadcaster(
      (meetingId, events, done) => {
        sent.push({ meetingId, seqs: events.map((e) => e.seq) });
        done?.();
      },
      windowMs,
      () => Date.now(),
    );
    return { b, sent };
  };

  it('window 0: every broadcast at once', () => {
    const { b, sent } = make(0);
    b.broadcast('1', [reaction(2, 'a')]);
    b.broadcast('1', [reaction(3, 'b')]);
    expect(sent).toEqual([
      { meetingId: '1', seqs: [2] },
      { meetingId: '1', seqs: [3] },
    ]);
  });

  it('[A3] a quiet meeting sends at once; a busy one batches the window, in seq order', () => {
    const { b, sent } = make(40);
    b.broadcast('1', [reaction(2, 'a')]);
    expect(sent).toHaveLength(1);
    b.broadcast('1', [reaction(3, 'b')]);
    b.broadcast('1', [reaction(4, 'c')]);
    b.broadcast('2', [reaction(7, 'x')]);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(40);
    expect(sent).toEqual([
      { meetingId: '1', seqs: [2] },
      { meetingId: '2', seqs: [7] },
      { meetingId: '1', seqs: [3, 4] },
    ]);
  });

  it('a big room waits longer between batches, in proportion, up to 4×', () => {
    const sent: number[][] = [];
    let size = 1000;
    const b = new Broadcaster(
      (_m, events, done) => {
        sent.push(events.map((e) => e.seq));
        done?.();
      },
      40,
      () => Date.now(),
      () => size,
    );
    b.broadcast('1', [reaction(2, 'a')]);
    b.broadcast('1', [reaction(3, 'b')]);
    vi.advanceTimersByTime(159);
    expect(sent).toEqual([[2]]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[2], [3]]);
    size = 100;
    vi.advanceTimersByTime(40);
    b.broadcast('1', [reaction(4, 'c')]);
    b.broadcast('1', [reaction(5, 'd')]);
    vi.advanceTimersByTime(40);
    expect(sent).toEqual([[2], [3], [4], [5]]);
  });

  it('a facilitator’s event is never held back, and takes what waited with it', () => {
    const { b, sent } = make(40);
    b.broadcast('1', [reaction(2, 'a')]);
    b.broadcast('1', [reaction(3, 'b')]);
    b.broadcast('1', [stage(4)]);
    expect(sent).toEqual([
      { meetingId: '1', seqs: [2] },
      { meetingId: '1', seqs: [3, 4] },
    ]);
  });
});
