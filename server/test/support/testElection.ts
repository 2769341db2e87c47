/**
 * Test helper: a role election on the shared harness (testHarness.ts), which also checks the
 * gateway's permissions, and shortcuts to each stage. Not used by the server itself.
 */
import type { ElectionStage } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import { FACILITATOR } from '@circlewise/shared/events';
import {
  type Cmd,
  facilitator,
  type Harness,
  MEETING_ID,
  participant,
  startHarness,
  testId,
} from './testHarness';

export type { Cmd };
export { facilitator, participant, testId };

export const ROLE = {
  role: 'Circle lead',
  description: 'Holds the agenda and the backlog.',
  termStart: '2025-02-01',
  termEnd: '2026-01-31',
} as const;

export type TestElection = Harness<ElectionView>;

export function startElection(names: string[] = ['Ana', 'Ben', 'Cleo']): TestElection {
  const m = startHarness<ElectionView>({ checkPermissions: true });
  m.record({
    type: 'meeting.created',
    meetingId: MEETING_ID,
    code: 'ELECT1',
    title: 'Circle lead',
    kind: 'election',
    by: FACILITATOR,
  });
  for (const name of names) m.join(name);
  return m;
}

/** The role set and the nominations round open. */
export function inNominations(names?: string[]): TestElection {
  const m = startElection(names);
  m.ok({ type: 'role.set', ...ROLE }, facilitator);
  m.ok({ type: 'stage.advance', from: 'role' }, facilitator);
  return m;
}

/**
 * Nominations given (`who` nominates `whom`, by name; null for "no one yet"), revealed, and the
 * election moved on to `stage` (changes or proposal; with a proposal of `candidate` for
 * objections and consent).
 */
export function electionAt(
  stage: Extract<ElectionStage, 'changes' | 'proposal' | 'objections' | 'consent'>,
  options: {
    names?: string[];
    nominations?: Record<string, string | null>;
    candidate?: string;
    /**
     * C7: in the objection round everyone objects and each objection is recorded as a concern, so
     * nobody's answer carries over and the consent round asks everyone again.
     */
    askAgain?: boolean;
  } = {},
): TestElection {
  const m = inNominations(options.names);
  const nominations = options.nominations ?? { Ana: 'Ben', Ben: 'Ben', Cleo: 'Ana' };
  for (const [who, whom] of Object.entries(nominations)) {
    m.ok(
      {
        type: 'nomination.give',
        nomineeId: whom === null ? null : m.id(whom),
        ...(whom !== null && { reason: `${who} trusts ${whom}` }),
      },
      m.as(who),
    );
  }
  m.ok({ type: 'nominations.reveal' }, facilitator);
  if (stage === 'changes') return m;
  m.ok({ type: 'stage.advance', from: 'changes' }, facilitator);
  if (stage === 'proposal') return m;
  const candidate = options.candidate ?? 'Ben';
  m.ok(
    { type: 'candidate.propose', candidateId: m.id(candidate), reasons: `${candidate} listens well.` },
    facilitator,
  );
  m.ok({ type: 'stage.advance', from: 'proposal' }, facilitator);
  if (stage === 'objections') return m;
  // Everyone consents in the objection round, the candidate last (their answers carry over into
  // the consent round, C7, unless `askAgain`); reveal; on to consent.
  const answer = options.askAgain
    ? ({ type: 'response.give', kind: 'objection', reason: 'Not sure yet.' } as const)
    : ({ type: 'response.give', kind: 'consent' } as const);
  for (const name of Object.keys(m.ids).filter((n) => n !== candidate)) {
    if (m.view().participants[m.id(name)]?.present) m.ok(answer, m.as(name));
  }
  m.ok(answer, m.as(candidate));
  m.ok({ type: 'responses.reveal' }, facilitator);
  if (options.askAgain) {
    for (const o of m.view().objections)
      m.ok({ type: 'objection.test', objectionId: o.id, verdict: 'concern' }, facilitator);
  }
  m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
  return m;
}
