/**
 * A4: what one submission costs on the wire does not grow with the meeting. The bytes each screen
 * receives for it (its `meeting:events` packet) and the sender's ack are counted on the raw
 * websocket frames, once in a meeting with ~10 earlier events and once in one with ~1,000. Only
 * the digits of the seq may differ; every id has a fixed length, and the clock reads the same
 * number of digits.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import { describe, expect, it } from 'vitest';
import type { TestClient, TestServer } from '../support/server';
import { advance, lastSeq, ok, openMeeting, settle, withServer } from './helpers';

let server: TestServer;

withServer({ set: (s) => (server = s), current: () => server });

/** Every socket.io packet a client's engine received, as its frame's text (engine type byte left off). */
const frames = new Map<TestClient, string[]>();

function tap(c: TestClient): void {
  const seen: string[] = [];
  frames.set(c, seen);
  c.socket.io.engine.on('packet', (packet) => {
    if (packet.type === 'message' && typeof packet.data === 'string') seen.push(packet.data);
  });
}

/** The packets a client received since `from`. */
const since = (c: TestClient, from: number): string[] => (frames.get(c) ?? []).slice(from);

const bytes = (frame: string): number => Buffer.byteLength(frame) + 1;

/** The frame with every seq's digits left out: the one number that legitimately grows. */
const withoutSeq = (frame: string): string => frame.replace(/"seq":\d+/g, '"seq":');

/** The frame with what differs from meeting to meeting by value but not by size blanked out. */
const shape = (frame: string): string =>
  withoutSeq(frame)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/"at":\d{13}/g, '"at":<time>');

interface Measured {
  seq: number;
  /** The ack frame the sender received. */
  ack: string;
  /** Per receiver (by name), the one `meeting:events` frame it received for the submission. */
  events: Record<string, string>;
}

/**
 * Sends one command and collects what crossed the wire for it: the sender's ack, and the
 * `meeting:events` packet of every receiver (the sender included). Nothing else may arrive.
 */
async function measure(
  sender: TestClient,
  command: Parameters<TestClient['command']>[0],
  receivers: Record<string, TestClient>,
): Promise<Measured> {
  const everyone = [...new Set([sender, ...Object.values(receivers)])];
  const marks = new Map(everyone.map((c) => [c, frames.get(c)?.length ?? 0]));
  const { seq } = ok(await sender.command(command));
  await settle(everyone, seq);
  const acks = since(sender, marks.get(sender)!).filter((f) => /^3\d/.test(f));
  expect(acks).toHaveLength(1);
  const events: Record<string, string> = {};
  for (const [name, c] of Object.entries(receivers)) {
    const got = since(c, marks.get(c)!).filter((f) => !/^3\d/.test(f));
    // One packet for the one submission, and nothing besides it (no presence, no snapshot).
    expect(got, name).toHaveLength(1);
    expect(got[0]!.startsWith('2["meeting:events",'), name).toBe(true);
    const sent = JSON.parse(got[0]!.slice(1))[1] as MeetingEvent[];
    expect(
      sent.map((e) => e.seq),
      name,
    ).toEqual([seq]);
    events[name] = got[0]!;
  }
  return { seq, ack: acks[0]!, events };
}

/**
 * A decision in clarifying questions whose log has `earlier` events, then one question asked and,
 * in the reactions round, one (sealed) reaction given by Ada, measured. Ada's socket sends the
 * same messages in both meetings (so its ack ids match); Filler1 and Filler2 make the history.
 */
async function submissionsAfter(earlier: number): Promise<{ question: Measured; reaction: Measured }> {
  const { meeting, facilitator, participants } = await openMeeting(server, [
    'Ada',
    'Watcher',
    'Filler1',
    'Filler2',
  ]);
  const [ada, watcher, filler1, filler2] = participants as [TestClient, TestClient, TestClient, TestClient];
  const everyone = [facilitator, ...participants];
  for (const c of everyone) tap(c);
  ok(
    await facilitator.command({
      type: 'proposal.edit',
      title: 'Garden',
      driver: 'Bare yard.',
      text: 'Plant.',
    }),
  );
  await advance(facilitator, 'proposal');

  // The history: questions, each sender waiting for its ack before the next (as a phone does;
  // two phones at a time, never near the per-socket rate limit of S5).
  const toFill = earlier - lastSeq(server, meeting.meetingId);
  const ask = async (c: TestClient, n: number) => {
    for (let i = 0; i < n; i++) ok(await c.command({ type: 'question.ask', text: `Question ${i}?` }));
  };
  await Promise.all([ask(filler1, Math.ceil(toFill / 2)), ask(filler2, Math.floor(toFill / 2))]);
  expect(lastSeq(server, meeting.meetingId)).toBe(earlier);
  await settle(everyone, earlier);

  const receivers = { facilitator, ada, watcher };
  const question = await measure(ada, { type: 'question.ask', text: 'Who waters it?' }, receivers);
  expect(question.seq).toBe(earlier + 1);
  await advance(facilitator, 'clarifying');
  await settle(everyone, question.seq + 1);
  const reaction = await measure(ada, { type: 'reaction.give', text: 'Glad of it.' }, receivers);
  return { question, reaction };
}

describe('[A4] bytes per submission', () => {
  it('[A4] the bytes emitted for one submission are the same after 10 and after 1,000 earlier events in the meeting', async () => {
    const small = await submissionsAfter(10);
    const big = await submissionsAfter(1000);

    for (const kind of ['question', 'reaction'] as const) {
      const [s, b] = [small[kind], big[kind]];
      // The seq does go from two digits to four: that is the only growth allowed.
      expect(String(s.seq)).toHaveLength(2);
      expect(String(b.seq)).toHaveLength(4);

      expect(shape(b.ack), `${kind} ack`).toBe(shape(s.ack));
      expect(bytes(withoutSeq(b.ack)), `${kind} ack bytes`).toBe(bytes(withoutSeq(s.ack)));
      expect(bytes(b.ack) - bytes(s.ack), `${kind} ack bytes`).toBe(2);

      expect(Object.keys(b.events)).toEqual(Object.keys(s.events));
      for (const name of Object.keys(s.events)) {
        const [se, be] = [s.events[name]!, b.events[name]!];
        expect(shape(be), `${kind} to ${name}`).toBe(shape(se));
        expect(bytes(withoutSeq(be)), `${kind} bytes to ${name}`).toBe(bytes(withoutSeq(se)));
        // One event, one seq in it.
        expect(bytes(be) - bytes(se), `${kind} bytes to ${name}`).toBe(2);
      }
    }
    // The sealed reaction went whole to its author and the facilitator, redacted to the watcher.
    expect(big.reaction.events.watcher).not.toContain('Glad of it.');
    expect(big.reaction.events.facilitator).toContain('Glad of it.');
    expect(big.reaction.events.ada).toContain('Glad of it.');
  });
});
