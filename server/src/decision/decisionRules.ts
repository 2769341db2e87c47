/**
 * The rules of a consent decision that an election does not share (PROCESS.md C1, C5, C7, C9,
 * C10, R3), each a guard of the decision machine that returns the refusal a person reads. The
 * rules both kinds share are in consentCheckRules.ts.
 */
import type { Outcome } from '@circlewise/shared/constants';
import { currentVersion, type DecisionView } from '@circlewise/shared/decision';
import type { EventOf } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { canAdopt, canPresent, type Refusal } from '@circlewise/shared/rules';
import {
  entersConsent,
  movesTo,
  newVersion,
  respondsIn,
  revealsEvery,
  revealsObjectionRound,
  takesPart,
  testsOpenObjection,
  withdrawnByAuthor,
} from './consentCheckRules';
import { type Guard, refusal } from './decideEngine';
import { queues } from './queueRules';
import { reactsInTurn } from './reactionTurnRules';

type View = Seated<DecisionView>;

/** The proposal is edited in place until it is presented; after that it is amended (C5). */
const editsUnpresented: Guard<View> = {
  allows: (view) =>
    view.presentedAt === undefined ? null : refusal('not_allowed', 'proposal_presented_amend'),
};

/** C1: the proposal is presented once it states its driver and its text. */
const presents: Guard<View> = {
  selects: (view, event) =>
    event.type === 'stage.changed' && event.from === view.stage && event.to === 'clarifying',
  allows: (view) => canPresent(view),
};

/**
 * An amendment: after the proposal is presented, different from the current version, and a new
 * version in the sense both kinds of item share (numbered next, hidden answers revealed first,
 * resolving only open objections).
 */
const amends: Guard<View> = {
  allows: (view, event) => {
    if (event.type !== 'proposal.amended') return null;
    if (view.presentedAt === undefined) {
      return refusal('not_allowed', 'proposal_not_presented');
    }
    const current = currentVersion(view);
    if (event.driver === current.driver && event.text === current.text) {
      return refusal('not_allowed', 'same_version', { next: current.version + 1, version: current.version });
    }
    return newVersion(view, event.version, event.resolves);
  },
};

const answersQuestion: Guard<View> = {
  allows: (view, event) =>
    event.type === 'question.answered' && !view.questions.some((q) => q.id === event.questionId)
      ? refusal('not_found', 'no_such_question')
      : null,
};

const present: Guard<View> = { allows: (view, event) => takesPart(view, event) };

/** C10 for reactions (and the objection round's own rule): once, and the whole round. */
const revealsRound: Guard<View> = {
  allows: (view, event) => {
    if (event.type !== 'responses.revealed') return null;
    if (event.stage === 'objections') return revealsObjectionRound.allows(view, event, undefined);
    const shown = event.reactions.map((r) => r.participantId);
    return revealsEvery(view.reactionsRevealed, shown, Object.keys(view.reactions), 'hidden response');
  },
};

// [C7]
/** Adopted once everyone present consented to the current version, with a review date (C9). */
const adopts: Guard<View> = {
  selects: (_view, event) => event.type === 'outcome.recorded' && event.outcome === 'adopted',
  allows: (view, event) => {
    if (event.type !== 'outcome.recorded') return null;
    if (event.version !== currentVersion(view).version) {
      return refusal('stale_stage', 'proposal_new_version_outcome');
    }
    return carriesReviewDate(event) ?? canAdopt(view);
  },
};

// [C9]
function carriesReviewDate(event: EventOf<'outcome.recorded'>): Refusal | null {
  return event.reviewDate !== undefined ? null : refusal('invalid_payload', 'review_date_required');
}

// [R3]
/**
 * Who is responsible and the evaluation criteria belong to an adopted agreement. Given with
 * another outcome, the command contradicts itself whatever the meeting's state, so it is an
 * invalid payload (not `not_allowed`, which says "not now"): dropping them silently would lose
 * what the facilitator typed without telling them.
 */
const endsWithout: Guard<View, { outcome: Outcome }> = {
  selects: (_view, event, { outcome }) => event.type === 'outcome.recorded' && event.outcome === outcome,
  allows: (_view, event) =>
    event.type === 'outcome.recorded' && (event.responsible !== undefined || event.evaluation !== undefined)
      ? refusal('invalid_payload', 'agreement_fields_only_adopted', { outcome: event.outcome })
      : null,
};

/** Every guard of the decision machine, by the name the machine uses. */
export const decisionGuards = {
  movesTo,
  presents,
  entersConsent,
  editsUnpresented,
  amends,
  answersQuestion,
  present,
  revealsRound,
  respondsIn,
  testsOpenObjection,
  withdrawnByAuthor,
  adopts,
  endsWithout,
  queues,
  reactsInTurn,
};
