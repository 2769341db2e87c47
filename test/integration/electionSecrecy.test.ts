/**
 * A6, E1 on the wire: during nominations, no participant's client and not the facilitator's
 * receives anyone else's nomination (whom, and why), by any path the server has: broadcasts,
 * join snapshots (a late joiner, a reconnect with the same token), resync (events and snapshot)
 * and the REST minutes. After the reveal everyone has every current nomination; a nomination
 * replaced before the reveal (E2) stays with its author for good.
 */

import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import { currentItem } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import { type TestServer, uuid } from '../support/server';
import {
  closeElectionClients,
  type ElectionClient,
  electionClient,
  lastSeq,
  ok,
  openElection,
  pid,
  rest,
  settle,
} from './electionSupport';
import { withServer } from './helpers';

let server: TestServer;

withServer({ set: (s) => (server = s), current: () => server }, { closeClients: closeElectionClients });

interface Given {
  author: string;
  nomineeId: string | null;
  reason: string;
}

/** The seqs of the events this client received after its first `from` broadcasts, in order. */
function receivedSeqs(c: ElectionClient, from: number): number[] {
  return c.received.slice(from).flatMap((events) => events.map((e) => e.seq));
}

/** Every object anywhere in a received value that carries a nomination's content, by author. */
function nominationContents(value: unknown, found: Array<{ author: string; keys: string[] }> = []) {
  if (Array.isArray(value)) {
    for (const v of value) nominationContents(v, found);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = ['nomineeId', 'reason'].filter((k) => k in o);
    // Nominations (events, views, reveals) are the only things with a participantId and a nominee
    // or a reason while nominations are open: there are no responses yet.
    if (typeof o.participantId === 'string' && keys.length > 0) found.push({ author: o.participantId, keys });
    for (const v of Object.values(o)) nominationContents(v, found);
  }
  return found;
}

