/**
 * The rules of a role election (PROCESS.md E1–E5) that a decision does not share, each a guard of
 * the election machine that returns the refusal a person reads. The consent check on the
 * candidate uses the rules both kinds share (consentCheckRules.ts).
 */
import {
  canElect,
  currentNominee,
  currentProposal,
  type ElectionView,
  othersHaveAnswered,
} from '@circlewise/shared/election';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import type { Refusal } from '@circlewise/shared/rules';
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

type View = Seated<ElectionView>;
type Round = 'objections' | 'consent';

const moves = (view: View, event: MeetingEvent, to: string) =>
  event.type === 'stage.changed' && event.from === view.stage && event.to === to;

/** Someone named (a nominee, a candidate) is in the meeting now. */
const isPresent = (view: View, id: string | null) => id === null || view.participants[id]?.present === true;

/** Nominations open once the role and its term are set. */
const opensNominations: Guard<View> = {
  selects: (view, event) => moves(view, event, 'nominations'),
  allows: (view) => (view.role ? null : refusal('not_allowed', 'set_role_first')),
};

/** The change round opens with the reveal of the nominations (E1), not before it. */
const opensChanges: Guard<View> = {
  selects: (view, event) => moves(view, event, 'changes'),
  allows: (view) => (view.nominationsRevealed ? null : refusal('not_allowed', 'reveal_nominations_first')),
};

// [E2]
/** One nomination each, of someone present (or oneself, or no one yet), while they are sealed. */
const nominates: Guard<View> = {
  allows: (view, event) => {
    if (event.type !== 'nomination.given') return null;
    const absent = takesPart(view, event);
    if (absent) return absent;
    if (view.nominationsRevealed) return refusal('not_allowed', 'nominations_revealed_change');
    return isPresent(view, event.nomineeId ?? null) ? null : refusal('not_found', 'nominee_not_present');
  },
};

// [E1]
/** The reveal shows every nomination at once, and happens once. */
const revealsAllNominations: Guard<View> = {
  allows: (view, event) => {
    if (event.type !== 'nominations.revealed') return null;
    const shown = event.nominations.map((n) => n.participantId);
    return revealsEvery(view.nominationsRevealed, shown, Object.keys(view.nominations), 'nomination');
  },
};

// [E3]
/** Who nominated keeps or changes their nomination, to someone present; a change says why. */
const changesOwnNomination: Guard<View> = {
  allows: (view, event) => {
    if (event.type !== 'nomination.changed') return null;
    const absent = takesPart(view, event);
    if (absent) return absent;
    const current = currentNominee(view, event.participantId);
    if (current === undefined) return refusal('not_allowed', 'no_nomination_to_change');
    if (event.from !== current) return refusal('stale_stage', 'nomination_changed_meanwhile');
    if (!isPresent(view, event.to)) return refusal('not_found', 'person_not_in_meeting');
    return event.to !== current && !event.reason
      ? refusal('reason_required', 'nomination_change_reason_required')
      : null;
  },
};

/** A candidate present in the meeting, for the role set, as a new version (C5). */
const proposesCandidate: Guard<View> = {
  allows: (view, event) => {
    if (event.type !== 'candidate.proposed') return null;
    if (!view.role) return refusal('not_allowed', 'set_role_first');
    if (!isPresent(view, event.candidateId)) {
      return refusal('not_found', 'candidate_not_present');
    }
    return newVersion(view, event.version, event.resolves);
  },
};

/** A proposal stands until its candidate declines it: then another proposal is needed (E4). */
const opensObjections: Guard<View> = {
  selects: (view, event) => moves(view, event, 'objections'),
  allows: (view) => {
    const proposal = currentProposal(view);
    return proposal !== undefined && !view.declined.some((d) => d.version === proposal.version)
      ? null
      : refusal('not_allowed', 'propose_candidate_first');
  },
};

// [E4]
/** The candidate answers last in each round of the consent check. */
const respondsLast: Guard<View, { stage: Round }> = {
  selects: (view, event, params) => respondsIn.selects?.(view, event, params) ?? true,
  allows: (view, event, params) => {
    const refused = respondsIn.allows(view, event, params);
    if (refused || event.type !== 'response.given') return refused;
    return event.participantId === currentProposal(view)?.candidateId &&
      !othersHaveAnswered(view, params.stage)
      ? refusal('not_allowed', 'candidate_answers_last')
      : null;
  },
};

/** Only the proposed candidate declines, the proposal that stands (E4). */
const declinedByCandidate: Guard<View> = {
  allows: (view, event) => {
    if (event.type !== 'candidate.declined') return null;
    const proposal = currentProposal(view);
    if (event.by !== proposal?.candidateId) return refusal('forbidden', 'candidate_declines_only');
    return event.version === proposal.version ? null : refusal('stale_stage', 'proposal_not_current');
  },
};

// [E5]
/** Elected once everyone consented (C7); the record names who, for which role and term. */
const elects: Guard<View> = {
  selects: (_view, event) => event.type === 'election.recorded' && event.outcome === 'elected',
  allows: (view, event): Refusal | null => {
    if (event.type !== 'election.recorded') return null;
    const proposal = currentProposal(view);
    if (!proposal || !view.role) return refusal('not_allowed', 'nobody_proposed');
    if (event.version !== proposal.version || event.electedId !== proposal.candidateId) {
      return refusal('stale_stage', 'proposal_changed_meanwhile');
    }
    return canElect(view);
  },
};

const nobodyElected: Guard<View> = {
  selects: (_view, event) => event.type === 'election.recorded' && event.outcome === 'none',
  allows: () => null,
};

/** Every guard of the election machine, by the name the machine uses. */
export const electionGuards = {
  movesTo,
  opensNominations,
  opensChanges,
  opensObjections,
  entersConsent,
  nominates,
  revealsAllNominations,
  changesOwnNomination,
  proposesCandidate,
  respondsLast,
  revealsObjectionRound,
  testsOpenObjection,
  withdrawnByAuthor,
  declinedByCandidate,
  elects,
  nobodyElected,
};
