/**
 * O1–O3 over real sockets: a shuffled order that a restarted server keeps as drawn, and a
 * speaking queue every screen sees in the same order.
 */
import type { DecisionView } from '@circlewise/shared/decision';
import type { RoundView } from '@circlewise/shared/round';
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

describe('turns and the speaking queue over real sockets', () => {
  withServer({ set: (s) => (server = s), current: () => server }, { perTest: true });

  it('[O3] hands raised from phones reach every screen in order; a call takes the first out; leaving lowers a hand', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ana', 'Ben', 'Cleo']);
    const [ana, ben, cleo] = participants as [TestClient, TestClient, TestClient];
    ok(await fac.command({ type: 'proposal.edit', commandId: uuid(), title: 'T', driver: 'D', text: 'P' }));
    await advance(fac, 'proposal');
    ok(await cleo.command({ type: 'hand.raise', commandId: uuid() }));
    ok(await ana.command({ type: 'hand.raise', commandId: uuid() }));
    ok(await ben.command({ type: 'hand.raise', commandId: uuid() }));
    expectError(await ana.command({ type: 'hand.raise', commandId: uuid() }), 'not_allowed');
    ok(await fac.command({ type: 'hand.call', commandId: uuid(), participantId: pid(cleo) }));
    ok(await ana.command({ type: 'participant.leave', commandId: uuid() }));
    await settle([fac, ben, cleo], lastSeq(server, meeting.meetingId));

    for (const c of [fac, ben, cleo]) {
      const viewer = c === fac ? ({ role: 'facilitator' } as const) : asViewer(c);
      const view = itemView<DecisionView>(serverMeeting(server, meeting.meetingId, viewer));
      expect(view.queue?.map((h) => h.participantId)).toEqual([pid(ben)]);
      expect((c.view as DecisionView | undefined)?.queue).toEqual(view.queue);
      expect(view.spoke?.map((s) => s.participantId)).toEqual([pid(cleo)]);
    }
  });

  it('[O1] a shuffled order is recorded as drawn and a restarted server keeps it', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ana', 'Ben', 'Cleo']);
    const added = ok(
      await fac.command({ type: 'agenda.add', commandId: uuid(), kind: 'round', title: 'Check-in' }),
    );
    expect(added.ok).toBe(true);
    const item = log(server, meeting.meetingId).find((e) => e.type === 'agenda.item.added');
    if (item?.type !== 'agenda.item.added') throw new Error('no round');
    ok(await fac.command({ type: 'agenda.open', commandId: uuid(), itemId: item.itemId }));
    ok(await fac.command({ type: 'round.order', commandId: uuid(), shuffle: true }));
    const ordered = log(server, meeting.meetingId).find((e) => e.type === 'round.ordered');
    if (ordered?.type !== 'round.ordered') throw new Error('no order');
    expect([...ordered.order].sort()).toEqual(participants.map(pid).sort());

    server = await server.restart();
    const again = itemView<RoundView>(serverMeeting(server, meeting.meetingId, { role: 'facilitator' }));
    expect(again.order).toEqual(ordered.order);

    // The first in the drawn order speaks; the others are told whose turn it is.
    const byId = new Map(participants.map((p) => [pid(p), p.token]));
    const first = client(server, byId.get(ordered.order[0] ?? ''));
    const second = client(server, byId.get(ordered.order[1] ?? ''));
    ok(await first.join(meeting.code));
    ok(await second.join(meeting.code));
    expectError(await second.command({ type: 'round.speak', commandId: uuid(), text: 'Me?' }), 'not_allowed');
    ok(await first.command({ type: 'round.speak', commandId: uuid(), text: 'Hello.' }));
  });
});
