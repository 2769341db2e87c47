/**
 * The role election's process rules (PROCESS.md E1–E5, and C1–C10 for the consent check on the
 * candidate), through permissions + decide + the machine, the way the gateway runs a command;
 * and its per-recipient visibility (A6): nominations are secret from everyone but their author,
 * the facilitator included, until the reveal.
 */
import { commandSchema } from '@circlewise/shared/commands';
import type { ElectionStage } from '@circlewise/shared/constants';
import { openObjections } from '@circlewise/shared/decision';
import {
  canElect,
  currentNominee,
  currentProposal,
  type ElectionView,
  electionConsentOf,
  tally,
} from '@circlewise/shared/election';
import type { EventOf, MeetingEvent } from '@circlewise/shared/events';
import { currentItem, reduceMeetingLog } from '@circlewise/shared/meeting';
import { eventFor, sealedAudience, type Viewer, viewFor } from '@circlewise/shared/visibility';
import { describe, expect, it } from 'vitest';
import {
  electionAt,
  facilitator as fac,
  inNominations,
  ROLE,
  startElection,
  type TestElection,
  testId,
} from '../support/testElection';
import { facilitator, participant, startMeeting } from '../support/testMeeting';

const viewer = (m: TestElection, name: string): Viewer => ({
  role: 'participant',
  participantId: m.id(name),
});
const FAC: Viewer = { role: 'facilitator' };

/** What `v` would hold, built from the events as the server sends them to `v`. */
const received = (m: TestElection, v: Viewer) =>
  currentItem(reduceMeetingLog(m.log.map((e) => eventFor(e, v)))) as ElectionView;

/** In objections on Ben (v1), Ana objects, Cleo consents, Ben last; revealed; Ana's objection qualifies. */
function withQualifiedObjection() {
  const m = electionAt('objections');
  m.ok({ type: 'response.give', kind: 'objection', reason: 'A year is too long to start.' }, m.as('Ana'));
  m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
  m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
  m.ok({ type: 'responses.reveal' }, fac);
  const objection = m.view().objections.find((o) => o.participantId === m.id('Ana'))!;
  m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, fac);
  expect(m.view().objections).toEqual([expect.objectContaining({ id: objection.id, status: 'qualified' })]);
  return { m, objection };
}

/** In consent on the current proposal, everybody but the candidate has consented. */
function consentedButCandidate(m: TestElection) {
  const candidate = currentProposal(m.view())!.candidateId;
  for (const p of Object.values(m.view().participants)) {
    if (p.present && p.id !== candidate) m.ok({ type: 'response.give', kind: 'consent' }, participant(p.id));
  }
}