describe('nomination secrecy on the wire', () => {
  it('[A6][E1] no participant’s client receives anyone else’s nomination during nominations, by any event, snapshot, resync or REST call', async () => {
    const names = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve'];
    const { meeting, facilitator: fac, people, joins } = await openElection(server, names);
    const { Ana, Ben, Cleo, Dev, Eve } = people as Record<string, ElectionClient>;
    ok(
      await fac.command({
        type: 'role.set',
        role: 'Facilitator',
        termStart: '2025-02-01',
        termEnd: '2026-01-31',
      }),
    );
    await settle(
      [fac, ...Object.values(people)],
      ok(await fac.command({ type: 'stage.advance', from: 'role' })).seq,
    );

    /** Everything each identity received while nominations were hidden, by participant id (or 'facilitator'). */
    const wire = new Map<string, unknown[]>();
    const keep = (who: string, what: unknown) => wire.set(who, [...(wire.get(who) ?? []), what]);
    const secret = () => `nomination-secret-${uuid()}`;

    // Each nominates, with a reason nobody else could guess; Eve: "no one yet".
    const given: Given[] = [];
    const nominate = async (c: ElectionClient, nominee: ElectionClient | null) => {
      const reason = nominee === null ? '' : secret();
      ok(
        await c.command({
          type: 'nomination.give',
          nomineeId: nominee === null ? null : pid(nominee),
          ...(reason && { reason }),
        }),
      );
      given.push({ author: pid(c), nomineeId: nominee === null ? null : pid(nominee), reason });
    };
    await nominate(Ana!, Ben!);
    await nominate(Ben!, Ben!);
    await nominate(Cleo!, Ana!);
    // E2: Cleo thinks again; the first one is replaced and must never leave her.
    const replaced = given.at(-1)!;
    await nominate(Cleo!, Dev!);

    // A latecomer joins mid-nominations and nominates too.
    const Fay = electionClient(server);
    const fayJoin = ok(await Fay.join(meeting.code, 'Fay'));
    await nominate(Fay, Cleo!);

    // Dev reconnects: a new connection with the same token.
    Dev!.close();
    const Dev2 = electionClient(server, Dev!.token);
    const devJoin = ok(await Dev2.join(meeting.code));
    expect(devJoin.participantId).toBe(pid(Dev!));
    await nominate(Dev2, Eve!);
    await nominate(Eve!, null);

    const participants = [Ana!, Ben!, Cleo!, Dev2, Eve!, Fay];
    const current = given.filter((g) => g !== replaced);
    await settle([fac, ...participants], lastSeq(server, meeting.meetingId));

    // Eve resyncs from the start (events), Ben asks from beyond the end (a snapshot).
    const eveResync = ok(await Eve!.resync(0));
    expect('events' in eveResync && eveResync.events.length).toBe(lastSeq(server, meeting.meetingId));
    const benSnapshot = ok(await Ben!.resync(10_000));
    expect('view' in benSnapshot).toBe(true);
    // The facilitator resyncs too, and joins again from a second screen.
    const facResync = ok(await fac.resync(0));
    const fac2 = electionClient(server, meeting.facilitatorKey);
    const fac2Join = ok(await fac2.join(meeting.code));

    // Gather everything, per identity.
    const id = (c: ElectionClient) => pid(c);
    keep('facilitator', fac.received);
    keep('facilitator', joins.get(fac));
    keep('facilitator', facResync);
    keep('facilitator', fac2Join);
    keep('facilitator', (await rest(server, meeting.code, 'events', meeting.facilitatorKey)).body);
    for (const c of [Ana!, Ben!, Cleo!, Eve!]) keep(id(c), joins.get(c));
    keep(id(Dev!), joins.get(Dev!));
    keep(id(Dev!), Dev!.received);
    keep(id(Dev!), devJoin);
    keep(id(Fay), fayJoin);
    keep(id(Eve!), eveResync);
    keep(id(Ben!), benSnapshot);
    for (const c of participants) {
      keep(id(c), c.received);
      const minutes = await rest(server, meeting.code, 'events', c.token);
      expect(minutes.status).toBe(200);
      keep(id(c), minutes.body);
    }
    expect(wire.size).toBe(participants.length + 1);

    for (const [who, packets] of wire) {
      const json = JSON.stringify(packets);
      for (const g of given) {
        if (!g.reason) continue;
        if (g.author === who) expect(json, `${who} lost their own nomination`).toContain(g.reason);
        else expect(json, `${who} received ${g.author}'s reason`).not.toContain(g.reason);
      }
      // No object anywhere pairs another author with a nominee or a reason.
      const leaked = nominationContents(packets).filter((f) => f.author !== who);
      expect(leaked, `${who} received someone else's nomination`).toEqual([]);
      // Each author does get their own pairing, as they gave it.
      if (who !== 'facilitator') {
        const mine = current.find((g) => g.author === who)!;
        expect(json).toContain(JSON.stringify({ nomineeId: mine.nomineeId }).slice(1, -1));
      }
    }
    // Everyone knows who has nominated, not whom: every screen counts six.
    for (const c of [fac, ...participants]) expect(Object.keys(c.view!.nominations)).toHaveLength(6);
    expect(Object.values(fac.view!.nominations).every((n) => n.hidden)).toBe(true);
    for (const c of participants) {
      for (const [author, n] of Object.entries(c.view!.nominations)) {
        if (author === id(c)) expect(n.hidden).toBe(false);
        else expect(n).toEqual({ participantId: author, at: n.at, hidden: true });
      }
    }

    // The reveal: now everyone has every current nomination, and nothing of the replaced one.
    const marks = new Map([fac, ...participants].map((c) => [c, c.received.length]));
    const revealed = ok(await fac.command({ type: 'nominations.reveal' }));
    await settle([fac, fac2, ...participants], revealed.seq);
    for (const c of [fac, fac2, ...participants]) {
      const after = c.received.slice(marks.get(c) ?? 0).flat() as MeetingEvent[];
      const reveal = after.find((e) => e.type === 'nominations.revealed');
      expect(reveal).toBeDefined();
      for (const g of current) {
        expect(c.view!.nominations[g.author]).toMatchObject({
          hidden: false,
          nomineeId: g.nomineeId,
          reason: g.reason,
        });
      }
      if (c === fac || c === fac2 || id(c) !== replaced.author) {
        expect(JSON.stringify(c.received)).not.toContain(replaced.reason);
      }
      expect(c.meeting).toEqual(server.app.meetings.byCode(meeting.code)!.view);
    }
    for (const c of participants) {
      const minutes = JSON.stringify((await rest(server, meeting.code, 'events', c.token)).body);
      for (const g of current) if (g.reason) expect(minutes).toContain(g.reason);
      if (id(c) !== replaced.author) expect(minutes).not.toContain(replaced.reason);
    }
    const facMinutes = JSON.stringify(
      (await rest(server, meeting.code, 'events', meeting.facilitatorKey)).body,
    );
    expect(facMinutes).not.toContain(replaced.reason);
    // A join after the reveal sees them all.
    const Gus = electionClient(server);
    const gusJoin = ok(await Gus.join(meeting.code, 'Gus'));
    for (const g of current) {
      const item = currentItem(gusJoin.view);
      expect(item?.kind === 'election' && item.nominations[g.author]).toMatchObject({
        nomineeId: g.nomineeId,
      });
    }
    expect(JSON.stringify(gusJoin)).not.toContain(replaced.reason);
  });

  it('[A6][E1] a socket that switches from a participant to the facilitator key still gets nobody’s nomination', async () => {
    const { meeting, facilitator: fac, people } = await openElection(server, ['Ana', 'Ben']);
    const { Ana, Ben } = people as Record<string, ElectionClient>;
    ok(
      await fac.command({
        type: 'role.set',
        role: 'Treasurer',
        termStart: '2025-02-01',
        termEnd: '2026-01-31',
      }),
    );
    ok(await fac.command({ type: 'stage.advance', from: 'role' }));
    const reason = `nomination-secret-${uuid()}`;
    ok(await Ana!.command({ type: 'nomination.give', nomineeId: pid(Ben!), reason }));
    // Ana's phone joins again on the same socket with the facilitator key.
    const switched = (await Ana!.raw('meeting:join', {
      protocol: PROTOCOL_VERSION,
      code: meeting.code,
      token: meeting.facilitatorKey,
    })) as { ok: boolean; role?: string; view?: unknown };
    expect(switched).toMatchObject({ ok: true, role: 'facilitator' });
    expect(JSON.stringify(switched)).not.toContain(reason);
    const mark = Ana!.received.length;
    const other = `nomination-secret-${uuid()}`;
    const seq = ok(await Ben!.command({ type: 'nomination.give', nomineeId: null })).seq;
    ok(await Ben!.command({ type: 'nomination.give', nomineeId: pid(Ben!), reason: other }));
    // A later event everyone gets: a newcomer's join. A socket receives in the order the server
    // sends, so once Ana's socket has it, whatever it was ever sent about Ben's nominations is
    // here too (no sleep that a slow machine outlasts).
    ok(await electionClient(server).join(meeting.code, 'Cleo'));
    await expect.poll(() => receivedSeqs(Ana!, mark).at(-1)).toBe(seq + 2);
    expect(receivedSeqs(Ana!, mark)).toEqual([seq, seq + 1, seq + 2]);
    const after = JSON.stringify(Ana!.received.slice(mark));
    expect(after).toContain('nomination.given');
    expect(after).not.toContain(other);
    expect(after).not.toContain('nomineeId');
  });
});
