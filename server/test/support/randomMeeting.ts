/**
 * Test helper: random meetings for property tests. An action is a loose intention ("Ben responds
 * with an objection", "the facilitator tests the 2nd objection") that is made concrete against
 * the meeting as it is when it runs, so most generated sequences get somewhere instead of being
 * refused at the first step. Refusals are part of the test: they must record nothing.
 */
import { GESTURES, OUTCOMES, RESPONSE_KINDS, VERDICTS } from '@circlewise/shared/constants';
import { openObjections } from '@circlewise/shared/decision';
import fc from 'fast-check';
import { facilitator, participant, startMeeting, type TestMeeting } from './testMeeting';

export const NAMES = ['Ana', 'Ben', 'Cleo'] as const;

export type Action =
  | { kind: 'advance' }
  | { kind: 'back' }
  | { kind: 'ask'; who: number }
  | { kind: 'answer'; pick: number }
  | { kind: 'react'; who: number; gesture: number }
  | { kind: 'respond'; who: number; response: number }
  | { kind: 'reveal' }
  /** Every present participant consents: a random walk alone almost never reaches adoption. */
  | { kind: 'allConsent' }
  | { kind: 'test'; pick: number; verdict: number }
  | { kind: 'withdraw'; who: number; pick: number }
  | { kind: 'amend'; resolveAll: boolean }
  | { kind: 'outcome'; outcome: number }
  | { kind: 'leave'; who: number }
  | { kind: 'markAbsent'; who: number }
  | { kind: 'rejoin'; who: number };

const who = fc.nat({ max: NAMES.length - 1 });
const pick = fc.nat({ max: 3 });

/** Weighted so meetings usually move forward, respond a lot, and end now and then. */
export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'advance' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'back' } as const) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ask' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('answer' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('react' as const),
      who,
      gesture: fc.nat({ max: GESTURES.length }),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('respond' as const),
      who,
      response: fc.nat({ max: RESPONSE_KINDS.length - 1 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'reveal' } as const) },
  { weight: 2, arbitrary: fc.constant({ kind: 'allConsent' } as const) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('test' as const),
      pick,
      verdict: fc.nat({ max: VERDICTS.length - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), who, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amend' as const), resolveAll: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('outcome' as const),
      // Mostly adoption attempts (refused until everyone consents), so meetings are not cut short.
      outcome: fc.nat({ max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('markAbsent' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rejoin' as const), who }) },
);

/** Run one action; returns whether it recorded anything. A refusal must leave the log alone. */
export function runAction(m: TestMeeting, a: Action, n: number): boolean {
  const view = m.view();
  if (view.stage === 'outcome') return false;
  const id = (i: number) => m.ids[NAMES[i]!]!;
  // Secret texts name their author and step, so a leak is easy to find in a redacted stream.
  const secret = (i: number) => `secret:${NAMES[i]}:${n}`;
  const before = m.log.length;
  let d: ReturnType<TestMeeting['run']> | undefined;
  switch (a.kind) {
    case 'advance':
    case 'back':
      d = m.run(
        { type: a.kind === 'advance' ? 'stage.advance' : 'stage.back', from: view.stage },
        facilitator,
      );
      break;
    case 'ask':
      d = m.run({ type: 'question.ask', text: `Q${n}?` }, participant(id(a.who)));
      break;
    case 'answer': {
      const q = view.questions[a.pick % Math.max(1, view.questions.length)];
      if (!q) return false;
      d = m.run({ type: 'question.answer', questionId: q.id, text: `A${n}` }, facilitator);
      break;
    }
    case 'react': {
      const gesture = GESTURES[a.gesture];
      d = m.run(
        { type: 'reaction.give', text: secret(a.who), ...(gesture && { gesture }) },
        participant(id(a.who)),
      );
      break;
    }
    case 'respond': {
      const kind = RESPONSE_KINDS[a.response]!;
      d = m.run(
        { type: 'response.give', kind, ...(kind !== 'consent' && { reason: secret(a.who) }) },
        participant(id(a.who)),
      );
      break;
    }
    case 'reveal':
      d = m.run({ type: 'responses.reveal' }, facilitator);
      break;
    case 'allConsent': {
      let any = false;
      for (const p of Object.values(view.participants).filter((x) => x.present)) {
        any = runAction(m, { kind: 'respond', who: NAMES.indexOf(p.name as never), response: 0 }, n) || any;
      }
      return any;
    }
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
    case 'amend':
      d = m.run(
        {
          type: 'proposal.amend',
          text: `Version after step ${n}`,
          resolves: a.resolveAll ? openObjections(view).map((o) => o.id) : [],
        },
        facilitator,
      );
      break;
    case 'outcome':
      d = m.run(
        { type: 'outcome.record', outcome: a.outcome < 4 ? 'adopted' : OUTCOMES[a.outcome - 3]! },
        facilitator,
      );
      break;
    case 'leave':
      d = m.run({ type: 'participant.leave' }, participant(id(a.who)));
      break;
    case 'markAbsent':
      d = m.run({ type: 'participant.markAbsent', participantId: id(a.who) }, facilitator);
      break;
    case 'rejoin':
      if (view.participants[id(a.who)]?.present) return false;
      m.join(NAMES[a.who]!);
      return true;
  }
  if (!d.ok && m.log.length !== before) throw new Error(`refused ${a.kind} but recorded events`);
  return d.ok;
}

/** A meeting with the three participants, after the given actions. */
export function randomMeeting(actions: Action[]): TestMeeting {
  const m = startMeeting([...NAMES]);
  actions.forEach((a, n) => {
    runAction(m, a, n);
  });
  return m;
}