describe('E1 nominations are secret until revealed, all at once', () => {
  it('[E1][A6] a nomination reaches its author whole; other participants and the facilitator get it without nominee and reason', () => {
    const m = inNominations();
    const [given] = m.ok(
      { type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'Ben keeps-the-books-tidy.' },
      m.as('Ana'),
    );
    expect(given).toMatchObject({
      type: 'nomination.given',
      participantId: m.id('Ana'),
      sealed: true,
      nomineeId: m.id('Ben'),
      reason: 'Ben keeps-the-books-tidy.',
    });
    expect(sealedAudience(given!)).toEqual({ author: m.id('Ana'), facilitator: false });
    expect(eventFor(given!, viewer(m, 'Ana'))).toEqual(given);
    for (const v of [FAC, viewer(m, 'Ben'), viewer(m, 'Cleo')]) {
      const sent = eventFor(given!, v);
      expect(sent).not.toHaveProperty('nomineeId');
      expect(sent).not.toHaveProperty('reason');
      expect(sent).toMatchObject({ type: 'nomination.given', participantId: m.id('Ana'), sealed: true });
      expect(JSON.stringify(sent)).not.toContain('keeps-the-books');
    }

    // "No one yet" is as secret as a name.
    m.ok({ type: 'nomination.give', nomineeId: null }, m.as('Cleo'));
    const full = m.item();
    expect(full.nominations[m.id('Cleo')]).toMatchObject({ hidden: false, nomineeId: null });

    // Snapshots (join, resync): the author sees their own; nobody else, facilitator included.
    expect(viewFor(full, viewer(m, 'Ana')).nominations[m.id('Ana')]).toMatchObject({
      hidden: false,
      nomineeId: m.id('Ben'),
      reason: 'Ben keeps-the-books-tidy.',
    });
    expect(viewFor(full, viewer(m, 'Cleo')).nominations[m.id('Cleo')]).toMatchObject({
      hidden: false,
      nomineeId: null,
    });
    for (const [name, v] of [
      ['facilitator', FAC],
      ['Ben', viewer(m, 'Ben')],
      ['Cleo', viewer(m, 'Cleo')],
    ] as const) {
      const seen = viewFor(full, v);
      expect(seen.nominations[m.id('Ana')], name).toEqual({
        participantId: m.id('Ana'),
        at: given!.at,
        hidden: true,
      });
      expect(JSON.stringify(seen), name).not.toContain('keeps-the-books');
      // The stream and the snapshot agree (A6).
      expect(received(m, v), name).toEqual(seen);
    }
    expect(viewFor(full, FAC).nominations[m.id('Cleo')]).toEqual({
      participantId: m.id('Cleo'),
      at: m.log.at(-1)!.at,
      hidden: true,
    });
    expect(viewFor(full, viewer(m, 'Ana')).nominations[m.id('Cleo')]).not.toHaveProperty('nomineeId');
  });

  it('[E1] the reveal carries every nomination at once and opens the change round', () => {
    const m = inNominations();
    m.ok({ type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'Ana: Ben listens.' }, m.as('Ana'));
    m.ok({ type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'Ben: I have the time.' }, m.as('Ben'));
    m.ok({ type: 'nomination.give', nomineeId: null }, m.as('Cleo'));
    for (const v of [FAC, viewer(m, 'Ana'), viewer(m, 'Ben'), viewer(m, 'Cleo')]) {
      expect(viewFor(m.view(), v).nominationsRevealed).toBe(false);
    }

    const events = m.ok({ type: 'nominations.reveal' }, fac);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'nominations.revealed',
        nominations: expect.arrayContaining([
          { participantId: m.id('Ana'), nomineeId: m.id('Ben'), reason: 'Ana: Ben listens.' },
          { participantId: m.id('Ben'), nomineeId: m.id('Ben'), reason: 'Ben: I have the time.' },
          { participantId: m.id('Cleo'), nomineeId: null, reason: '' },
        ]),
      }),
      expect.objectContaining({
        type: 'stage.changed',
        from: 'nominations',
        to: 'changes',
        reason: 'reveal',
      }),
    ]);
    expect((events[0] as EventOf<'nominations.revealed'>).nominations).toHaveLength(3);
    // A public event: everyone gets it whole, and then everyone sees every nomination.
    for (const v of [FAC, viewer(m, 'Ana'), viewer(m, 'Ben'), viewer(m, 'Cleo')]) {
      expect(eventFor(events[0]!, v)).toEqual(events[0]);
      const seen = received(m, v);
      expect(seen).toEqual(viewFor(m.item(), v));
      expect(seen.nominationsRevealed).toBe(true);
      expect(seen.stage).toBe('changes');
      expect(seen.nominations[m.id('Ana')]).toMatchObject({ hidden: false, nomineeId: m.id('Ben') });
      expect(seen.nominations[m.id('Ben')]).toMatchObject({ reason: 'Ben: I have the time.' });
      expect(seen.nominations[m.id('Cleo')]).toMatchObject({ hidden: false, nomineeId: null });
    }
    expect(m.state().value).toEqual({ open: 'changes' });
  });

  it('[E1] a partial reveal, or a second one, is refused by the machine', () => {
    const m = inNominations();
    m.ok({ type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'Ana: Ben.' }, m.as('Ana'));
    m.ok({ type: 'nomination.give', nomineeId: m.id('Ana'), reason: 'Ben: Ana.' }, m.as('Ben'));
    const all = Object.values(m.view().nominations).map((n) => ({
      participantId: n.participantId,
      nomineeId: n.nomineeId ?? null,
      reason: n.reason ?? '',
    }));
    const reveal = (nominations: typeof all) =>
      ({
        type: 'nominations.revealed',
        nominations,
        by: 'facilitator',
        seq: m.live.view.seq + 1,
        at: m.now(),
        commandId: testId(999, 0xc0de),
      }) as MeetingEvent;
    const snap = m.state();
    expect(snap.can(reveal(all.slice(0, 1)))).toBe(false);
    expect(snap.can(reveal([]))).toBe(false);
    // One that names someone who did not nominate is not "all" either.
    expect(snap.can(reveal([...all.slice(0, 1), { ...all[1]!, participantId: m.id('Cleo') }]))).toBe(false);
    expect(snap.can(reveal(all))).toBe(true);

    m.ok({ type: 'nominations.reveal' }, fac);
    expect(m.state().can(reveal(all))).toBe(false);
    expect(m.refused({ type: 'nominations.reveal' }, fac)).toBe('wrong_stage');
  });

  it('[E1] there is no way past nominations but the reveal, and only the facilitator reveals', () => {
    const m = inNominations();
    m.ok({ type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'Ana: Ben.' }, m.as('Ana'));
    expect(m.refused({ type: 'stage.advance', from: 'nominations' }, fac)).toBe('not_allowed');
    expect(m.refused({ type: 'nominations.reveal' }, m.as('Ana'))).toBe('forbidden');
    expect(m.view().stage).toBe('nominations');
    expect(m.view().nominationsRevealed).toBe(false);
  });
});

describe('E2 one nomination each', () => {
  it('[E2] a later nomination replaces the earlier; the reveal and the tally carry only the last', () => {
    const m = inNominations();
    m.ok({ type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'First thought.' }, m.as('Ana'));
    m.ok({ type: 'nomination.give', nomineeId: m.id('Cleo'), reason: 'Second thought.' }, m.as('Ana'));
    m.ok({ type: 'nomination.give', nomineeId: m.id('Cleo'), reason: 'Cleo.' }, m.as('Ben'));
    const view = m.view();
    expect(Object.keys(view.nominations)).toEqual([m.id('Ana'), m.id('Ben')]);
    expect(view.nominations[m.id('Ana')]).toMatchObject({
      nomineeId: m.id('Cleo'),
      reason: 'Second thought.',
    });

    const [revealed] = m.ok({ type: 'nominations.reveal' }, fac) as [EventOf<'nominations.revealed'>];
    expect(revealed.nominations).toEqual([
      { participantId: m.id('Ana'), nomineeId: m.id('Cleo'), reason: 'Second thought.' },
      { participantId: m.id('Ben'), nomineeId: m.id('Cleo'), reason: 'Cleo.' },
    ]);
    expect(tally(m.view())).toEqual([{ nomineeId: m.id('Cleo'), count: 2, by: [m.id('Ana'), m.id('Ben')] }]);
    // The replaced nomination stays secret for good: no one else ever receives it.
    for (const v of [FAC, viewer(m, 'Ben'), viewer(m, 'Cleo')]) {
      expect(JSON.stringify(m.log.map((e) => eventFor(e, v)))).not.toContain('First thought.');
    }
  });

  it('[E2] a nomination names someone present, oneself, or no one yet; a name needs a reason', () => {
    const m = inNominations(['Ana', 'Ben', 'Cleo', 'Dev']);
    m.ok({ type: 'participant.leave' }, m.as('Dev'));
    expect(m.refused({ type: 'nomination.give', nomineeId: m.id('Dev'), reason: 'Dev.' }, m.as('Ana'))).toBe(
      'not_found',
    );
    expect(
      m.refused({ type: 'nomination.give', nomineeId: testId(77, 0x7777), reason: 'Who?' }, m.as('Ana')),
    ).toBe('not_found');
    m.ok({ type: 'nomination.give', nomineeId: m.id('Ana'), reason: 'I want to.' }, m.as('Ana'));
    m.ok({ type: 'nomination.give', nomineeId: null }, m.as('Ben'));
    // Someone who left cannot nominate.
    expect(m.refused({ type: 'nomination.give', nomineeId: null }, m.as('Dev'))).toBe('forbidden');
    // The facilitator does not nominate (permissions).
    expect(m.refused({ type: 'nomination.give', nomineeId: null }, fac)).toBe('forbidden');

    // A name without a reason is refused at validation, with its own code.
    const parsed = commandSchema.safeParse({
      type: 'nomination.give',
      commandId: testId(1, 0xc0de),
      nomineeId: m.id('Ben'),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['reason'], params: { code: 'reason_required' } });
  });

  it('[E2][C3] nominations are given in the nominations round only', () => {
    const m = startElection();
    m.ok({ type: 'role.set', ...ROLE }, fac);
    expect(m.refused({ type: 'nomination.give', nomineeId: null }, m.as('Ana'))).toBe('wrong_stage');
    const c = electionAt('changes');
    expect(c.refused({ type: 'nomination.give', nomineeId: null }, c.as('Ana'))).toBe('wrong_stage');
    c.ok({ type: 'stage.advance', from: 'changes' }, fac);
    expect(c.refused({ type: 'nomination.give', nomineeId: null }, c.as('Ana'))).toBe('wrong_stage');
  });
});

