/**
 * Properties over random elections (seeded, so a failure replays), like properties.test.ts for
 * the decision: replay gives the same election (A8, A5), and what each participant and the
 * facilitator receive equals what they may see (A6), with nobody else's nomination in it before
 * the reveal (E1) and nobody else's sealed response before its round is revealed (C10).
 */

import { reduceConsentItem, reduceConsentItemLog } from '@circlewise/shared/consentItem';
import { RESPONSE_KINDS, VERDICTS } from '@circlewise/shared/constants';
import { openObjections } from '@circlewise/shared/decision';
import { currentProposal, type ElectionView } from '@circlewise/shared/election';
import type { MeetingEvent } from '@circlewise/shared/events';
import {
  currentItem,
  emptyMeetingView,
  reduceMeeting,
  reduceMeetingLog,
  seated,
} from '@circlewise/shared/meeting';
import { eventFor, type Viewer, viewFor } from '@circlewise/shared/visibility';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facilitator, participant, ROLE, startElection, type TestElection } from '../support/testElection';
import { itemState, machineAgrees, replayed } from '../support/testHarness';

const SEED = 20250301;
const RUNS = 150;
/** 150 seeded runs take ~2 s on a quiet machine; a busy shared one has taken 4.6 s, past vitest's 5 s default. */
const PROPERTY_TIMEOUT = 30_000;
const NAMES = ['Ana', 'Ben', 'Cleo'] as const;

type Action =
  | { kind: 'advance' }
  | { kind: 'back' }
  | { kind: 'role' }
  /** whom: an index into NAMES, or NAMES.length for "no one yet". */
  | { kind: 'nominate'; who: number; whom: number }
  | { kind: 'reveal' }
  | { kind: 'change'; who: number; whom: number; reason: boolean }
  | { kind: 'propose'; whom: number; shorter: boolean; resolveAll: boolean }
  | { kind: 'respond'; who: number; response: number }
  /** Everyone present consents, the candidate last: a random walk alone rarely elects. */
  | { kind: 'allConsent' }
  | { kind: 'revealResponses' }
  | { kind: 'test'; pick: number; verdict: number }
  | { kind: 'withdraw'; who: number; pick: number }
  | { kind: 'decline'; who: number }
  | { kind: 'record'; elected: boolean }
  | { kind: 'leave'; who: number }
  | { kind: 'rejoin'; who: number };

