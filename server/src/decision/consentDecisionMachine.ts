/**
 * The consent decision (PROCESS.md C1–C10) as a statechart: which events may happen in which
 * stage, and where each one leads. It keeps nothing of the decision itself (A5): each decision
 * resolves a snapshot from the meeting's one view (decideEngine.ts `snapshotOf`), and each guard
 * is a rule of decisionRules.ts or consentCheckRules.ts, which also says why when it refuses.
 * Pure: no actions, no I/O, no clocks.
 */
import type { ConsentStage, Outcome } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { setup } from 'xstate';
import { machineGuards } from './decideEngine';
import { decisionGuards } from './decisionRules';

const movesTo = (to: ConsentStage) => ({ type: 'movesTo', params: { to } }) as const;
const respondsIn = (stage: 'objections' | 'consent') => ({ type: 'respondsIn', params: { stage } }) as const;
const endsWithout = (outcome: Outcome) => ({ type: 'endsWithout', params: { outcome } }) as const;

export const consentDecisionMachine = setup({
  types: {
    context: {} as { view: Seated<DecisionView> },
    events: {} as MeetingEvent,
    // The view a decision is about; a machine never runs as an actor of its own (A5).
    input: {} as { view: Seated<DecisionView> },
  },
  guards: machineGuards<Seated<DecisionView>, typeof decisionGuards>(decisionGuards),
}).createMachine({
  id: 'consentDecision',
  context: ({ input }) => ({ view: input.view }),
  initial: 'open',
  states: {
    open: {
      initial: 'proposal',
      on: {
        'proposal.edited': { guard: 'editsUnpresented' },
        'proposal.amended': { guard: 'amends' },
        'question.answered': { guard: 'answersQuestion' },
        // Taken in any stage: an outcome first reveals whatever is still hidden (R1).
        'responses.revealed': { guard: 'revealsRound' },
        'outcome.recorded': [
          { guard: endsWithout('withdrawn'), target: 'withdrawn' },
          { guard: endsWithout('deferred'), target: 'deferred' },
        ],
      },
      states: {
        proposal: {
          on: {
            'stage.changed': { guard: 'presents', target: 'clarifying' },
          },
        },
        clarifying: {
          on: {
            'question.asked': { guard: 'present' },
            'hand.raised': { guard: 'queues' },
            'hand.lowered': { guard: 'queues' },
            'hand.called': { guard: 'queues' },
            'stage.changed': [
              { guard: movesTo('reactions'), target: 'reactions' },
              { guard: movesTo('proposal'), target: 'proposal' },
            ],
          },
        },
        reactions: {
          on: {
            'reaction.given': { guard: 'reactsInTurn' },
            'stage.changed': [
              { guard: movesTo('objections'), target: 'objections' },
              { guard: movesTo('clarifying'), target: 'clarifying' },
            ],
            'round.ordered': { guard: 'reactsInTurn' },
            'round.passed': { guard: 'reactsInTurn' },
          },
        },
        objections: {
          on: {
            'response.given': { guard: respondsIn('objections') },
            'objection.tested': { guard: 'testsOpenObjection' },
            'objection.withdrawn': { guard: 'withdrawnByAuthor' },
            'hand.raised': { guard: 'queues' },
            'hand.lowered': { guard: 'queues' },
            'hand.called': { guard: 'queues' },
            'stage.changed': [
              { guard: 'entersConsent', target: 'consent' },
              { guard: movesTo('reactions'), target: 'reactions' },
            ],
          },
        },
        consent: {
          on: {
            'response.given': { guard: respondsIn('consent') },
            // Back by the facilitator (C1), or reopened by a late objection or an amendment (C5).
            'stage.changed': { guard: movesTo('objections'), target: 'objections' },
            'outcome.recorded': { guard: 'adopts', target: '#consentDecision.adopted' },
          },
        },
      },
    },
    adopted: { type: 'final' },
    withdrawn: { type: 'final' },
    deferred: { type: 'final' },
  },
});