describe('E3 the change round', () => {
  it('[E3] a change records who changed from whom to whom, and why', () => {
    const m = electionAt('changes'); // Ana → Ben, Ben → Ben, Cleo → Ana
    const [changed] = m.ok(
      { type: 'nomination.change', nomineeId: m.id('Cleo'), reason: 'Cleo knows the budget.' },
      m.as('Ana'),
    );
    expect(changed).toMatchObject({
      type: 'nomination.changed',
      participantId: m.id('Ana'),
      from: m.id('Ben'),
      to: m.id('Cleo'),
      reason: 'Cleo knows the budget.',
    });
    expect(m.view().changes).toEqual([
      {
        participantId: m.id('Ana'),
        from: m.id('Ben'),
        to: m.id('Cleo'),
        reason: 'Cleo knows the budget.',
        at: changed!.at,
      },
    ]);
    // The first nomination stays on the record beside the change.
    expect(m.view().nominations[m.id('Ana')]).toMatchObject({ nomineeId: m.id('Ben') });
    expect(currentNominee(m.view(), m.id('Ana'))).toBe(m.id('Cleo'));
    // A second change goes from the current nominee, not the first.
    const [again] = m.ok({ type: 'nomination.change', nomineeId: null, reason: 'Unsure now.' }, m.as('Ana'));
    expect(again).toMatchObject({ from: m.id('Cleo'), to: null });
    // The change round is public: everyone sees it as it happens.
    for (const v of [FAC, viewer(m, 'Ben'), viewer(m, 'Cleo')]) {
      expect(eventFor(changed!, v)).toEqual(changed);
      expect(received(m, v).changes).toEqual(m.view().changes);
    }
  });

  it('[E3] a change needs a reason; keeping needs none', () => {
    const m = electionAt('changes');
    expect(m.refused({ type: 'nomination.change', nomineeId: m.id('Cleo') }, m.as('Ana'))).toBe(
      'reason_required',
    );
    expect(m.refused({ type: 'nomination.change', nomineeId: null, reason: '   ' }, m.as('Ana'))).toBe(
      'reason_required',
    );
    const [kept] = m.ok({ type: 'nomination.change', nomineeId: m.id('Ben') }, m.as('Ben'));
    expect(kept).toMatchObject({ from: m.id('Ben'), to: m.id('Ben'), reason: '' });
  });

  it('[E3] only someone who nominated changes, in the change round, naming someone present', () => {
    const m = electionAt('changes');
    const dev = m.join('Dev');
    expect(m.refused({ type: 'nomination.change', nomineeId: m.id('Ben') }, participant(dev))).toBe(
      'not_allowed',
    );
    expect(
      m.refused({ type: 'nomination.change', nomineeId: testId(5, 0x5555), reason: 'x' }, m.as('Ana')),
    ).toBe('not_found');
    m.ok({ type: 'stage.advance', from: 'changes' }, fac);
    expect(
      m.refused({ type: 'nomination.change', nomineeId: m.id('Cleo'), reason: 'Late.' }, m.as('Ana')),
    ).toBe('wrong_stage');
    const n = inNominations();
    n.ok({ type: 'nomination.give', nomineeId: n.id('Ben'), reason: 'Ben.' }, n.as('Ana'));
    expect(n.refused({ type: 'nomination.change', nomineeId: n.id('Cleo'), reason: 'x' }, n.as('Ana'))).toBe(
      'wrong_stage',
    );
  });

  it('[E3] the tally counts current nominations, most first, "no one yet" included', () => {
    const m = electionAt('changes', {
      names: ['Ana', 'Ben', 'Cleo', 'Dev'],
      nominations: { Ana: 'Ben', Ben: 'Ben', Cleo: 'Ana', Dev: null },
    });
    expect(tally(m.view())).toEqual([
      { nomineeId: m.id('Ben'), count: 2, by: [m.id('Ana'), m.id('Ben')] },
      { nomineeId: m.id('Ana'), count: 1, by: [m.id('Cleo')] },
      { nomineeId: null, count: 1, by: [m.id('Dev')] },
    ]);
    m.ok({ type: 'nomination.change', nomineeId: m.id('Ana'), reason: 'Ana has more time.' }, m.as('Ben'));
    m.ok({ type: 'nomination.change', nomineeId: m.id('Ana'), reason: 'Convinced by Ben.' }, m.as('Dev'));
    m.ok({ type: 'nomination.change', nomineeId: m.id('Ben') }, m.as('Ana'));
    expect(tally(m.view())).toEqual([
      { nomineeId: m.id('Ana'), count: 3, by: [m.id('Ben'), m.id('Cleo'), m.id('Dev')] },
      { nomineeId: m.id('Ben'), count: 1, by: [m.id('Ana')] },
    ]);
  });
});

