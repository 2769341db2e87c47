/**
 * E1–E5 end to end: a whole role election over real sockets against the real server and a real
 * SQLite file, from the role to the register, and the register again after a restart (A8).
 */
import { currentProposal, type ElectionView, tally } from '@circlewise/shared/election';
import { agendaFor, type Viewer, viewFor } from '@circlewise/shared/visibility';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server';
import {
  closeElectionClients,
  type ElectionClient,
  expectError,
  lastSeq,
  log,
  ok,
  openElection,
  pid,
  rest,
  settle,
} from './electionSupport';
import { itemView, withServer } from './helpers';

let server: TestServer;

withServer(
  { set: (s) => (server = s), current: () => server },
  { perTest: true, closeClients: closeElectionClients },
);

describe('role election', () => {
  it('[E1–E5] a whole election with five participants, one change of nomination and one objection resolved by shortening the term', async () => {
    const names = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eve'];
    const { meeting, facilitator: fac, people } = await openElection(server, names);
    const { Ana, Ben, Cleo, Dev, Eve } = people as Record<string, ElectionClient>;
    const everyone = [fac, ...Object.values(people)];
    const all = async (seq: number) => settle(everyone, seq);
    const viewer = (c: ElectionClient): Viewer => ({ role: 'participant', participantId: pid(c) });

    // Role and term.
    ok(
      await fac.command({
        type: 'role.set',
        role: 'Circle lead',
        description: 'Holds the agenda and the backlog.',
        termStart: '2025-02-01',
        termEnd: '2026-01-31',
      }),
    );
    await all(ok(await fac.command({ type: 'stage.advance', from: 'role' })).seq);
    expect(Ana!.view?.stage).toBe('nominations');

    // E1, E2: nominations, secret; Dev changes his mind before the reveal.
    const nominations: Array<[ElectionClient, ElectionClient | null, string]> = [
      [Ana!, Ben!, 'Ben keeps our backlog honest.'],
      [Ben!, Ben!, 'I have the time this year.'],
      [Cleo!, Ana!, 'Ana ran the retreat well.'],
      [Dev!, Cleo!, 'Cleo, maybe.'],
      [Eve!, null, ''],
    ];
    for (const [from, to, reason] of nominations) {
      ok(
        await from.command({
          type: 'nomination.give',
          nomineeId: to === null ? null : pid(to),
          ...(reason && { reason }),
        }),
      );
    }
    const replaced = ok(
      await Dev!.command({ type: 'nomination.give', nomineeId: pid(Ben!), reason: 'Ben, on reflection.' }),
    );
    await all(replaced.seq);
    // Nobody but the author sees whom anyone nominated, the facilitator included.
    expect(Object.values(fac.view!.nominations).every((n) => n.hidden && n.nomineeId === undefined)).toBe(
      true,
    );
    expect(Cleo!.view!.nominations[pid(Ana!)]).toEqual(expect.objectContaining({ hidden: true }));
    expect(Cleo!.view!.nominations[pid(Ana!)]).not.toHaveProperty('nomineeId');
    expect(Ana!.view!.nominations[pid(Ana!)]).toMatchObject({ nomineeId: pid(Ben!), hidden: false });
    expect(Object.keys(fac.view!.nominations)).toHaveLength(5);

    // Advancing without the reveal is refused; the reveal opens the change round.
    expectError(await fac.command({ type: 'stage.advance', from: 'nominations' }), 'not_allowed');
    await all(ok(await fac.command({ type: 'nominations.reveal' })).seq);
    for (const c of everyone) {
      expect(c.view!.stage).toBe('changes');
      expect(c.view!.nominationsRevealed).toBe(true);
      expect(c.view!.nominations[pid(Dev!)]).toMatchObject({
        nomineeId: pid(Ben!),
        reason: 'Ben, on reflection.',
      });
      expect(c.view!.nominations[pid(Eve!)]).toMatchObject({ nomineeId: null, hidden: false });
    }
    expect(tally(fac.view!)).toEqual([
      { nomineeId: pid(Ben!), count: 3, by: [pid(Ana!), pid(Ben!), pid(Dev!)] },
      { nomineeId: pid(Ana!), count: 1, by: [pid(Cleo!)] },
      { nomineeId: null, count: 1, by: [pid(Eve!)] },
    ]);

    // E3: one change, with its reason; a change without one is refused; keeping needs none.
    expectError(await Cleo!.command({ type: 'nomination.change', nomineeId: pid(Ben!) }), 'reason_required');
    ok(
      await Cleo!.command({
        type: 'nomination.change',
        nomineeId: pid(Ben!),
        reason: 'Ben showed he has the time.',
      }),
    );
    await all(ok(await Ana!.command({ type: 'nomination.change', nomineeId: pid(Ben!) })).seq);
    for (const c of everyone) {
      expect(c.view!.changes).toEqual([
        expect.objectContaining({
          participantId: pid(Cleo!),
          from: pid(Ana!),
          to: pid(Ben!),
          reason: 'Ben showed he has the time.',
        }),
        expect.objectContaining({ participantId: pid(Ana!), from: pid(Ben!), to: pid(Ben!), reason: '' }),
      ]);
    }
    expect(tally(Eve!.view!)[0]).toMatchObject({ nomineeId: pid(Ben!), count: 4 });

    // The proposal: Ben, for the role's term.
    ok(await fac.command({ type: 'stage.advance', from: 'changes' }));
    ok(
      await fac.command({
        type: 'candidate.propose',
        candidateId: pid(Ben!),
        reasons: 'Four of five nominate Ben; he has the time.',
      }),
    );
    await all(ok(await fac.command({ type: 'stage.advance', from: 'proposal' })).seq);
    expect(currentProposal(Eve!.view!)).toMatchObject({ version: 1, termEnd: '2026-01-31' });

    // E4: Ben answers last. Ana objects: a year is long for a first term.
    expectError(await Ben!.command({ type: 'response.give', kind: 'consent' }), 'not_allowed');
    const objectionReason = 'A whole year is long for a first term.';
    ok(await Ana!.command({ type: 'response.give', kind: 'objection', reason: objectionReason }));
    ok(await Cleo!.command({ type: 'response.give', kind: 'consent' }));
    ok(await Dev!.command({ type: 'response.give', kind: 'concern', reason: 'Busy in March.' }));
    expectError(await Ben!.command({ type: 'response.give', kind: 'consent' }), 'not_allowed');
    ok(await Eve!.command({ type: 'response.give', kind: 'consent' }));
    ok(await Ben!.command({ type: 'response.give', kind: 'consent' }));
    await all(ok(await fac.command({ type: 'responses.reveal' })).seq);
    const objection = fac.view!.objections.find((o) => o.participantId === pid(Ana!))!;
    expect(objection).toMatchObject({ reason: objectionReason, status: 'raised' });
    ok(await fac.command({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }));
    // C6: no consent while it is open.
    expectError(await fac.command({ type: 'stage.advance', from: 'objections' }), 'not_allowed');

    // Resolved by a shorter term: a new proposal, back to proposal (C5, C8).
    const amended = ok(
      await fac.command({
        type: 'candidate.propose',
        candidateId: pid(Ben!),
        reasons: 'Ben, for six months first.',
        termEnd: '2025-07-31',
        resolves: [objection.id],
      }),
    );
    await all(amended.seq);
    for (const c of everyone) {
      expect(c.view!.stage).toBe('proposal');
      expect(c.view!.objections[0]).toMatchObject({ id: objection.id, status: 'resolved', resolvedBy: 2 });
      expect(c.view!.objectionRound).toEqual({ version: 2, revealed: false, responses: {} });
    }
    ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));
    for (const c of [Ana!, Cleo!, Dev!, Eve!])
      ok(await c.command({ type: 'response.give', kind: 'consent' }));
    ok(await Ben!.command({ type: 'response.give', kind: 'consent' }));
    ok(await fac.command({ type: 'responses.reveal' }));
    await all(ok(await fac.command({ type: 'stage.advance', from: 'objections' })).seq);
    expect(Dev!.view!.stage).toBe('consent');

    // Final consent (C7, E4, E5): every "no objection" on version 2 carries over, Ben's last;
    // the others' Confirm is no new answer, so Ben's still comes last; then elected.
    for (const c of [Ana!, Cleo!, Dev!, Eve!])
      ok(await c.command({ type: 'response.give', kind: 'consent' }));
    ok(await Ben!.command({ type: 'response.give', kind: 'consent' }));
    const elected = ok(await fac.command({ type: 'election.record', outcome: 'elected' }));
    await all(elected.seq);

    // Every screen holds the server's view; the log is contiguous.
    const live = server.app.meetings.byCode(meeting.code)!;
    expect(live.kind).toBe('election');
    const serverMeeting = live.view;
    const serverView = itemView<ElectionView>(serverMeeting);
    expect(serverView.stage).toBe('outcome');
    expect(fac.meeting).toEqual(serverMeeting);
    expect(fac.view).toEqual(serverView);
    for (const c of Object.values(people)) {
      expect(c.meeting).toEqual(serverMeeting);
      expect(c.meeting).toEqual(agendaFor(serverMeeting, viewer(c)));
      expect(c.view).toEqual(serverView);
      expect(c.view).toEqual(viewFor(serverView, viewer(c)));
    }
    const events = log(server, meeting.meetingId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(lastSeq(server, meeting.meetingId)).toBe(elected.seq);
    expect(serverView.seq).toBe(elected.seq);
    expect(serverView.outcome).toMatchObject({
      outcome: 'elected',
      version: 2,
      electedId: pid(Ben!),
      electedName: 'Ben',
      role: 'Circle lead',
      termStart: '2025-02-01',
      termEnd: '2025-07-31',
    });
    // Closed: no more commands.
    expectError(await fac.command({ type: 'election.record', outcome: 'none' }), 'meeting_closed');

    // E5: the register holds Ben, with the shortened term.
    const expectedRole = {
      meetingId: meeting.meetingId,
      role: 'Circle lead',
      participantId: pid(Ben!),
      person: 'Ben',
      termStart: '2025-02-01',
      termEnd: '2025-07-31',
      electedAt: events.at(-1)!.at,
    };
    for (const token of [Eve!.token, meeting.facilitatorKey]) {
      const roles = await rest(server, meeting.code, 'roles', token);
      expect(roles.status).toBe(200);
      expect(roles.body).toEqual({ roles: [expectedRole] });
    }
    expect((await rest(server, meeting.code, 'roles')).status).toBe(401);

    // A8: after a restart the register and the election are as they were.
    closeElectionClients();
    server = await server.restart();
    const after = await rest(server, meeting.code, 'roles', Ana!.token);
    expect(after).toEqual({ status: 200, body: { roles: [expectedRole] } });
    const reloaded = server.app.meetings.byCode(meeting.code)!;
    expect(reloaded.kind).toBe('election');
    expect(reloaded.view).toEqual(serverMeeting);
    expect(log(server, meeting.meetingId)).toEqual(events);
  });

  it('[E1][E4] the candidate declines, and another candidate is elected without new nomination rounds', async () => {
    const { meeting, facilitator: fac, people } = await openElection(server, ['Ana', 'Ben', 'Cleo']);
    const { Ana, Ben, Cleo } = people as Record<string, ElectionClient>;
    const everyone = [fac, Ana!, Ben!, Cleo!];
    ok(
      await fac.command({
        type: 'role.set',
        role: 'Secretary',
        termStart: '2025-03-01',
        termEnd: '2026-02-28',
      }),
    );
    ok(await fac.command({ type: 'stage.advance', from: 'role' }));
    ok(await Ana!.command({ type: 'nomination.give', nomineeId: pid(Ben!), reason: 'Ben writes well.' }));
    ok(await Cleo!.command({ type: 'nomination.give', nomineeId: pid(Ana!), reason: 'Ana is precise.' }));
    ok(await fac.command({ type: 'nominations.reveal' }));
    ok(await fac.command({ type: 'stage.advance', from: 'changes' }));
    ok(await fac.command({ type: 'candidate.propose', candidateId: pid(Ben!), reasons: 'Ben writes well.' }));
    ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));
    // Only the candidate declines.
    expectError(await Ana!.command({ type: 'candidate.decline' }), 'forbidden');
    expectError(await fac.command({ type: 'candidate.decline' }), 'forbidden');
    const declined = ok(await Ben!.command({ type: 'candidate.decline', reason: 'Not this year.' }));
    await settle(everyone, declined.seq);
    for (const c of everyone) {
      expect(c.view!.stage).toBe('proposal');
      expect(c.view!.declined).toEqual([expect.objectContaining({ version: 1, reason: 'Not this year.' })]);
    }
    ok(await fac.command({ type: 'candidate.propose', candidateId: pid(Ana!), reasons: 'Ana is precise.' }));
    ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));
    for (const c of [Ben!, Cleo!, Ana!]) ok(await c.command({ type: 'response.give', kind: 'consent' }));
    ok(await fac.command({ type: 'responses.reveal' }));
    ok(await fac.command({ type: 'stage.advance', from: 'objections' }));
    for (const c of [Ben!, Cleo!, Ana!]) ok(await c.command({ type: 'response.give', kind: 'consent' }));
    const elected = ok(await fac.command({ type: 'election.record', outcome: 'elected' }));
    await settle(everyone, elected.seq);
    const stages = log(server, meeting.meetingId).flatMap((e) => (e.type === 'stage.changed' ? [e.to] : []));
    expect(stages.filter((s) => s === 'nominations' || s === 'changes')).toEqual(['nominations', 'changes']);
    const roles = await rest(server, meeting.code, 'roles', Cleo!.token);
    expect(roles.body).toEqual({
      roles: [expect.objectContaining({ role: 'Secretary', participantId: pid(Ana!), person: 'Ana' })],
    });
    for (const c of everyone) expect(c.meeting).toEqual(server.app.meetings.byCode(meeting.code)!.view);
  });
});
