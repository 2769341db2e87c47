/**
 * A6, C10: a sealed reaction or response reaches only its author and the facilitator until the
 * reveal; this is checked on the wire (every packet, every snapshot, every REST answer), not in
 * the view a well-behaved client would build.
 */
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { JoinResult } from '@circlewise/shared/protocol';
import { describe, expect, it } from 'vitest';
import { type TestClient, type TestServer, uuid } from '../support/server';
import { advance, client, itemView, ok, openMeeting, pid, settle, withServer } from './helpers';

let server: TestServer;

async function minutes(code: string, token?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/meetings/${code}/events`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

/** Everything a client was sent: its join snapshot and every broadcast, as one string. */
const wire = (c: TestClient, snapshot: unknown) => JSON.stringify([snapshot, c.received]);

// Both ways the store can commit: one transaction per command, or shared per event-loop turn.
describe.each([{ groupCommit: false }, { groupCommit: true }])(
  'per-recipient visibility, group commit $groupCommit',
  ({ groupCommit }) => {
    withServer({ set: (s) => (server = s), current: () => server }, { groupCommit });

    it('[A6] sealed responses never reach other participants before reveal', async () => {
      const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben', 'Cleo']);
      ok(
        await fac.command({
          type: 'proposal.edit',
          title: 'Budget',
          driver: 'Money left.',
          text: 'Spend it.',
        }),
      );
      await advance(fac, 'proposal');
      await advance(fac, 'clarifying');

      // reactions: each a unique text nobody else could guess.
      const reaction = new Map(participants.map((p) => [pid(p), `reaction-secret-${uuid()}`]));
      for (const p of participants)
        ok(await p.command({ type: 'reaction.give', text: reaction.get(pid(p))!, gesture: 'down' }));

      // A latecomer joins while the round is hidden: their snapshot holds no one's text.
      const late = client(server);
      const lateJoin = ok(await late.join(meeting.code, 'Late'));
      const snapshots = new Map<TestClient, unknown>([[late, lateJoin]]);
      const lateReaction = `reaction-secret-${uuid()}`;
      const lateAck = ok(await late.command({ type: 'reaction.give', text: lateReaction }));
      reaction.set(pid(late), lateReaction);
      const all = [...participants, late];
      await settle([fac, ...all], lateAck.seq);

      for (const p of all) {
        const seen = wire(p, snapshots.get(p));
        for (const [id, text] of reaction) {
          if (id === pid(p)) expect(seen).toContain(text);
          else expect(seen, `${p.view?.participants[pid(p)]?.name} saw ${id}'s reaction`).not.toContain(text);
        }
        for (const e of p.received.flat()) {
          if (e.type === 'reaction.given' && e.participantId !== pid(p)) {
            expect(e).not.toHaveProperty('text');
            expect(e).not.toHaveProperty('gesture');
          }
        }
      }
      const facWire = JSON.stringify(fac.received);
      for (const text of reaction.values()) expect(facWire).toContain(text);

      // The minutes over REST are filtered the same way.
      const adaMinutes = await minutes(meeting.code, participants[0]!.token);
      expect(adaMinutes.status).toBe(200);
      const adaText = JSON.stringify(adaMinutes.body);
      for (const [id, text] of reaction) {
        if (id === pid(participants[0]!)) expect(adaText).toContain(text);
        else expect(adaText).not.toContain(text);
      }
      const facMinutes = JSON.stringify((await minutes(meeting.code, meeting.facilitatorKey)).body);
      for (const text of reaction.values()) expect(facMinutes).toContain(text);

      // Reveal: now everyone has every text.
      const revealed = ok(await fac.command({ type: 'responses.reveal' }));
      await settle([fac, ...all], revealed.seq);
      for (const p of all) {
        const seen = wire(p, snapshots.get(p));
        for (const text of reaction.values()) expect(seen).toContain(text);
      }

      // objections: kinds and reasons sealed the same way.
      const advanced = await advance(fac, 'reactions');
      const objectionRound = all.map((p, i) => ({
        p,
        kind: (['objection', 'concern', 'consent', 'concern'] as const)[i]!,
        reason: i === 2 ? undefined : `response-secret-${uuid()}`,
      }));
      await settle([fac, ...all], advanced);
      const mark = new Map(all.map((p) => [p, p.received.length]));
      for (const { p, kind, reason } of objectionRound) {
        ok(await p.command({ type: 'response.give', kind, ...(reason !== undefined && { reason }) }));
      }
      const lastResponse = await fac.until(
        (v) => Object.keys(v.objectionRound.responses).length === all.length,
      );
      await settle(all, lastResponse.seq);

      // A second latecomer during the hidden objection round.
      const later = client(server);
      const laterJoin = ok(await later.join(meeting.code, 'Later'));
      expect(JSON.stringify(laterJoin)).not.toMatch(/response-secret-/);
      expect(
        Object.values(itemView(laterJoin.view).objectionRound.responses).every(
          (r) => r.hidden && r.kind === undefined,
        ),
      ).toBe(true);

      for (const p of all) {
        const packets = p.received.slice(mark.get(p));
        const seen = JSON.stringify(packets);
        const responses = packets
          .flat()
          .filter((e): e is Extract<MeetingEvent, { type: 'response.given' }> => e.type === 'response.given');
        expect(responses).toHaveLength(all.length);
        for (const e of responses) {
          if (e.participantId === pid(p)) expect(e.kind).toBeDefined();
          else {
            expect(e).not.toHaveProperty('kind');
            expect(e).not.toHaveProperty('reason');
          }
        }
        for (const { p: author, reason } of objectionRound) {
          if (reason === undefined) continue;
          if (author === p) expect(seen).toContain(reason);
          else expect(seen).not.toContain(reason);
        }
        // Resync is filtered too.
        const resynced = JSON.stringify(ok(await p.resync(advanced)));
        for (const { p: author, reason } of objectionRound) {
          if (reason !== undefined && author !== p) expect(resynced).not.toContain(reason);
        }
      }
      // The facilitator sees kinds and reasons as they come.
      const facResponses = fac.received.flat().filter((e) => e.type === 'response.given');
      expect(facResponses.map((e) => e.type === 'response.given' && e.kind)).toEqual(
        objectionRound.map((r) => r.kind),
      );
      for (const { reason } of objectionRound)
        if (reason !== undefined) expect(JSON.stringify(fac.received)).toContain(reason);

      const benMinutes = JSON.stringify((await minutes(meeting.code, participants[1]!.token)).body);
      for (const { p: author, reason } of objectionRound) {
        if (reason !== undefined) {
          if (author === participants[1]) expect(benMinutes).toContain(reason);
          else expect(benMinutes).not.toContain(reason);
        }
      }

      // Reveal: everyone, the latecomer included, gets every kind and reason.
      const shown = ok(await fac.command({ type: 'responses.reveal' }));
      await settle([fac, ...all, later], shown.seq);
      for (const p of [...all, later]) {
        const seen = JSON.stringify(p.received);
        for (const { reason } of objectionRound) if (reason !== undefined) expect(seen).toContain(reason);
        expect(p.view?.objectionRound.responses).toEqual(fac.view?.objectionRound.responses);
        expect(p.view?.objections).toEqual(fac.view?.objections);
      }
      const laterMinutes = JSON.stringify((await minutes(meeting.code, later.token)).body);
      for (const { reason } of objectionRound)
        if (reason !== undefined) expect(laterMinutes).toContain(reason);
    });

    it('[A6] a socket that switches identity stops receiving what the old one could see', async () => {
      const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
      const [ada, ben] = participants as [TestClient, TestClient];
      ok(await fac.command({ type: 'proposal.edit', title: 'Swap', driver: 'D', text: 'T' }));
      await advance(fac, 'proposal');
      await advance(fac, 'clarifying');

      // One device: first the facilitator console, then Ben's phone (joining again switches it).
      const shared = client(server, meeting.facilitatorKey);
      expect(ok(await shared.join(meeting.code)).role).toBe('facilitator');
      const secretOfAda = `ada-secret-${uuid()}`;
      ok(await ada.command({ type: 'reaction.give', text: secretOfAda }));
      const seenAsFacilitator = await shared.until((v) => v.reactions[pid(ada)]?.text === secretOfAda);
      expect(seenAsFacilitator.reactions[pid(ada)]?.hidden).toBe(false);

      // Joining again on the same socket switches it (docs/protocol.md): here to Ben's token.
      const switched = ok(
        (await shared.raw('meeting:join', {
          protocol: PROTOCOL_VERSION,
          code: meeting.code,
          token: ben.token,
        })) as JoinResult,
      );
      expect(switched).toMatchObject({ role: 'participant', participantId: pid(ben) });
      expect(JSON.stringify(switched)).not.toContain(secretOfAda);
      const mark = shared.received.length;

      const secondSecret = `ada-second-${uuid()}`;
      const replaced = ok(await ada.command({ type: 'reaction.give', text: secondSecret }));
      await settle([fac, ben], replaced.seq);
      await shared.until(() => shared.received.flat().some((e) => e.seq === replaced.seq));
      expect(JSON.stringify(shared.received.slice(mark))).not.toContain(secondSecret);
      expect(JSON.stringify(fac.received)).toContain(secondSecret);
      // As the facilitator it could reveal; as Ben it cannot.
      expect(await shared.command({ type: 'responses.reveal' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('[A6] the minutes over REST need a token of this meeting', async () => {
      const { meeting } = await openMeeting(server, ['Ada']);
      const other = await openMeeting(server, ['Ben']);
      for (const token of [
        undefined,
        '',
        'not-a-token',
        `${uuid()}${uuid()}`,
        other.meeting.facilitatorKey,
        other.participants[0]!.token,
      ]) {
        const { status, body } = await minutes(meeting.code, token);
        expect(status).toBe(401);
        expect(body).toMatchObject({ error: { code: 'bad_token', message: expect.any(String) } });
      }
      const basic = await fetch(`${server.url}/api/meetings/${meeting.code}/events`, {
        headers: { authorization: `Basic ${meeting.facilitatorKey}` },
      });
      expect(basic.status).toBe(401);
      // S8: an unknown code answers as a wrong token does, so neither says which was wrong.
      const unknown = await minutes('NOPE00', meeting.facilitatorKey);
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual((await minutes(meeting.code, other.participants[0]!.token)).body);
      // The code is typed loosely: case and dashes do not matter.
      const loose = `${meeting.code.slice(0, 3).toLowerCase()}-${meeting.code.slice(3)}`;
      const found = await minutes(loose, meeting.facilitatorKey);
      expect(found.status).toBe(200);
      expect((found.body as { events: MeetingEvent[] }).events.map((e) => e.seq)).toEqual([1, 2]);
    });
  },
);