describe('E4 the consent check on the candidate', () => {
  it('[E4] the candidate answers last in the objection round', () => {
    const m = electionAt('objections'); // Ben proposed
    expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ben'))).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'concern', reason: 'Busy in March.' }, m.as('Ana'));
    expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ben'))).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    expect(Object.keys(m.view().objectionRound.responses)).toHaveLength(3);
  });

  it('[E4] the candidate answers last in the consent round, after everyone else has consented', () => {
    const m = electionAt('consent', { askAgain: true });
    // Nothing carried over (C7): the consent round asks everyone again; Ben first: no.
    expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ben'))).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ana'));
    expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ben'))).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
  });

  it('[E4] the candidate may decline in either round; the election goes back to proposal', () => {
    for (const stage of ['objections', 'consent'] as const) {
      const m = electionAt(stage);
      const version = currentProposal(m.view())!.version;
      const events = m.ok({ type: 'candidate.decline', reason: 'Not this year.' }, m.as('Ben'));
      expect(events).toEqual([
        expect.objectContaining({ type: 'candidate.declined', version, reason: 'Not this year.' }),
        expect.objectContaining({ type: 'stage.changed', from: stage, to: 'proposal', reason: 'declined' }),
      ]);
      expect(m.view().declined).toEqual([{ version, at: events[0]!.at, reason: 'Not this year.' }]);
      expect(m.view().stage).toBe('proposal');
      expect(m.state().value).toEqual({ open: 'proposal' });
      // The facilitator proposes someone else: a new consent check, no new nominations.
      m.ok({ type: 'candidate.propose', candidateId: m.id('Ana'), reasons: 'Ana next.' }, fac);
      m.ok({ type: 'stage.advance', from: 'proposal' }, fac);
      expect(m.view().stage).toBe('objections');
    }
  });

  it('[E4] only the candidate may decline, and only while their proposal is being checked', () => {
    const m = electionAt('objections');
    expect(m.refused({ type: 'candidate.decline' }, m.as('Ana'))).toBe('forbidden');
    expect(m.refused({ type: 'candidate.decline' }, fac)).toBe('forbidden');
    const p = electionAt('proposal');
    p.ok({ type: 'candidate.propose', candidateId: p.id('Ben'), reasons: 'Ben.' }, fac);
    expect(p.refused({ type: 'candidate.decline' }, p.as('Ben'))).toBe('wrong_stage');
    expect(m.view().declined).toEqual([]);
  });

  it('[E4][C5][C8] another candidate goes straight to a new consent check, without repeating the nomination rounds', () => {
    const { m, objection } = withQualifiedObjection();
    const before = m.view();
    const events = m.ok(
      {
        type: 'candidate.propose',
        candidateId: m.id('Cleo'),
        reasons: 'Cleo was nominated too and has the time.',
        resolves: [objection.id],
      },
      fac,
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'candidate.proposed',
        version: 2,
        candidateId: m.id('Cleo'),
        termStart: ROLE.termStart,
        termEnd: ROLE.termEnd,
        resolves: [objection.id],
      }),
      expect.objectContaining({
        type: 'stage.changed',
        from: 'objections',
        to: 'proposal',
        reason: 'amendment',
      }),
    ]);
    const view = m.view();
    // The nomination rounds are not repeated: nominations and changes are as they were.
    expect(view.nominations).toEqual(before.nominations);
    expect(view.changes).toEqual(before.changes);
    expect(view.nominationsRevealed).toBe(true);
    // C5: both rounds start again on version 2; C8: the objection is resolved by it.
    expect(view.objectionRound).toEqual({ version: 2, revealed: false, responses: {} });
    expect(view.consentRound).toEqual({ version: 2, revealed: true, responses: {} });
    expect(view.objections).toEqual([
      expect.objectContaining({ id: objection.id, status: 'resolved', resolvedBy: 2 }),
    ]);
    expect(view.proposals.map((p) => p.candidateId)).toEqual([m.id('Ben'), m.id('Cleo')]);

    m.ok({ type: 'stage.advance', from: 'proposal' }, fac);
    expect(m.view().stage).toBe('objections');
    // Cleo is the candidate now: she answers last; Ben answers like anyone else.
    expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Cleo'))).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ana'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
    m.ok({ type: 'responses.reveal' }, fac);
    m.ok({ type: 'stage.advance', from: 'objections' }, fac);
    consentedButCandidate(m);
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
    const [recorded] = m.ok({ type: 'election.record', outcome: 'elected' }, fac).slice(-1);
    expect(recorded).toMatchObject({ outcome: 'elected', electedId: m.id('Cleo'), version: 2 });
    const stages = m.log
      .filter((e) => e.type === 'stage.changed')
      .map((e) => e.type === 'stage.changed' && e.to);
    expect(stages.filter((s) => s === 'nominations' || s === 'changes')).toEqual(['nominations', 'changes']);
  });

  it('[E4][C5][C8] a shorter term for the same candidate resets both rounds and resolves the objection', () => {
    const { m, objection } = withQualifiedObjection();
    m.ok(
      {
        type: 'candidate.propose',
        candidateId: m.id('Ben'),
        reasons: 'Ben, for six months first.',
        termEnd: '2025-07-31',
        resolves: [objection.id],
      },
      fac,
    );
    expect(currentProposal(m.view())).toMatchObject({
      version: 2,
      candidateId: m.id('Ben'),
      termStart: ROLE.termStart,
      termEnd: '2025-07-31',
    });
    expect(m.view().objectionRound.responses).toEqual({});
    expect(m.view().objections[0]).toMatchObject({ status: 'resolved', resolvedBy: 2 });
    expect(openObjections(m.view())).toEqual([]);
    // C8: the next proposal cannot resolve it again.
    m.ok({ type: 'stage.advance', from: 'proposal' }, fac);
    expect(
      m.refused(
        { type: 'candidate.propose', candidateId: m.id('Ben'), reasons: 'Again.', resolves: [objection.id] },
        fac,
      ),
    ).toBe('not_allowed');
  });

  it('[E4][C5] a new proposal in the consent round throws away the consents given to the old one', () => {
    const m = electionAt('consent');
    consentedButCandidate(m);
    expect(Object.keys(m.view().consentRound.responses)).toHaveLength(2);
    const events = m.ok(
      { type: 'candidate.propose', candidateId: m.id('Ben'), reasons: 'Shorter.', termEnd: '2025-06-30' },
      fac,
    );
    expect(events.at(-1)).toMatchObject({ type: 'stage.changed', from: 'consent', to: 'proposal' });
    expect(m.view().consentRound).toEqual({ version: 2, revealed: true, responses: {} });
    expect(m.view().objectionRound).toEqual({ version: 2, revealed: false, responses: {} });
  });

  it('[E4] the candidate must be present', () => {
    const m = electionAt('proposal', { names: ['Ana', 'Ben', 'Cleo', 'Dev'], nominations: { Ana: 'Dev' } });
    m.ok({ type: 'participant.leave' }, m.as('Dev'));
    expect(m.refused({ type: 'candidate.propose', candidateId: m.id('Dev'), reasons: 'Dev.' }, fac)).toBe(
      'not_found',
    );
    expect(
      m.refused({ type: 'candidate.propose', candidateId: m.id('Ben'), reasons: 'x' }, m.as('Ana')),
    ).toBe('forbidden');
  });
});

