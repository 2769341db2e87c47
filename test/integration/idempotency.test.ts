/**
 * A2: a command carries a client-made id; a retry of that id (lost ack, reconnect, double tap)
 * returns the first result and records nothing new.
 */
import { describe, expect, it } from 'vitest';
import { type TestClient, type TestServer, uuid } from '../support/server';
import {
  advance,
  client,
  lastSeq,
  log,
  ok,
  openMeeting,
  pid,
  receivedEvents,
  settle,
  withServer,
} from './helpers';

let server: TestServer;

/** How many times a peer was sent an event made by this command. */
const deliveries = (peer: TestClient, commandId: string) =>
  receivedEvents(peer).filter((e) => e.commandId === commandId).length;

/**
 * Socket.IO keeps order per connection: once a peer has this later command's event, any broadcast
 * a duplicate might have caused has already arrived.
 */
async function fence(sender: TestClient, peers: TestClient[]): Promise<void> {
  const { seq } = ok(await sender.command({ type: 'question.ask', text: `fence ${uuid()}` }));
  await settle(peers, seq);
}

// Both ways the store can commit: one transaction per command, or shared per event-loop turn.
describe.each([{ groupCommit: false }, { groupCommit: true }])(
  'idempotent commands, group commit $groupCommit',
  ({ groupCommit }) => {
    withServer({ set: (s) => (server = s), current: () => server }, { groupCommit });

    it('[A2] the same command sent twice is recorded once', async () => {
      const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
      const [ada, ben] = participants as [TestClient, TestClient];
      ok(
        await fac.command({
          type: 'proposal.edit',
          title: 'Lunch',
          driver: 'We skip lunch.',
          text: 'Eat at 12.',
        }),
      );
      await advance(fac, 'proposal');

      // One after the other: the retry gets the first result, marked as a duplicate.
      const commandId = uuid();
      const first = await ada.command({ commandId, type: 'question.ask', text: 'Where do we eat?' });
      const retry = await ada.command({ commandId, type: 'question.ask', text: 'Where do we eat?' });
      expect(first).toEqual({ ok: true, seq: expect.any(Number), duplicate: false });
      expect(retry).toEqual({ ok: true, seq: ok(first).seq, duplicate: true });
      // A retry whose body differs (a client bug) is still the same command: nothing new.
      const changed = await ada.command({ commandId, type: 'question.ask', text: 'Somewhere else?' });
      expect(changed).toEqual({ ok: true, seq: ok(first).seq, duplicate: true });

      // Concurrently, as a double tap or a retry racing the first ack would send it.
      const racedId = uuid();
      const raced = await Promise.all([
        ada.command({ commandId: racedId, type: 'question.ask', text: 'Who pays?' }),
        ada.command({ commandId: racedId, type: 'question.ask', text: 'Who pays?' }),
        ada.command({ commandId: racedId, type: 'question.ask', text: 'Who pays?' }),
      ]);
      const racedSeq = ok(raced[0]).seq;
      expect(raced.map((r) => ok(r).seq)).toEqual([racedSeq, racedSeq, racedSeq]);
      expect(raced.filter((r) => ok(r).duplicate === false)).toHaveLength(1);

      // From a second connection of the same person (the phone reconnected before the ack came).
      const adaAgain = client(server, ada.token);
      ok(await adaAgain.join(meeting.code));
      const crossId = uuid();
      const cross = await Promise.all([
        ada.command({ commandId: crossId, type: 'question.ask', text: 'Vegetarian options?' }),
        adaAgain.command({ commandId: crossId, type: 'question.ask', text: 'Vegetarian options?' }),
      ]);
      expect(cross.map((r) => ok(r).seq)[0]).toBe(cross.map((r) => ok(r).seq)[1]);
      expect(cross.map((r) => ok(r).duplicate).sort()).toEqual([false, true]);

      // The log has each once, and the seqs are still contiguous.
      const events = log(server, meeting.meetingId);
      for (const id of [commandId, racedId, crossId]) {
        expect(events.filter((e) => e.commandId === id)).toHaveLength(1);
      }
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      const questions = events.filter((e) => e.type === 'question.asked');
      expect(questions.map((e) => e.type === 'question.asked' && e.text)).toEqual([
        'Where do we eat?',
        'Who pays?',
        'Vegetarian options?',
      ]);

      // Peers were told once.
      await fence(ada, [fac, ben, adaAgain]);
      for (const peer of [fac, ben]) {
        for (const id of [commandId, racedId, crossId]) expect(deliveries(peer, id)).toBe(1);
        expect(peer.view?.questions.filter((q) => !q.text.startsWith('fence'))).toHaveLength(3);
      }
    });

    it("[A2] two participants sending the same command id both get their command recorded; each one's resend gets its own first ack", async () => {
      const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
      const [ada, ben] = participants as [TestClient, TestClient];
      ok(await fac.command({ type: 'proposal.edit', title: 'Bikes', driver: 'No room.', text: 'Yard.' }));
      await advance(fac, 'proposal');

      // Ben sends with the id Ada used (seen in a broadcast, or drawn by a weak generator).
      const commandId = uuid();
      const first = ok(await ada.command({ commandId, type: 'question.ask', text: 'Which yard?' }));
      const second = ok(await ben.command({ commandId, type: 'question.ask', text: 'Covered?' }));
      expect(first.duplicate).toBe(false);
      expect(second).toEqual({ ok: true, seq: first.seq + 1, duplicate: false });
      // The facilitator too is a sender of their own.
      await settle([fac], second.seq);
      const questionId = fac.view?.questions[0]?.id ?? '';
      const third = ok(
        await fac.command({ commandId, type: 'question.answer', questionId, text: 'The back one.' }),
      );
      expect(third).toEqual({ ok: true, seq: first.seq + 2, duplicate: false });

      // Each resend is answered with that sender's own first result, and records nothing.
      expect(await ben.command({ commandId, type: 'question.ask', text: 'Covered?' })).toEqual({
        ...second,
        duplicate: true,
      });
      expect(await ada.command({ commandId, type: 'question.ask', text: 'Which yard?' })).toEqual({
        ...first,
        duplicate: true,
      });
      const events = log(server, meeting.meetingId).filter((e) => e.commandId === commandId);
      expect(events.map((e) => [e.type, e.by])).toEqual([
        ['question.asked', pid(ada)],
        ['question.asked', pid(ben)],
        ['question.answered', 'facilitator'],
      ]);
      await settle([fac, ada, ben], third.seq);
      expect(fac.view?.questions.map((q) => [q.text, q.answer?.text])).toEqual([
        ['Which yard?', 'The back one.'],
        ['Covered?', undefined],
      ]);
    });

    it('[A2] a retry after the meeting moved on still returns the first result, not a refusal', async () => {
      const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
      const [ada, ben] = participants as [TestClient, TestClient];
      ok(
        await fac.command({ type: 'proposal.edit', title: 'Desk', driver: 'Cramped.', text: 'Move desks.' }),
      );

      const advanceId = uuid();
      const moved = ok(await fac.command({ commandId: advanceId, type: 'stage.advance', from: 'proposal' }));
      const questionId = uuid();
      const asked = ok(
        await ada.command({ commandId: questionId, type: 'question.ask', text: 'Which desks?' }),
      );
      await advance(fac, 'clarifying');
      const before = lastSeq(server, meeting.meetingId);

      // The facilitator's retry would be stale, and Ada's question is no longer asked for: both are
      // recognised as already recorded.
      expect(await fac.command({ commandId: advanceId, type: 'stage.advance', from: 'proposal' })).toEqual({
        ok: true,
        seq: moved.seq,
        duplicate: true,
      });
      expect(
        await ada.command({ commandId: questionId, type: 'question.ask', text: 'Which desks?' }),
      ).toEqual({
        ok: true,
        seq: asked.seq,
        duplicate: true,
      });
      expect(lastSeq(server, meeting.meetingId)).toBe(before);
      await settle([fac, ada, ben], before);
      expect(ben.view?.stage).toBe('reactions');
    });
  },
);
