/**
 * A whole consent decision through the real server: a facilitator and five phones, every stage,
 * one objection integrated by an amendment, and every screen ending on the same meeting.
 */
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import type { TestClient, TestServer } from '../support/server';
import {
  advance,
  asViewer,
  client,
  expectError,
  itemView,
  lastSeq,
  log,
  ok,
  openMeeting,
  pid,
  serverView,
  settle,
  withServer,
} from './helpers';

type Five = [TestClient, TestClient, TestClient, TestClient, TestClient];

let server: TestServer;

// Both ways the store can commit: one transaction per command, or shared per event-loop turn.
describe.each([{ groupCommit: false }, { groupCommit: true }])(
  'consent decision end to end, group commit $groupCommit',
  ({ groupCommit }) => {
    withServer({ set: (s) => (server = s), current: () => server }, { groupCommit });

    it('[C1–C10] a facilitator and five participants run a whole decision; one objection is integrated by an amendment', async () => {
      const {
        meeting,
        facilitator: fac,
        participants,
      } = await openMeeting(server, ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli'], 'Four-day week');
      const [ada, ben, cleo, dev, eli] = participants as Five;
      const everyone = [fac, ...participants];
      const sync = () => settle(everyone, lastSeq(server, meeting.meetingId));

      // proposal: the facilitator writes version 1 and presents it (C1).
      ok(
        await fac.command({
          type: 'proposal.edit',
          title: 'Four-day week',
          driver: 'People are tired on Fridays and the work suffers.',
          text: 'We work Monday to Thursday for three months.',
        }),
      );
      await advance(fac, 'proposal');
      await sync();
      expect(ada.view?.stage).toBe('clarifying');
      expect(ada.view?.versions).toHaveLength(1);
      expect(ada.view?.versions[0]?.text).toBe('We work Monday to Thursday for three months.');

      // clarifying: a question is asked and answered, against version 1.
      const asked = ok(await ada.command({ type: 'question.ask', text: 'Which day do we keep free?' }));
      await fac.until((v) => v.seq >= asked.seq);
      const question = fac.view?.questions[0];
      expect(question).toMatchObject({ participantId: pid(ada), version: 1 });
      ok(await fac.command({ type: 'question.answer', questionId: question!.id, text: 'Friday.' }));
      // C3: a reaction is not asked for yet.
      expectError(await ben.command({ type: 'reaction.give', text: 'Too early' }), 'wrong_stage');

      // C1: forward, back one stage (recorded), forward again.
      await advance(fac, 'clarifying');
      ok(await fac.command({ type: 'stage.back', from: 'reactions' }));
      await advance(fac, 'clarifying');
      await sync();
      expect(ada.view?.questions[0]?.answer?.text).toBe('Friday.');
      const moves = log(server, meeting.meetingId).filter((e) => e.type === 'stage.changed');
      expect(moves.map((e) => e.type === 'stage.changed' && [e.from, e.to, e.reason])).toEqual([
        ['proposal', 'clarifying', 'advance'],
        ['clarifying', 'reactions', 'advance'],
        ['reactions', 'clarifying', 'back'],
        ['clarifying', 'reactions', 'advance'],
      ]);

      // reactions: hidden from other participants until revealed (C10).
      const reactionText = new Map(participants.map((p, i) => [pid(p), `Reaction number ${i + 1}`]));
      for (const p of participants) {
        ok(await p.command({ type: 'reaction.give', text: reactionText.get(pid(p))!, gesture: 'up' }));
      }
      await sync();
      for (const p of participants) {
        for (const [id, text] of reactionText) {
          const r = p.view?.reactions[id];
          if (id === pid(p)) expect(r).toMatchObject({ hidden: false, text, gesture: 'up' });
          else {
            expect(r).toMatchObject({ hidden: true });
            expect(r?.text).toBeUndefined();
            expect(r?.gesture).toBeUndefined();
          }
        }
      }
      for (const [id, text] of reactionText) {
        expect(fac.view?.reactions[id]).toMatchObject({ hidden: false, text });
      }
      ok(await fac.command({ type: 'responses.reveal' }));
      await sync();
      for (const p of participants) {
        expect(p.view?.reactionsRevealed).toBe(true);
        for (const [id, text] of reactionText) {
          expect(p.view?.reactions[id]).toMatchObject({ hidden: false, text, gesture: 'up' });
        }
      }

      // objections: everyone at once; one objection, one concern (C4 needs a reason).
      await advance(fac, 'reactions');
      expectError(await ben.command({ type: 'response.give', kind: 'objection' }), 'reason_required');
      const objectionReason = 'Clients call on Fridays and nobody would answer.';
      const concernReason = 'Three months may be too short to tell.';
      ok(await ben.command({ type: 'response.give', kind: 'objection', reason: objectionReason }));
      ok(await cleo.command({ type: 'response.give', kind: 'concern', reason: concernReason }));
      for (const p of [ada, dev, eli]) ok(await p.command({ type: 'response.give', kind: 'consent' }));
      await sync();
      // Hidden until revealed: Ada sees that Ben responded, not what.
      expect(ada.view?.objectionRound.responses[pid(ben)]).toMatchObject({ hidden: true });
      expect(ada.view?.objectionRound.responses[pid(ben)]?.kind).toBeUndefined();
      expect(ada.view?.objections).toEqual([]);
      // C6: an objection still hidden blocks consent.
      expectError(await fac.command({ type: 'stage.advance', from: 'objections' }), 'not_allowed');

      ok(await fac.command({ type: 'responses.reveal' }));
      await sync();
      const objection = fac.view?.objections[0];
      expect(fac.view?.objections).toHaveLength(1);
      expect(objection).toMatchObject({ participantId: pid(ben), reason: objectionReason, status: 'raised' });
      expect(fac.view?.concerns).toMatchObject([
        { participantId: pid(cleo), reason: concernReason, source: 'response' },
      ]);
      for (const p of participants) expect(p.view?.objections).toEqual(fac.view?.objections);

      // The facilitator tests it: it qualifies; consent stays blocked while it is open (C6).
      ok(await fac.command({ type: 'objection.test', objectionId: objection!.id, verdict: 'qualifies' }));
      await sync();
      expect(ben.view?.objections[0]?.status).toBe('qualified');
      const blocked = expectError(
        await fac.command({ type: 'stage.advance', from: 'objections' }),
        'not_allowed',
      );
      expect(blocked.message).toContain('Ben');

      // Amending resolves it with version 2; the rounds start again on version 2 (C5, C8).
      ok(
        await fac.command({
          type: 'proposal.amend',
          text: 'We work Monday to Thursday for three months; one person covers Fridays in turn.',
          resolves: [objection!.id],
        }),
      );
      await sync();
      for (const c of everyone) {
        expect(c.view?.versions.map((v) => v.version)).toEqual([1, 2]);
        expect(c.view?.stage).toBe('objections');
        expect(c.view?.objectionRound).toEqual({ version: 2, revealed: false, responses: {} });
        expect(c.view?.objections[0]).toMatchObject({ status: 'resolved', resolvedBy: 2 });
        // Questions and reactions keep the version they were given against (C5).
        expect(c.view?.questions[0]?.version).toBe(1);
      }

      // Participants are asked again, on version 2: all but Eli answer, each with no objection.
      for (const p of participants.filter((p) => p !== eli)) {
        ok(await p.command({ type: 'response.give', kind: 'consent' }));
      }
      ok(await fac.command({ type: 'responses.reveal' }));
      await advance(fac, 'objections');
      await sync();
      expect(ada.view?.stage).toBe('consent');

      // consent: C7 needs every present participant's consent to the current version; a "no
      // objection" to version 2 carries over (Ada and Ben confirm theirs), Eli gave none.
      for (const p of [ada, ben]) ok(await p.command({ type: 'response.give', kind: 'consent' }));
      const waiting = expectError(
        await fac.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2031-03-01' }),
        'not_allowed',
      );
      expect(waiting.message).toContain('Eli');
      ok(await eli.command({ type: 'response.give', kind: 'consent' }));
      const adopted = ok(
        await fac.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2031-03-01' }),
      );
      await settle(everyone, adopted.seq);

      // Every screen converges on the facilitator's view, which is the server's (A5).
      const final = fac.view!;
      expect(final.seq).toBe(adopted.seq);
      expect(final.stage).toBe('outcome');
      expect(final.outcome).toMatchObject({ outcome: 'adopted', version: 2, reviewDate: '2031-03-01' });
      expect(final.objections).toEqual([
        expect.objectContaining({ id: objection!.id, status: 'resolved', resolvedBy: 2 }),
      ]);
      expect(final.concerns).toEqual([
        expect.objectContaining({ participantId: pid(cleo), reason: concernReason, version: 1 }),
      ]);
      expect(final).toEqual(serverView(server, meeting.meetingId, { role: 'facilitator' }));
      for (const p of participants) {
        expect(p.view).toEqual(final);
        expect(p.view).toEqual(serverView(server, meeting.meetingId, asViewer(p)));
      }

      // The log: contiguous seqs 1..N, and the reducer over it is the view everyone holds.
      const events = log(server, meeting.meetingId);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      expect(events.at(-1)?.seq).toBe(final.seq);
      expect(itemView(reduceMeetingLog(events))).toEqual(final);

      // The decision is finished: nothing more is accepted (and nobody new joins).
      expectError(await ada.command({ type: 'response.give', kind: 'consent' }), 'meeting_closed');
      expectError(await client(server).join(meeting.code, 'Latecomer'), 'meeting_closed');
      expect(log(server, meeting.meetingId)).toEqual(events);
    });
  },
);