describe('E5 the outcome', () => {
  it('[E5][C7] elected carries the person, the role and the term, and ends the election', () => {
    const m = electionAt('consent');
    consentedButCandidate(m);
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    const [recorded] = m.ok({ type: 'election.record', outcome: 'elected', note: 'Welcome, Ben.' }, fac);
    expect(recorded).toMatchObject({
      type: 'election.recorded',
      outcome: 'elected',
      version: 1,
      electedId: m.id('Ben'),
      electedName: 'Ben',
      role: ROLE.role,
      termStart: ROLE.termStart,
      termEnd: ROLE.termEnd,
      note: 'Welcome, Ben.',
    });
    expect(m.view().stage).toBe('outcome');
    expect(m.view().outcome).toEqual({
      outcome: 'elected',
      version: 1,
      at: recorded!.at,
      electedId: m.id('Ben'),
      electedName: 'Ben',
      role: ROLE.role,
      termStart: ROLE.termStart,
      termEnd: ROLE.termEnd,
      note: 'Welcome, Ben.',
    });
    const snap = m.state();
    expect(snap.value).toBe('elected');
    expect(snap.status).toBe('done');
    expect(m.refused({ type: 'election.record', outcome: 'none' }, fac)).toBe('meeting_closed');
    expect(m.refused({ type: 'candidate.decline' }, m.as('Ben'))).toBe('meeting_closed');
  });

  it('[E5] the term recorded is the current proposal’s, shortened to resolve an objection', () => {
    const { m, objection } = withQualifiedObjection();
    m.ok(
      {
        type: 'candidate.propose',
        candidateId: m.id('Ben'),
        reasons: 'Six months.',
        termStart: '2025-03-01',
        termEnd: '2025-08-31',
        resolves: [objection.id],
      },
      fac,
    );
    m.ok({ type: 'stage.advance', from: 'proposal' }, fac);
    for (const name of ['Ana', 'Cleo', 'Ben']) m.ok({ type: 'response.give', kind: 'consent' }, m.as(name));
    m.ok({ type: 'responses.reveal' }, fac);
    m.ok({ type: 'stage.advance', from: 'objections' }, fac);
    consentedButCandidate(m);
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    const [recorded] = m.ok({ type: 'election.record', outcome: 'elected' }, fac);
    expect(recorded).toMatchObject({ version: 2, termStart: '2025-03-01', termEnd: '2025-08-31' });
  });
});

