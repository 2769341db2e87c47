/**
 * A role election (PROCESS.md E1–E5) as a statechart over recorded events: the role and term,
 * secret nominations, the change round, then a consent check on the proposed candidate that
 * follows the decision's rules through the same guards (consentCheckGuards.ts). Its context is
 * the election reducer's view and nothing else (A5). Pure.
 */
import type { ElectionStage } from '@circlewise/shared/constants';
import {
  canElect,
  currentProposal,
  type ElectionView,
  emptyElectionView,
  othersHaveAnswered,
} from '@circlewise/shared/election';
import { reduceElection } from '@circlewise/shared/electionReducer';
import type { MeetingEvent } from '@circlewise/shared/events';
import { canEnterConsent } from '@circlewise/shared/rules';
import { and, assign, not, setup } from 'xstate';
import * as check from './consentCheckGuards';

export interface ElectionContext {
  view: ElectionView;
}

const movesTo = (to: ElectionStage) => ({ type: 'movesTo', params: { to } }) as const;
const respondsIn = (stage: 'objections' | 'consent') => ({ type: 'respondsIn', params: { stage } }) as const;
const candidateLast = (stage: 'objections' | 'consent') =>
  ({ type: 'candidateLast', params: { stage } }) as const;

export const electionMachine = setup({
  types: {
    context: {} as ElectionContext,
    events: {} as MeetingEvent,
    input: {} as { view?: ElectionView } | undefined,
  },
  guards: {
    movesTo: ({ context, event }, params: { to: ElectionStage }) =>
      event.type === 'stage.changed' && event.from === context.view.stage && event.to === params.to,
    isFirst: ({ context }) => check.isFirst(context.view),
    byPresentParticipant: ({ context, event }) => check.byPresentParticipant(context.view, event),
    roleSet: ({ context }) => context.view.role !== undefined,
    /** E1: the reveal shows every nomination at once, and happens once. */
    revealsAllNominations: ({ context, event }) => {
      if (event.type !== 'nominations.revealed' || context.view.nominationsRevealed) return false;
      const shown = new Set(event.nominations.map((n) => n.participantId));
      const all = Object.keys(context.view.nominations);
      return all.length === shown.size && all.every((id) => shown.has(id));
    },
    nominationsRevealed: ({ context }) => context.view.nominationsRevealed,
    /** E3: a change comes from someone who nominated. */
    changesOwnNomination: ({ context, event }) =>
      event.type === 'nomination.changed' &&
      check.byPresentParticipant(context.view, event) &&
      context.view.nominations[event.participantId] !== undefined,
    /** The candidate is a present participant; a new proposal resolves only open objections (C5, C8). */
    proposesPresentCandidate: ({ context, event }) =>
      event.type === 'candidate.proposed' &&
      context.view.participants[event.candidateId]?.present === true &&
      check.newVersionResolvesOpen(context.view, event.version, event.resolves),
    /** A proposal stands until its candidate declines it: then another proposal is needed (E4). */
    hasProposal: ({ context }) => {
      const proposal = currentProposal(context.view);
      return proposal !== undefined && !context.view.declined.some((d) => d.version === proposal.version);
    },
    respondsIn: ({ context, event }, params: { stage: 'objections' | 'consent' }) =>
      check.respondsIn(context.view, event, params.stage),
    /** E4: the candidate answers last. */
    candidateLast: ({ context, event }, params: { stage: 'objections' | 'consent' }) =>
      event.type === 'response.given' &&
      (event.participantId !== currentProposal(context.view)?.candidateId ||
        othersHaveAnswered(context.view, params.stage)),
    revealsWholeRound: ({ context, event }) => check.revealsWholeObjectionRound(context.view, event),
    objectionTestable: ({ context, event }) => check.objectionTestable(context.view, event),
    withdrawnByAuthor: ({ context, event }) => check.withdrawnByAuthor(context.view, event),
    /** C6 */
    noOpenObjections: ({ context }) => canEnterConsent(context.view) === null,
    /** E4: only the proposed candidate declines, for the current proposal. */
    declinedByCandidate: ({ context, event }) => {
      const proposal = currentProposal(context.view);
      return (
        event.type === 'candidate.declined' &&
        event.by === proposal?.candidateId &&
        event.version === proposal.version
      );
    },
    /** C7, E4, E5: elected once everyone consented; the record names who, which role and term. */
    elects: ({ context, event }) => {
      const proposal = currentProposal(context.view);
      return (
        event.type === 'election.recorded' &&
        event.outcome === 'elected' &&
        proposal !== undefined &&
        event.version === proposal.version &&
        event.electedId === proposal.candidateId &&
        canElect(context.view) === null
      );
    },
    nobodyElected: ({ event }) => event.type === 'election.recorded' && event.outcome === 'none',
  },
  actions: {
    apply: assign({ view: ({ context, event }) => reduceElection(context.view, event) }),
  },
}).createMachine({
  id: 'election',
  context: ({ input }) => ({ view: input?.view ?? emptyElectionView() }),
  initial: 'open',
  states: {
    open: {
      initial: 'role',
      on: {
        'meeting.created': { guard: 'isFirst', actions: 'apply' },
        'participant.joined': { actions: 'apply' },
        'participant.left': { guard: 'byPresentParticipant', actions: 'apply' },
        // Reveals are taken in any stage: an outcome recorded from any stage first reveals what is
        // still hidden (R1), e.g. after going back from nominations or objections. Decide sends
        // them otherwise only from nominations (E1) and objections (C10).
        'nominations.revealed': { guard: 'revealsAllNominations', actions: 'apply' },
        'responses.revealed': { guard: 'revealsWholeRound', actions: 'apply' },
        'election.recorded': { guard: 'nobodyElected', target: 'none', actions: 'apply' },
      },
      states: {
        role: {
          on: {
            'role.set': { actions: 'apply' },
            'stage.changed': {
              guard: and([movesTo('nominations'), 'roleSet']),
              target: 'nominations',
              actions: 'apply',
            },
          },
        },
        nominations: {
          on: {
            // E2: one nomination each; a later one replaces the earlier (the reducer keys by author).
            // Sealed until the reveal, so none after it (E1).
            'nomination.given': {
              guard: and(['byPresentParticipant', not('nominationsRevealed')]),
              actions: 'apply',
            },
            'stage.changed': [
              {
                guard: and([movesTo('changes'), 'nominationsRevealed']),
                target: 'changes',
                actions: 'apply',
              },
              { guard: movesTo('role'), target: 'role', actions: 'apply' },
            ],
          },
        },
        changes: {
          on: {
            'nomination.changed': { guard: 'changesOwnNomination', actions: 'apply' },
            'stage.changed': { guard: movesTo('proposal'), target: 'proposal', actions: 'apply' },
          },
        },
        proposal: {
          on: {
            'candidate.proposed': { guard: 'proposesPresentCandidate', actions: 'apply' },
            'stage.changed': [
              { guard: and([movesTo('objections'), 'hasProposal']), target: 'objections', actions: 'apply' },
              { guard: movesTo('changes'), target: 'changes', actions: 'apply' },
            ],
          },
        },
        objections: {
          on: {
            'response.given': {
              guard: and([respondsIn('objections'), candidateLast('objections')]),
              actions: 'apply',
            },
            'objection.tested': { guard: 'objectionTestable', actions: 'apply' },
            'objection.withdrawn': { guard: 'withdrawnByAuthor', actions: 'apply' },
            // Another candidate or a shorter term is a new proposal: back to proposal (E4, C5).
            'candidate.proposed': { guard: 'proposesPresentCandidate', actions: 'apply' },
            'candidate.declined': { guard: 'declinedByCandidate', actions: 'apply' },
            'stage.changed': [
              { guard: and([movesTo('consent'), 'noOpenObjections']), target: 'consent', actions: 'apply' },
              { guard: movesTo('proposal'), target: 'proposal', actions: 'apply' },
            ],
          },
        },
        consent: {
          on: {
            'response.given': {
              guard: and([respondsIn('consent'), candidateLast('consent')]),
              actions: 'apply',
            },
            'candidate.proposed': { guard: 'proposesPresentCandidate', actions: 'apply' },
            'candidate.declined': { guard: 'declinedByCandidate', actions: 'apply' },
            'stage.changed': [
              { guard: movesTo('objections'), target: 'objections', actions: 'apply' },
              { guard: movesTo('proposal'), target: 'proposal', actions: 'apply' },
            ],
            'election.recorded': { guard: 'elects', target: '#election.elected', actions: 'apply' },
          },
        },
      },
    },
    elected: { type: 'final' },
    none: { type: 'final' },
  },
});
