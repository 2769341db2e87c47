/**
 * A1, A8: what was acknowledged is on disk; a server stopped and started on the same file
 * rebuilds the meeting from its log and carries on as if nothing happened.
 */
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import type { CommandResult } from '@circlewise/shared/protocol';
import { describe, expect, it } from 'vitest';
import { type TestClient, type TestServer, uuid } from '../support/server';
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
  serverMeeting,
  settle,
  withServer,
} from './helpers';

let server: TestServer;

// Both ways the store can commit: one transaction per command, or shared per event-loop turn.
describe.each([{ groupCommit: false }, { groupCommit: true }])(
  'restart, group commit $groupCommit',
  ({ groupCommit }) => {
    withServer({ set: (s) => (server = s), current: () => server }, { perTest: true, groupCommit });

    it('[A1][A8] the server is stopped and started mid-meeting and every acknowledged submission is still there, stage intact', async () => {
      const names = ['Ada', 'Ben', 'Cleo', 'Dev'];
      const { meeting, facilitator: fac, participants } = await openMeeting(server, names);
      const [ada, ben, cleo, dev] = participants as [TestClient, TestClient, TestClient, TestClient];
      const tokens = new Map(participants.map((p) => [pid(p), p.token]));

      // Every acknowledged command, with the id it was sent under.
      const acked: Array<{ commandId: string; seq: number }> = [];
      async function send(c: TestClient, command: Parameters<TestClient['command']>[0]): Promise<number> {
        const commandId = uuid();
        const result: CommandResult = await c.command({ ...command, commandId });
        const { seq } = ok(result);
        acked.push({ commandId, seq });
        return seq;
      }

      await send(fac, {
        type: 'proposal.edit',
        title: 'Garden',
        driver: 'The yard is bare.',
        text: 'Plant a garden.',
      });
      await send(fac, { type: 'stage.advance', from: 'proposal' });
      await send(ada, { type: 'question.ask', text: 'Vegetables or flowers?' });
      await send(fac, { type: 'stage.advance', from: 'clarifying' });
      for (const p of participants)
        await send(p, { type: 'reaction.give', text: `${p === ada ? 'Yes' : 'Fine'} from ${pid(p)}` });
      await send(fac, { type: 'responses.reveal' });
      await send(fac, { type: 'stage.advance', from: 'reactions' });
      // Mid-objections: some have responded (sealed), one has not.
      await send(ada, { type: 'response.give', kind: 'consent' });
      await send(ben, { type: 'response.give', kind: 'objection', reason: 'Who weeds it in August?' });
      // The last one is acked and nothing waits for a broadcast: the restart comes right after.
      const lastAck = await send(cleo, { type: 'response.give', kind: 'concern', reason: 'Water bills.' });

      const beforeView = server.app.meetings.get(meeting.meetingId)!.view;
      expect(beforeView.seq).toBe(lastAck);
      const beforeLog = log(server, meeting.meetingId);

      // Stop; start a new app on the same file.
      server = await server.restart();
      expect(server.app.meetings.count()).toBe(1);

      // Every acknowledged command is there under its seq, and the rebuilt view is the old one.
      const afterLog = log(server, meeting.meetingId);
      expect(afterLog).toEqual(beforeLog);
      for (const { commandId, seq } of acked) {
        expect(afterLog.find((e) => e.seq === seq)?.commandId).toBe(commandId);
      }
      const rebuilt = serverMeeting(server, meeting.meetingId, { role: 'facilitator' });
      expect(rebuilt).toEqual(beforeView);
      expect(rebuilt).toEqual(reduceMeetingLog(afterLog));
      expect(itemView(rebuilt).stage).toBe('objections');

      // Everyone rejoins with the same secrets: same people, same stage, sealed still sealed (A6).
      const fac2 = client(server, meeting.facilitatorKey);
      expect(ok(await fac2.join(meeting.code)).role).toBe('facilitator');
      expect(fac2.meeting).toEqual(beforeView);
      const again = new Map<string, TestClient>();
      for (const [id, token] of tokens) {
        const c = client(server, token);
        const joined = ok(await c.join(meeting.code));
        expect(joined.participantId).toBe(id);
        expect(itemView(joined.view).stage).toBe('objections');
        expect(joined.view).toEqual(serverMeeting(server, meeting.meetingId, asViewer(c)));
        again.set(id, c);
      }
      const [ada2, ben2, cleo2, dev2] = [ada, ben, cleo, dev].map((p) => again.get(pid(p))!) as [
        TestClient,
        TestClient,
        TestClient,
        TestClient,
      ];
      expect(Object.keys(fac2.view!.participants)).toHaveLength(4);
      expect(fac2.view?.objectionRound.responses[pid(ben)]).toMatchObject({ kind: 'objection' });
      expect(ada2.view?.objectionRound.responses[pid(ben)]).toMatchObject({ hidden: true });
      expect(ada2.view?.objectionRound.responses[pid(ben)]?.kind).toBeUndefined();
      expect(cleo2.view?.objectionRound.responses[pid(cleo)]).toMatchObject({
        kind: 'concern',
        reason: 'Water bills.',
      });
      // Reactions were revealed before the restart and stay revealed.
      expect(dev2.view?.reactions[pid(ada)]).toMatchObject({ hidden: false, text: `Yes from ${pid(ada)}` });

      // A2 survives the restart: a retry of an acknowledged command records nothing.
      const retried = acked.at(-1)!;
      expect(
        await cleo2.command({
          commandId: retried.commandId,
          type: 'response.give',
          kind: 'concern',
          reason: 'Water bills.',
        }),
      ).toEqual({ ok: true, seq: retried.seq, duplicate: true });
      expect(lastSeq(server, meeting.meetingId)).toBe(lastAck);

      // The meeting continues to adoption.
      ok(await dev2.command({ type: 'response.give', kind: 'consent' }));
      ok(await fac2.command({ type: 'responses.reveal' }));
      const objection = (await fac2.until((v) => v.objections.length === 1)).objections[0]!;
      expect(objection).toMatchObject({ participantId: pid(ben), status: 'raised' });
      ok(await fac2.command({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }));
      expectError(await fac2.command({ type: 'stage.advance', from: 'objections' }), 'not_allowed');
      ok(
        await fac2.command({
          type: 'proposal.amend',
          text: 'Plant a garden; a weeding rota covers the summer.',
          resolves: [objection.id],
        }),
      );
      for (const p of [ada2, ben2, cleo2, dev2])
        ok(await p.command({ type: 'response.give', kind: 'consent' }));
      ok(await fac2.command({ type: 'responses.reveal' }));
      await advance(fac2, 'objections');
      for (const p of [ada2, ben2, cleo2, dev2])
        ok(await p.command({ type: 'response.give', kind: 'consent' }));
      const adopted = ok(
        await fac2.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-09-01' }),
      );
      const everyone = [fac2, ada2, ben2, cleo2, dev2];
      await settle(everyone, adopted.seq);
      for (const c of everyone) {
        expect(c.view?.outcome).toMatchObject({ outcome: 'adopted', version: 2, reviewDate: '2030-09-01' });
        expect(c.view).toEqual(fac2.view);
      }
      expect(fac2.view?.concerns.map((c) => c.reason)).toEqual(['Water bills.']);

      const events = log(server, meeting.meetingId);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));

      // A closed meeting is not rebuilt on start, but its log is all there and it can be read.
      server = await server.restart();
      expect(server.app.meetings.count()).toBe(0);
      expect(log(server, meeting.meetingId)).toEqual(events);
      const late = client(server, meeting.facilitatorKey);
      expect(ok(await late.join(meeting.code)).view).toEqual(reduceMeetingLog(events));
      expectError(await client(server).join(meeting.code, 'Latecomer'), 'meeting_closed');
    });

    it('[A8] several open meetings are all rebuilt, each with its own log', async () => {
      const first = await openMeeting(server, ['Ada']);
      const second = await openMeeting(server, ['Ben', 'Cleo']);
      ok(await first.facilitator.command({ type: 'proposal.edit', title: 'One', driver: 'D1', text: 'T1' }));
      ok(await second.facilitator.command({ type: 'proposal.edit', title: 'Two', driver: 'D2', text: 'T2' }));
      await advance(second.facilitator, 'proposal');
      const views = [first, second].map((m) => server.app.meetings.get(m.meeting.meetingId)!.view);

      server = await server.restart();
      expect(server.app.meetings.count()).toBe(2);
      expect(serverMeeting(server, first.meeting.meetingId, { role: 'facilitator' })).toEqual(views[0]);
      expect(serverMeeting(server, second.meeting.meetingId, { role: 'facilitator' })).toEqual(views[1]);
      const ben = client(server, second.participants[0]!.token);
      expect(itemView(ok(await ben.join(second.meeting.code)).view).stage).toBe('clarifying');
      // Ben's token is bound to the second meeting only.
      expectError(await client(server, second.participants[0]!.token).join(first.meeting.code), 'bad_token');
    });
  },
);