const who = fc.nat({ max: NAMES.length - 1 });
const whom = fc.nat({ max: NAMES.length });
const pick = fc.nat({ max: 3 });
const tag = <K extends Action['kind']>(kind: K) => fc.constant(kind);

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: tag('advance') }) },
  { weight: 1, arbitrary: fc.record({ kind: tag('back') }) },
  { weight: 2, arbitrary: fc.record({ kind: tag('role') }) },
  { weight: 10, arbitrary: fc.record({ kind: tag('nominate'), who, whom }) },
  { weight: 2, arbitrary: fc.record({ kind: tag('reveal') }) },
  { weight: 3, arbitrary: fc.record({ kind: tag('change'), who, whom, reason: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: tag('propose'),
      whom: who,
      shorter: fc.boolean(),
      resolveAll: fc.boolean(),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({ kind: tag('respond'), who, response: fc.nat({ max: RESPONSE_KINDS.length - 1 }) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: tag('allConsent') }) },
  { weight: 3, arbitrary: fc.record({ kind: tag('revealResponses') }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: tag('test'), pick, verdict: fc.nat({ max: VERDICTS.length - 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: tag('withdraw'), who, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: tag('decline'), who }) },
  // Mostly attempts to elect (refused until everyone consents), so elections are not cut short.
  { weight: 2, arbitrary: fc.record({ kind: tag('record'), elected: fc.nat({ max: 9 }).map((n) => n > 0) }) },
  { weight: 1, arbitrary: fc.record({ kind: tag('leave'), who }) },
  { weight: 1, arbitrary: fc.record({ kind: tag('rejoin'), who }) },
);

/** Secrets name their author and step, so a leak is easy to find in what others get. */
const nominationSecret = (i: number, n: number) => `nom:${NAMES[i]}:${n}`;
const responseSecret = (i: number, n: number) => `secret:${NAMES[i]}:${n}`;

function runAction(m: TestElection, a: Action, n: number): boolean {
  const view = m.view();
  if (view.stage === 'outcome') return false;
  const id = (i: number) => m.id(NAMES[i]!);
  const nominee = (i: number) => (i < NAMES.length ? id(i) : null);
  const before = m.log.length;
  let d: ReturnType<TestElection['run']>;
  switch (a.kind) {
    case 'advance':
    case 'back':
      d = m.run(
        { type: a.kind === 'advance' ? 'stage.advance' : 'stage.back', from: view.stage },
        facilitator,
      );
      break;
    case 'role':
      d = m.run({ type: 'role.set', ...ROLE }, facilitator);
      break;
    case 'nominate': {
      const nomineeId = nominee(a.whom);
      d = m.run(
        {
          type: 'nomination.give',
          nomineeId,
          ...(nomineeId !== null && { reason: nominationSecret(a.who, n) }),
        },
        participant(id(a.who)),
      );
      break;
    }
    case 'reveal':
      d = m.run({ type: 'nominations.reveal' }, facilitator);
      break;
    case 'change':
      d = m.run(
        {
          type: 'nomination.change',
          nomineeId: nominee(a.whom),
          ...(a.reason && { reason: `change:${NAMES[a.who]}:${n}` }),
        },
        participant(id(a.who)),
      );
      break;
    case 'propose':
      d = m.run(
        {
          type: 'candidate.propose',
          candidateId: id(a.whom),
          reasons: `Reasons ${n}`,
          ...(a.shorter && { termEnd: '2025-07-31' }),
          resolves: a.resolveAll ? openObjections(view).map((o) => o.id) : [],
        },
        facilitator,
      );
      break;
    case 'respond': {
      const kind = RESPONSE_KINDS[a.response]!;
      d = m.run(
        { type: 'response.give', kind, ...(kind !== 'consent' && { reason: responseSecret(a.who, n) }) },
        participant(id(a.who)),
      );
      break;
    }
    case 'allConsent': {
      const candidate = currentProposal(view)?.candidateId;
      const present = Object.values(view.participants).filter((p) => p.present);
      const order = [
        ...present.filter((p) => p.id !== candidate),
        ...present.filter((p) => p.id === candidate),
      ];
      let any = false;
      for (const p of order) {
        any = runAction(m, { kind: 'respond', who: NAMES.indexOf(p.name as never), response: 0 }, n) || any;
      }
      return any;
    }
    case 'revealResponses':
      d = m.run({ type: 'responses.reveal' }, facilitator);
      break;
    case 'test': {
      const o = view.objections[a.pick % Math.max(1, view.objections.length)];
      if (!o) return false;
      d = m.run({ type: 'objection.test', objectionId: o.id, verdict: VERDICTS[a.verdict]! }, facilitator);
      break;
    }
    case 'withdraw': {
      const o = view.objections[a.pick % Math.max(1, view.objections.length)];
      if (!o) return false;
      d = m.run({ type: 'objection.withdraw', objectionId: o.id }, participant(id(a.who)));
      break;
    }
    case 'decline':
      d = m.run({ type: 'candidate.decline', reason: `decline:${n}` }, participant(id(a.who)));
      break;
    case 'record':
      d = m.run({ type: 'election.record', outcome: a.elected ? 'elected' : 'none' }, facilitator);
      break;
    case 'leave':
      d = m.run({ type: 'participant.leave' }, participant(id(a.who)));
      break;
    case 'rejoin':
      if (view.participants[id(a.who)]?.present) return false;
      m.join(NAMES[a.who]!);
      return true;
  }
  if (!d.ok && m.log.length !== before) throw new Error(`refused ${a.kind} but recorded events`);
  return d.ok;
}

function randomElection(actions: Action[]): TestElection {
  const m = startElection([...NAMES]);
  actions.forEach((a, n) => {
    runAction(m, a, n);
  });
  return m;
}

// Elections need the role first; start most runs with it so they get somewhere.
const actions = fc
  .tuple(
    fc.nat({ max: 4 }).map((n) => n > 0),
    fc.array(actionArb, { minLength: 20, maxLength: 120, size: 'max' }),
  )
  .map(([role, rest]) =>
    role ? [{ kind: 'role' } as Action, { kind: 'advance' } as Action, ...rest] : rest,
  );

describe('A8 / A5 replay of elections', () => {
  it(
    '[A8][A5][A11] replaying the log admits every event and gives the same view and machine state, at every step',
    () => {
      fc.assert(
        fc.property(actions, (as) => {
          const m = randomElection(as);
          let meeting = emptyMeetingView();
          for (const e of m.log) {
            const before = meeting;
            meeting = reduceMeeting(meeting, e);
            machineAgrees(before, e, meeting);
            const view = seated(meeting, currentItem(meeting) as ElectionView);
            expect(itemState(meeting).value).toEqual(
              view.stage === 'outcome' ? view.outcome?.outcome : { open: view.stage },
            );
            expect(view.objectionRound.version).toBe(currentProposal(view)?.version ?? 0);
          }
          expect(replayed(m.log).view).toEqual(m.live.view);
          // A5: the item's view is the reducer over the log, kept once, in the meeting's view.
          expect(currentItem(reduceMeetingLog(m.log))).toEqual(m.item());
          expect(m.log.map((e) => e.seq)).toEqual(m.log.map((_, i) => i + 1));
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('A6 per-recipient visibility in elections', () => {
  it(
    '[A6][E1][C10] each viewer’s redacted stream reduces to viewFor of the full view, and leaks nothing',
    () => {
      const seen = { sealedNominations: 0, reveals: 0, sealedResponses: 0, elected: 0 };
      fc.assert(
        fc.property(actions, (as) => {
          const m = randomElection(as);
          const viewers: Array<[string, Viewer]> = [
            ['facilitator', { role: 'facilitator' }],
            ...NAMES.map(
              (n) => [n, { role: 'participant' as const, participantId: m.id(n) }] as [string, Viewer],
            ),
          ];
          for (const [name, viewer] of viewers) {
            // Step by step, so every snapshot a joiner or a resync could get is checked too.
            let full = reduceConsentItemLog([]);
            let mine = reduceConsentItemLog([]);
            for (const e of m.log) {
              const sent = eventFor(e, viewer);
              full = reduceConsentItem(full, e);
              mine = reduceConsentItem(mine, sent);
              const allowed = viewFor(full, viewer) as ElectionView;
              expect(mine).toEqual(allowed);
              expectNoLeak(e, sent, name, viewer);
              // Before the reveal, no snapshot for this viewer names anyone else's nominee or reason.
              if (!allowed.nominationsRevealed) {
                const others = JSON.stringify(allowed).match(/nom:[A-Za-z]+:\d+/g) ?? [];
                for (const s of others) expect(s.startsWith(`nom:${name}:`), `${name} saw ${s}`).toBe(true);
                for (const [id, n] of Object.entries(allowed.nominations)) {
                  if (viewer.role === 'participant' && id === viewer.participantId) continue;
                  expect(n).not.toHaveProperty('nomineeId');
                  expect(n).not.toHaveProperty('reason');
                }
              }
            }
            expect(reduceConsentItemLog(m.log.map((e) => eventFor(e, viewer)))).toEqual(
              viewFor(reduceConsentItemLog(m.log), viewer),
            );
          }
          for (const e of m.log) {
            if (e.type === 'nomination.given') seen.sealedNominations++;
            if (e.type === 'nominations.revealed') seen.reveals++;
            if (e.type === 'response.given' && e.sealed) seen.sealedResponses++;
            if (e.type === 'election.recorded' && e.outcome === 'elected') seen.elected++;
          }
        }),
        { seed: SEED + 1, numRuns: RUNS },
      );
      // The generator must exercise what the property is about, or it says nothing.
      expect(seen.sealedNominations).toBeGreaterThan(200);
      expect(seen.reveals).toBeGreaterThan(50);
      expect(seen.sealedResponses).toBeGreaterThan(50);
      expect(seen.elected).toBeGreaterThan(0);
    },
    PROPERTY_TIMEOUT,
  );
});

/** What a viewer received of someone else's sealed event carries none of its content. */
function expectNoLeak(original: MeetingEvent, sent: MeetingEvent, name: string, viewer: Viewer) {
  const mine =
    viewer.role === 'participant' &&
    'participantId' in original &&
    original.participantId === viewer.participantId;
  if (original.type === 'nomination.given') {
    // E1: sealed from everyone but the author, the facilitator too.
    expect(original.sealed).toBe(true);
    if (mine) return expect(sent).toEqual(original);
    expect(sent).not.toHaveProperty('nomineeId');
    expect(sent).not.toHaveProperty('reason');
    expect(JSON.stringify(sent)).not.toMatch(/nom:/);
    return;
  }
  if (original.type === 'response.given' && original.sealed && !mine && viewer.role === 'participant') {
    expect(sent).not.toHaveProperty('kind');
    expect(sent).not.toHaveProperty('reason');
    expect(JSON.stringify(sent), `${name} got a sealed response`).not.toContain('secret:');
  }
}