describe('C6, C7 on the candidate', () => {
  it('[C6] consent is not entered while an objection is open or responses are hidden', () => {
    const m = electionAt('objections');
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Ben is new here.' }, m.as('Ana'));
    expect(m.refused({ type: 'stage.advance', from: 'objections' }, fac)).toBe('not_allowed');
    m.ok({ type: 'responses.reveal' }, fac);
    expect(m.refused({ type: 'stage.advance', from: 'objections' }, fac)).toBe('not_allowed'); // raised
    const objection = m.view().objections[0]!;
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, fac);
    expect(m.refused({ type: 'stage.advance', from: 'objections' }, fac)).toBe('not_allowed'); // qualified
    expect(m.view().stage).toBe('objections');
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, fac);
    m.ok({ type: 'stage.advance', from: 'objections' }, fac);
    expect(m.view().stage).toBe('consent');
    expect(m.view().concerns).toEqual([expect.objectContaining({ id: objection.id, source: 'objection' })]);
  });

  it('[C7] elected requires everyone present to consent to the current proposal', () => {
    const m = electionAt('consent', {
      names: ['Ana', 'Ben', 'Cleo', 'Dev'],
      nominations: { Ana: 'Ben' },
      askAgain: true,
    });
    expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('not_allowed');
    // Dev steps out before answering; everyone else consents, Ben last.
    m.ok({ type: 'participant.leave' }, m.as('Dev'));
    consentedButCandidate(m);
    expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    // Dev comes back: present again, and their consent is missing.
    m.join('Dev');
    expect(m.view().participants[m.id('Dev')]!.present).toBe(true);
    expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('not_allowed');
    // Someone marked absent does not block.
    m.ok({ type: 'participant.markAbsent', participantId: m.id('Dev') }, fac);
    m.ok({ type: 'election.record', outcome: 'elected' }, fac);
    expect(m.state().value).toBe('elected');
  });

  it('[C7][E4] consents to an earlier proposal do not count, and a candidate who left cannot be elected', () => {
    const m = electionAt('consent', { askAgain: true });
    consentedButCandidate(m);
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    m.ok(
      { type: 'candidate.propose', candidateId: m.id('Ben'), reasons: 'Shorter.', termEnd: '2025-05-31' },
      fac,
    );
    m.ok({ type: 'stage.advance', from: 'proposal' }, fac);
    expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('wrong_stage');
    for (const name of ['Ana', 'Cleo', 'Ben']) m.ok({ type: 'response.give', kind: 'consent' }, m.as(name));
    m.ok({ type: 'responses.reveal' }, fac);
    m.ok({ type: 'stage.advance', from: 'objections' }, fac);
    // C7: the "no objection" answers to the new proposal carry over, the candidate's last.
    expect(canElect(m.view())).toBeNull();
    // Confirming a carried consent is not a new answer: Ben's still comes last.
    consentedButCandidate(m);
    expect(canElect(m.view())).toBeNull();
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    m.ok({ type: 'participant.leave' }, m.as('Ben'));
    expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('not_allowed');
    // The machine itself refuses an elected record that names anyone but the current candidate.
    m.join('Ben');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    const forged = {
      type: 'election.recorded',
      outcome: 'elected',
      version: 2,
      electedId: m.id('Ana'),
      role: ROLE.role,
      by: 'facilitator',
      seq: m.live.view.seq + 1,
      at: m.now(),
      commandId: testId(998, 0xc0de),
    } as MeetingEvent;
    expect(m.state().can(forged)).toBe(false);
    expect(m.state().can({ ...forged, electedId: m.id('Ben'), version: 1 } as MeetingEvent)).toBe(false);
    expect(m.state().can({ ...forged, electedId: m.id('Ben') } as MeetingEvent)).toBe(true);
  });
});

