/**
 * The consent decision (PROCESS.md C1–C10) as a statechart over recorded events. It decides
 * *whether* an event may happen (`snapshot.can(event)`); its context is the shared reducer's
 * view and nothing else, so the machine keeps no second copy of the meeting (A5). Pure: no I/O,
 * no clocks; time arrives inside events.
 */
import type { ConsentStage, Outcome } from '@circlewise/shared/constants';
import { currentVersion, type DecisionView, emptyDecisionView } from '@circlewise/shared/decision';
import { reduceDecision } from '@circlewise/shared/decisionReducer';
import type { MeetingEvent } from '@circlewise/shared/events';
import { canAdopt, canEnterConsent, canPresent } from '@circlewise/shared/rules';
import { and, assign, setup } from 'xstate';
import * as check from './consentCheckGuards';

export interface DecisionContext {
  view: DecisionView;
}

const movesTo = (to: ConsentStage) => ({ type: 'movesTo', params: { to } }) as const;

export const consentDecisionMachine = setup({
  types: {
    context: {} as DecisionContext,
    events: {} as MeetingEvent,
    input: {} as { view?: DecisionView } | undefined,
  },
  guards: {
    /** C1: one stage forward or back from where the meeting is. */
    movesTo: ({ context, event }, params: { to: ConsentStage }) =>
      event.type === 'stage.changed' && event.from === context.view.stage && event.to === params.to,
    proposalReady: ({ context }) => canPresent(context.view) === null,
    /** C6 */
    noOpenObjections: ({ context }) => canEnterConsent(context.view) === null,
    /** C7, C9: everyone present consented to the current version, and a review date is set. */
    adoptable: ({ context, event }) =>
      event.type === 'outcome.recorded' &&
      event.outcome === 'adopted' &&
      event.version === currentVersion(context.view).version &&
      event.reviewDate !== undefined &&
      canAdopt(context.view) === null,
    outcomeIs: ({ event }, params: { outcome: Outcome }) =>
      event.type === 'outcome.recorded' && event.outcome === params.outcome,
    notPresented: ({ context }) => context.view.presentedAt === undefined,
    presented: ({ context }) => context.view.presentedAt !== undefined,
    /** C3: a response belongs to the stage that asks for it, on the current version. */
    respondsIn: ({ context, event }, params: { stage: 'objections' | 'consent' }) =>
      check.respondsIn(context.view, event, params.stage),
    byPresentParticipant: ({ context, event }) => check.byPresentParticipant(context.view, event),
    questionExists: ({ context, event }) =>
      event.type === 'question.answered' && context.view.questions.some((q) => q.id === event.questionId),
    /** C10: a round is revealed once, and the reveal carries every hidden response in it. */
    revealsWholeRound: ({ context, event }) => {
      if (event.type !== 'responses.revealed') return false;
      const { view } = context;
      if (event.stage === 'reactions') {
        const shown = new Set(event.reactions.map((r) => r.participantId));
        const all = Object.keys(view.reactions);
        return !view.reactionsRevealed && all.length === shown.size && all.every((id) => shown.has(id));
      }
      return check.revealsWholeObjectionRound(view, event);
    },
    isFirst: ({ context }) => check.isFirst(context.view),
    objectionTestable: ({ context, event }) => check.objectionTestable(context.view, event),
    withdrawnByAuthor: ({ context, event }) => check.withdrawnByAuthor(context.view, event),
    /** C5, C8 */
    amendsCurrent: ({ context, event }) =>
      event.type === 'proposal.amended' &&
      check.newVersionResolvesOpen(context.view, event.version, event.resolves),
  },
  actions: {
    apply: assign({ view: ({ context, event }) => reduceDecision(context.view, event) }),
  },
}).createMachine({
  id: 'consentDecision',
  context: ({ input }) => ({ view: input?.view ?? emptyDecisionView() }),
  initial: 'open',
  states: {
    open: {
      initial: 'proposal',
      on: {
        'meeting.created': { guard: 'isFirst', actions: 'apply' },
        'participant.joined': { actions: 'apply' },
        'participant.left': { guard: 'byPresentParticipant', actions: 'apply' },
        'proposal.amended': { guard: and(['presented', 'amendsCurrent']), actions: 'apply' },
        'question.answered': { guard: 'questionExists', actions: 'apply' },
        'responses.revealed': { guard: 'revealsWholeRound', actions: 'apply' },
        'outcome.recorded': [
          {
            guard: { type: 'outcomeIs', params: { outcome: 'withdrawn' } },
            target: 'withdrawn',
            actions: 'apply',
          },
          {
            guard: { type: 'outcomeIs', params: { outcome: 'deferred' } },
            target: 'deferred',
            actions: 'apply',
          },
        ],
      },
      states: {
        proposal: {
          on: {
            'proposal.edited': { guard: 'notPresented', actions: 'apply' },
            'stage.changed': {
              guard: and([movesTo('clarifying'), 'proposalReady']),
              target: 'clarifying',
              actions: 'apply',
            },
          },
        },
        clarifying: {
          on: {
            'question.asked': { guard: 'byPresentParticipant', actions: 'apply' },
            'stage.changed': [
              { guard: movesTo('reactions'), target: 'reactions', actions: 'apply' },
              { guard: movesTo('proposal'), target: 'proposal', actions: 'apply' },
            ],
          },
        },
        reactions: {
          on: {
            'reaction.given': { guard: 'byPresentParticipant', actions: 'apply' },
            'stage.changed': [
              { guard: movesTo('objections'), target: 'objections', actions: 'apply' },
              { guard: movesTo('clarifying'), target: 'clarifying', actions: 'apply' },
            ],
          },
        },
        objections: {
          on: {
            'response.given': {
              guard: { type: 'respondsIn', params: { stage: 'objections' } },
              actions: 'apply',
            },
            'objection.tested': { guard: 'objectionTestable', actions: 'apply' },
            'objection.withdrawn': { guard: 'withdrawnByAuthor', actions: 'apply' },
            'stage.changed': [
              {
                guard: and([movesTo('consent'), 'noOpenObjections']),
                target: 'consent',
                actions: 'apply',
              },
              { guard: movesTo('reactions'), target: 'reactions', actions: 'apply' },
            ],
          },
        },
        consent: {
          on: {
            'response.given': {
              guard: { type: 'respondsIn', params: { stage: 'consent' } },
              actions: 'apply',
            },
            // Back by the facilitator (C1), or reopened by a late objection or an amendment (C5).
            'stage.changed': {
              guard: movesTo('objections'),
              target: 'objections',
              actions: 'apply',
            },
            'outcome.recorded': { guard: 'adoptable', target: '#consentDecision.adopted', actions: 'apply' },
          },
        },
      },
    },
    adopted: { type: 'final' },
    withdrawn: { type: 'final' },
    deferred: { type: 'final' },
  },
});

export type ConsentDecisionMachine = typeof consentDecisionMachine;
