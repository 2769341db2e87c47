/**
 * A3: a phone that drops out mid-stage comes back as the same person and catches up, either with
 * the events it missed (filtered for it, A6) or with a fresh snapshot when it is far off.
 */

import { LIMITS } from '@circlewise/shared/constants';
import { reduceMeeting } from '@circlewise/shared/meeting';
import { eventFor } from '@circlewise/shared/visibility';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server';
import {
  advance,
  asViewer,
  client,
  itemView,
  lastSeq,
  log,
  ok,
  openMeeting,
  pid,
  serverMeeting,
  serverView,
  settle,
  withServer,
} from './helpers';

let server: TestServer;

withServer({ set: (s) => (server = s), current: () => server }, { perTest: true });

describe('reconnect and resync', () => {
  it('[A3] a participant who reconnects mid-stage catches up', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben', 'Cleo']);
    const [ada, ben, cleo] = participants as [
      (typeof participants)[0],
      (typeof participants)[0],
      (typeof participants)[0],
    ];
    ok(
      await fac.command({
        type: 'proposal.edit',
        title: 'Plants',
        driver: 'The office is grey.',
        text: 'Buy plants.',
      }),
    );
    await advance(fac, 'proposal');
    await advance(fac, 'clarifying');
    ok(await ada.command({ type: 'reaction.give', text: 'Ada likes green things', gesture: 'up' }));
    await settle([fac, ada, ben, cleo], lastSeq(server, meeting.meetingId));

    // Cleo's phone drops out in the middle of the reactions round.
    const before = cleo.meeting!;
    const cleoId = pid(cleo);
    cleo.close();
    await fac.until(() => fac.presence.some((p) => p.participantId === cleoId && !p.online));

    // The meeting goes on without her: a sealed reaction, a question answered... then a reveal.
    const missedSecret = 'Ben worries about watering at weekends';
    ok(await ben.command({ type: 'reaction.give', text: missedSecret, gesture: 'sideways' }));
    ok(await fac.command({ type: 'stage.back', from: 'reactions' }));
    ok(await ada.command({ type: 'question.ask', text: 'Who waters them?' }));
    await advance(fac, 'clarifying');
    const now = lastSeq(server, meeting.meetingId);
    await settle([fac, ada, ben], now);
    expect(before.seq).toBeLessThan(now);

    // She comes back on a new connection with the same token: the same person, the current view.
    const again = client(server, cleo.token);
    const joined = ok(await again.join(meeting.code));
    expect(joined.role).toBe('participant');
    expect(joined.participantId).toBe(cleoId);
    expect(joined.view.seq).toBe(now);
    expect(again.meeting).toEqual(serverMeeting(server, meeting.meetingId, asViewer(again)));
    expect(again.view).toEqual(serverView(server, meeting.meetingId, asViewer(again)));
    expect(again.view?.participants[cleoId]).toMatchObject({ name: 'Cleo', present: true });
    // No second participant was made, and the rejoin recorded nothing (she never left).
    expect(Object.keys(again.view!.participants)).toHaveLength(3);
    expect(lastSeq(server, meeting.meetingId)).toBe(now);
    // Reactions are still hidden: Ben's text is not in her snapshot.
    expect(JSON.stringify(joined)).not.toContain(missedSecret);
    expect(again.view?.reactions[pid(ben)]).toMatchObject({ hidden: true });

    // resync(afterSeq) returns exactly the missed events, filtered for her (A6).
    const missed = ok(await again.resync(before.seq));
    expect('events' in missed).toBe(true);
    const events = 'events' in missed ? missed.events : [];
    const expected = log(server, meeting.meetingId)
      .filter((e) => e.seq > before.seq)
      .map((e) => eventFor(e, asViewer(again)));
    expect(events).toEqual(expected);
    expect(events.map((e) => e.seq)).toEqual(
      Array.from({ length: now - before.seq }, (_, i) => before.seq + 1 + i),
    );
    const sealed = events.find((e) => e.type === 'reaction.given' && e.participantId === pid(ben));
    expect(sealed).toBeDefined();
    expect(sealed).not.toHaveProperty('text');
    expect(JSON.stringify(events)).not.toContain(missedSecret);
    // Her old view plus the missed events is the view she was given on rejoin.
    expect(events.reduce(reduceMeeting, before)).toEqual(again.meeting);

    // Up to date: nothing missing. Ahead of the server (a stale client after a restore): a view.
    const none = ok(await again.resync(now));
    expect(none).toEqual({ ok: true, events: [], serverNow: expect.any(Number) });
    const ahead = ok(await again.resync(now + 50));
    expect('view' in ahead && ahead.view).toEqual(serverMeeting(server, meeting.meetingId, asViewer(again)));

    // And she follows the live meeting again.
    ok(await fac.command({ type: 'responses.reveal' }));
    await advance(fac, 'reactions');
    const after = lastSeq(server, meeting.meetingId);
    await settle([again, ada], after);
    expect(again.view?.stage).toBe('objections');
    expect(again.view?.reactions[pid(ben)]).toMatchObject({ hidden: false, text: missedSecret });
    expect(again.view).toEqual(ada.view);
    expect(fac.presence.filter((p) => p.participantId === cleoId).map((p) => p.online)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('[A3] a client more than the resync limit behind gets a fresh snapshot instead of events', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
    const [ada, ben] = participants as [(typeof participants)[0], (typeof participants)[0]];
    ok(
      await fac.command({
        type: 'proposal.edit',
        title: 'Busy',
        driver: 'Many questions.',
        text: 'Ask away.',
      }),
    );
    await advance(fac, 'proposal');
    const behind = lastSeq(server, meeting.meetingId);

    // More events than one resync returns (a long meeting, a phone asleep for all of it).
    const acks = await Promise.all(
      Array.from({ length: LIMITS.resyncEvents + 1 }, (_, i) =>
        (i % 2 === 0 ? ada : ben).command({ type: 'question.ask', text: `Question ${i}` }),
      ),
    );
    for (const a of acks) ok(a);
    const now = lastSeq(server, meeting.meetingId);
    expect(now - behind).toBe(LIMITS.resyncEvents + 1);

    const far = ok(await ada.resync(behind));
    expect('view' in far).toBe(true);
    expect('view' in far && far.view).toEqual(serverMeeting(server, meeting.meetingId, asViewer(ada)));
    expect('view' in far && itemView(far.view).questions).toHaveLength(LIMITS.resyncEvents + 1);

    // Exactly at the limit still gets events.
    const near = ok(await ada.resync(behind + 1));
    expect('events' in near && near.events).toHaveLength(LIMITS.resyncEvents);
  });
});