describe('C1, C3 stages and commands', () => {
  it('[C1] the stages run role → nominations → changes → proposal → objections → consent, and back one', () => {
    const m = electionAt('consent');
    const stages = m.log
      .filter((e) => e.type === 'stage.changed')
      .map((e) => e.type === 'stage.changed' && e.to);
    expect(stages).toEqual(['nominations', 'changes', 'proposal', 'objections', 'consent']);
    m.ok({ type: 'stage.back', from: 'consent' }, fac);
    m.ok({ type: 'stage.back', from: 'objections' }, fac);
    m.ok({ type: 'stage.back', from: 'proposal' }, fac);
    expect(m.view().stage).toBe('changes');
    // Back to nominations would undo the reveal: refused.
    expect(m.refused({ type: 'stage.back', from: 'changes' }, fac)).toBe('not_allowed');
    expect(m.refused({ type: 'stage.advance', from: 'proposal' }, fac)).toBe('stale_stage');
    const r = startElection();
    expect(r.refused({ type: 'stage.advance', from: 'role' }, fac)).toBe('not_allowed'); // no role yet
    expect(r.refused({ type: 'stage.back', from: 'role' }, fac)).toBe('not_allowed');
    r.ok({ type: 'role.set', ...ROLE }, fac);
    r.ok({ type: 'stage.advance', from: 'role' }, fac);
    r.ok({ type: 'stage.back', from: 'nominations' }, fac);
    expect(r.view().stage).toBe('role');
    const p = electionAt('proposal');
    expect(p.refused({ type: 'stage.advance', from: 'proposal' }, fac)).toBe('not_allowed'); // nobody proposed
  });

  it('[C3] commands in the wrong stage are refused with wrong_stage, recording nothing', () => {
    const id = testId(42, 0x4242);
    const cases: Array<[ElectionStage, (m: TestElection) => void]> = [
      [
        'role',
        (m) => {
          expect(m.refused({ type: 'nominations.reveal' }, fac)).toBe('wrong_stage');
          // C3 before E3: the change round has not begun (the rule that says so answers first).
          expect(m.refused({ type: 'nomination.change', nomineeId: null, reason: 'x' }, m.as('Ana'))).toBe(
            'wrong_stage',
          );
          expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ana'))).toBe('wrong_stage');
          expect(m.refused({ type: 'responses.reveal' }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'candidate.propose', candidateId: m.id('Ben'), reasons: 'x' }, fac)).toBe(
            'wrong_stage',
          );
          expect(m.refused({ type: 'candidate.decline' }, m.as('Ben'))).toBe('wrong_stage');
          expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'objection.test', objectionId: id, verdict: 'qualifies' }, fac)).toBe(
            'wrong_stage',
          );
        },
      ],
      [
        'nominations',
        (m) => {
          expect(m.refused({ type: 'role.set', ...ROLE }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ana'))).toBe('wrong_stage');
          expect(m.refused({ type: 'candidate.propose', candidateId: m.id('Ben'), reasons: 'x' }, fac)).toBe(
            'wrong_stage',
          );
          expect(m.refused({ type: 'objection.withdraw', objectionId: id }, m.as('Ana'))).toBe('wrong_stage');
        },
      ],
      [
        'changes',
        (m) => {
          expect(m.refused({ type: 'role.set', ...ROLE }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'nomination.give', nomineeId: null }, m.as('Ana'))).toBe('wrong_stage');
          expect(m.refused({ type: 'candidate.propose', candidateId: m.id('Ben'), reasons: 'x' }, fac)).toBe(
            'wrong_stage',
          );
          expect(m.refused({ type: 'responses.reveal' }, fac)).toBe('wrong_stage');
        },
      ],
      [
        'proposal',
        (m) => {
          expect(m.refused({ type: 'response.give', kind: 'objection', reason: 'x' }, m.as('Ana'))).toBe(
            'wrong_stage',
          );
          expect(m.refused({ type: 'nominations.reveal' }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'candidate.decline' }, m.as('Ben'))).toBe('wrong_stage');
        },
      ],
      [
        'objections',
        (m) => {
          expect(m.refused({ type: 'nomination.give', nomineeId: null }, m.as('Ana'))).toBe('wrong_stage');
          expect(m.refused({ type: 'nomination.change', nomineeId: null, reason: 'x' }, m.as('Ana'))).toBe(
            'wrong_stage',
          );
          expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('wrong_stage');
        },
      ],
      [
        'consent',
        (m) => {
          expect(m.refused({ type: 'responses.reveal' }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'role.set', ...ROLE }, fac)).toBe('wrong_stage');
          expect(m.refused({ type: 'nomination.give', nomineeId: null }, m.as('Ana'))).toBe('wrong_stage');
        },
      ],
    ];
    for (const [stage, check] of cases) {
      const m =
        stage === 'role'
          ? (() => {
              const e = startElection();
              e.ok({ type: 'role.set', ...ROLE }, fac);
              return e;
            })()
          : stage === 'nominations'
            ? inNominations()
            : electionAt(stage);
      expect(m.view().stage).toBe(stage);
      check(m);
      expect(m.view().stage).toBe(stage);
    }
  });

  it('[C3] a consent decision’s own commands are refused in an election', () => {
    const m = electionAt('objections');
    const qid = testId(9, 0x9999);
    const refusals = [
      m.refused({ type: 'proposal.edit', title: 'T', driver: 'D', text: 'X' }, fac),
      m.refused({ type: 'proposal.amend', text: 'X' }, fac),
      m.refused({ type: 'question.ask', text: 'Why?' }, m.as('Ana')),
      m.refused({ type: 'question.answer', questionId: qid, text: 'Because.' }, fac),
      m.refused({ type: 'reaction.give', text: 'Hm.' }, m.as('Ana')),
      m.refused({ type: 'outcome.record', outcome: 'adopted' }, fac),
    ];
    expect(refusals).toEqual(refusals.map(() => 'wrong_stage'));
  });

  it('[C3] an election’s commands are refused in a consent decision', () => {
    const d = startMeeting();
    const ana = participant(d.ids.Ana!);
    const codes = [
      d.run({ type: 'role.set', ...ROLE }, facilitator),
      d.run({ type: 'nomination.give', nomineeId: null }, ana),
      d.run({ type: 'nominations.reveal' }, facilitator),
      d.run({ type: 'nomination.change', nomineeId: null, reason: 'x' }, ana),
      d.run({ type: 'candidate.propose', candidateId: d.ids.Ben!, reasons: 'x' }, facilitator),
      d.run({ type: 'candidate.decline' }, ana),
      d.run({ type: 'election.record', outcome: 'none' }, facilitator),
    ].map((r) => (r.ok ? 'accepted' : r.error.code));
    expect(codes).toEqual(codes.map(() => 'wrong_stage'));
    expect(d.view().kind).toBe('decision');
  });
});

describe('no one elected', () => {
  /** Elections in every stage, some with something still hidden. */
  const situations: Array<[string, () => TestElection]> = [
    ['role, nothing said', () => startElection()],
    [
      'nominations, all hidden',
      () => {
        const m = inNominations();
        m.ok({ type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'hidden-ana' }, m.as('Ana'));
        m.ok({ type: 'nomination.give', nomineeId: null }, m.as('Cleo'));
        return m;
      },
    ],
    [
      'role again, nominations hidden (back from nominations)',
      () => {
        const m = inNominations();
        m.ok({ type: 'nomination.give', nomineeId: m.id('Ben'), reason: 'hidden-ana' }, m.as('Ana'));
        m.ok({ type: 'stage.back', from: 'nominations' }, fac);
        return m;
      },
    ],
    ['changes', () => electionAt('changes')],
    ['proposal', () => electionAt('proposal')],
    [
      'objections, responses hidden',
      () => {
        const m = electionAt('objections');
        m.ok({ type: 'response.give', kind: 'objection', reason: 'hidden-objection' }, m.as('Ana'));
        return m;
      },
    ],
    [
      'proposal again, responses hidden (back from objections)',
      () => {
        const m = electionAt('objections');
        m.ok({ type: 'response.give', kind: 'objection', reason: 'hidden-objection' }, m.as('Ana'));
        m.ok({ type: 'stage.back', from: 'objections' }, fac);
        return m;
      },
    ],
    [
      'proposal again, responses hidden (the candidate declined)',
      () => {
        const m = electionAt('objections');
        m.ok({ type: 'response.give', kind: 'concern', reason: 'hidden-concern' }, m.as('Ana'));
        m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
        m.ok({ type: 'candidate.decline' }, m.as('Ben'));
        return m;
      },
    ],
    ['consent', () => electionAt('consent')],
  ];

  for (const [name, make] of situations) {
    it(`[E1][C10] 'none' can be recorded from ${name}, revealing whatever was hidden`, () => {
      const m = make();
      const hidden = JSON.stringify(m.log).match(/hidden-[a-z]+/g) ?? [];
      const events = m.ok({ type: 'election.record', outcome: 'none', note: 'Not today.' }, fac);
      expect(events.at(-1)).toMatchObject({ type: 'election.recorded', outcome: 'none', note: 'Not today.' });
      const snap = m.state();
      expect(snap.value).toBe('none');
      expect(snap.status).toBe('done');
      const view = m.item();
      expect(view.stage).toBe('outcome');
      expect(view.outcome).toMatchObject({ outcome: 'none' });
      expect(view.outcome).not.toHaveProperty('electedId');
      if (Object.keys(view.nominations).length > 0) expect(view.nominationsRevealed).toBe(true);
      expect(view.objectionRound.revealed || Object.keys(view.objectionRound.responses).length === 0).toBe(
        true,
      );
      // Everyone, the facilitator included, now holds everything that was hidden.
      for (const v of [FAC, viewer(m, 'Ana'), viewer(m, 'Ben'), viewer(m, 'Cleo')]) {
        const seen = received(m, v);
        expect(seen).toEqual(viewFor(view, v));
        expect(seen).toEqual(view);
        for (const secret of hidden) expect(JSON.stringify(seen)).toContain(secret);
      }
    });
  }
});

