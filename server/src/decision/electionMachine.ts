/**
 * A role election (PROCESS.md E1–E5) as a statechart: the role and term, secret nominations, the
 * change round, then a consent check on the proposed candidate that follows the decision's rules
 * (consentCheckRules.ts). It keeps nothing of the election itself (A5): each decision resolves a
 * snapshot from the meeting's one view, and each guard is a rule of electionRules.ts or
 * consentCheckRules.ts, which also says why when it refuses. Pure.
 */
import type { ElectionStage } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { setup } from 'xstate';
import { machineGuards } from './decideEngine';
import { electionGuards } from './electionRules';

const movesTo = (to: ElectionStage) => ({ type: 'movesTo', params: { to } }) as const;
const respondsLast = (stage: 'objections' | 'consent') =>
  ({ type: 'respondsLast', params: { stage } }) as const;

export const electionMachine = setup({
  types: {
    context: {} as { view: Seated<ElectionView> },
    events: {} as MeetingEvent,
    // The view a decision is about; a machine never runs as an actor of its own (A5).
    input: {} as { view: Seated<ElectionView> },
  },
  guards: machineGuards<Seated<ElectionView>, typeof electionGuards>(electionGuards),
}).createMachine({
  id: 'election',
  context: ({ input }) => ({ view: input.view }),
  initial: 'open',
  states: {
    open: {
      initial: 'role',
      on: {
        // Reveals are taken in any stage: an outcome recorded from any stage first reveals what is
        // still hidden (R1), e.g. after going back from nominations or objections. The builders
        // send them otherwise only from nominations (E1) and objections (C10).
        'nominations.revealed': { guard: 'revealsAllNominations' },
        'responses.revealed': { guard: 'revealsObjectionRound' },
        'election.recorded': { guard: 'nobodyElected', target: 'none' },
      },
      states: {
        role: {
          on: {
            'role.set': {},
            'stage.changed': { guard: 'opensNominations', target: 'nominations' },
          },
        },
        nominations: {
          on: {
            // E2: one nomination each; a later one replaces the earlier (the reducer keys by author).
            'nomination.given': { guard: 'nominates' },
            'stage.changed': [
              { guard: 'opensChanges', target: 'changes' },
              { guard: movesTo('role'), target: 'role' },
            ],
          },
        },
        changes: {
          on: {
            'nomination.changed': { guard: 'changesOwnNomination' },
            'stage.changed': { guard: movesTo('proposal'), target: 'proposal' },
          },
        },
        proposal: {
          on: {
            'candidate.proposed': { guard: 'proposesCandidate' },
            'stage.changed': [
              { guard: 'opensObjections', target: 'objections' },
              { guard: movesTo('changes'), target: 'changes' },
            ],
          },
        },
        objections: {
          on: {
            'response.given': { guard: respondsLast('objections') },
            'objection.tested': { guard: 'testsOpenObjection' },
            'objection.withdrawn': { guard: 'withdrawnByAuthor' },
            // Another candidate or a shorter term is a new proposal: back to proposal (E4, C5).
            'candidate.proposed': { guard: 'proposesCandidate' },
            'candidate.declined': { guard: 'declinedByCandidate' },
            'stage.changed': [
              { guard: 'entersConsent', target: 'consent' },
              { guard: movesTo('proposal'), target: 'proposal' },
            ],
          },
        },
        consent: {
          on: {
            'response.given': { guard: respondsLast('consent') },
            'candidate.proposed': { guard: 'proposesCandidate' },
            'candidate.declined': { guard: 'declinedByCandidate' },
            'stage.changed': [
              { guard: movesTo('objections'), target: 'objections' },
              { guard: movesTo('proposal'), target: 'proposal' },
            ],
            'election.recorded': { guard: 'elects', target: '#election.elected' },
          },
        },
      },
    },
    elected: { type: 'final' },
    none: { type: 'final' },
  },
});