describe('the record around a decline and a new proposal', () => {
  it('[E4][R1] a decline first reveals the hidden answers, and the declined proposal no longer stands', () => {
    const e = electionAt('objections');
    e.ok({ type: 'response.give', kind: 'concern', reason: 'Busy season' }, e.as('Ana'));
    e.ok({ type: 'candidate.decline', reason: 'Not this year' }, e.as('Ben'));
    expect(e.view().objectionRound.revealed).toBe(true);
    expect(e.view().concerns.map((c) => c.reason)).toEqual(['Busy season']);
    expect(e.view().stage).toBe('proposal');
    const refused = e.run({ type: 'stage.advance', from: 'proposal' }, facilitator);
    expect(refused.ok ? undefined : refused.error.message).toMatch(/declined proposal no longer stands/);
  });

  it('[C5][R1] a new proposal is refused while objection-round answers are hidden', () => {
    const e = electionAt('objections');
    e.ok({ type: 'response.give', kind: 'consent' }, e.as('Ana'));
    const refused = e.run(
      { type: 'candidate.propose', candidateId: e.id('Cleo'), reasons: 'Another try' },
      facilitator,
    );
    expect(refused.ok ? undefined : refused.error.message).toMatch(/Reveal the responses first/);
  });
});

describe('C7 carry-over in an election, the candidate last (E4)', () => {
  it('[C7][E4] "no objection" and "concern" on the proposal carry into the consent round: elected without asking again', () => {
    const m = electionAt('objections');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ana'));
    m.ok({ type: 'response.give', kind: 'concern', reason: 'Busy spring.' }, m.as('Cleo'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    m.ok({ type: 'responses.reveal' }, fac);
    m.ok({ type: 'stage.advance', from: 'objections' }, fac);
    expect(m.view().consentRound.responses).toEqual({});
    for (const name of ['Ana', 'Cleo', 'Ben'])
      expect(electionConsentOf(m.view(), m.id(name))).toBe('carried');
    m.ok({ type: 'election.record', outcome: 'elected' }, fac);
    expect(m.view().outcome).toMatchObject({ outcome: 'elected', electedId: m.id('Ben') });
  });

  it('[C7][E4] the candidate’s carried consent counts only while it is the last: after a later consent, the candidate confirms', () => {
    const m = electionAt('objections');
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Ben is new.' }, m.as('Ana'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    m.ok({ type: 'responses.reveal' }, fac);
    const objection = m.view().objections[0]!;
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, fac);
    m.ok({ type: 'stage.advance', from: 'objections' }, fac);
    // Ana's objection does not carry; Cleo's and Ben's do, but Ana has not answered yet.
    expect(electionConsentOf(m.view(), m.id('Cleo'))).toBe('carried');
    expect(electionConsentOf(m.view(), m.id('Ben'))).toBeUndefined();
    expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ben'))).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ana'));
    // Ana consented after Ben's carried answer: Ben answers again, last.
    expect(electionConsentOf(m.view(), m.id('Ben'))).toBeUndefined();
    expect(canElect(m.view())?.message).toContain('Still waiting for Ben');
    expect(m.refused({ type: 'election.record', outcome: 'elected' }, fac)).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    m.ok({ type: 'election.record', outcome: 'elected' }, fac);
  });

  it('[C7][E4][C5] a new candidate proposal resets the carry-over: everyone answers again', () => {
    const m = electionAt('consent');
    expect(canElect(m.view())).toBeNull();
    m.ok({ type: 'candidate.propose', candidateId: m.id('Ana'), reasons: 'Ana next.' }, fac);
    m.ok({ type: 'stage.advance', from: 'proposal' }, fac);
    for (const name of ['Ana', 'Ben', 'Cleo'])
      expect(electionConsentOf(m.view(), m.id(name))).toBeUndefined();
    // The candidate still answers last in the new objection round.
    expect(m.refused({ type: 'response.give', kind: 'consent' }, m.as('Ana'))).toBe('not_allowed');
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Cleo'));
    m.ok({ type: 'response.give', kind: 'consent' }, m.as('Ana'));
    m.ok({ type: 'responses.reveal' }, fac);
    m.ok({ type: 'stage.advance', from: 'objections' }, fac);
    expect(electionConsentOf(m.view(), m.id('Ana'))).toBe('carried');
    m.ok({ type: 'election.record', outcome: 'elected' }, fac);
    expect(m.view().outcome).toMatchObject({ electedId: m.id('Ana') });
  });
});
