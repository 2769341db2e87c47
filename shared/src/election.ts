/**
 * The view of a role election (PROCESS.md E1–E5): the role and term, nominations (secret until
 * revealed), the change round, the facilitator's proposals, and the consent check on the
 * proposed candidate, whose fields and rules are the decision's (consentCheck.ts).
 */
import { type ConsentCheckView, emptyCheck } from './consentCheck';
import type { ElectionOutcome, ElectionPhase } from './constants';
import { consentOf, type Participant, presentParticipants } from './decision';
import { wireError } from './errors';
import type { Seated } from './meeting';
import type { Refusal } from './rules';

export interface RoleTerm {
  role: string;
  description: string;
  termStart: string;
  termEnd: string;
}

export interface Nomination {
  participantId: string;
  at: number;
  /** True while this viewer may not see whom it names (E1). */
  hidden: boolean;
  /** The nominee, or null for "no one yet". */
  nomineeId?: string | null;
  reason?: string;
}

export interface NominationChange {
  participantId: string;
  from: string | null;
  to: string | null;
  reason: string;
  at: number;
}

export interface CandidateProposal {
  version: number;
  candidateId: string;
  termStart: string;
  termEnd: string;
  reasons: string;
  resolves: string[];
  at: number;
}

export interface ElectionView extends ConsentCheckView {
  kind: 'election';
  meetingId: string;
  code: string;
  title: string;
  createdAt: number;
  seq: number;
  stage: ElectionPhase;
  role?: RoleTerm;
  nominations: Record<string, Nomination>;
  nominationsRevealed: boolean;
  changes: NominationChange[];
  /** Every proposal, oldest first; the last is current (the consent check's version). */
  proposals: CandidateProposal[];
  declined: { version: number; at: number; reason?: string }[];
  outcome?: {
    outcome: ElectionOutcome;
    version: number;
    at: number;
    electedId?: string;
    electedName?: string;
    role?: string;
    termStart?: string;
    termEnd?: string;
    note?: string;
  };
}

export function emptyElectionView(): ElectionView {
  return {
    kind: 'election',
    meetingId: '',
    code: '',
    title: '',
    createdAt: 0,
    seq: 0,
    stage: 'role',
    nominations: {},
    nominationsRevealed: false,
    changes: [],
    proposals: [],
    declined: [],
    ...emptyCheck(0),
  };
}

export function currentProposal(view: ElectionView): CandidateProposal | undefined {
  return view.proposals[view.proposals.length - 1];
}

/** Whom a participant nominates now: the nomination, as changed in the change round (E2, E3). */
export function currentNominee(view: ElectionView, participantId: string): string | null | undefined {
  let nominee = view.nominations[participantId]?.nomineeId;
  for (const c of view.changes) if (c.participantId === participantId) nominee = c.to;
  return nominee;
}

/** E3: how many nominate each person now (null: "no one yet"), most first. */
export function tally(view: ElectionView): { nomineeId: string | null; count: number; by: string[] }[] {
  const counts = new Map<string | null, string[]>();
  for (const id of Object.keys(view.nominations)) {
    const nominee = currentNominee(view, id);
    if (nominee === undefined) continue;
    counts.set(nominee, [...(counts.get(nominee) ?? []), id]);
  }
  return [...counts.entries()]
    .map(([nomineeId, by]) => ({ nomineeId, count: by.length, by }))
    .sort((a, b) => b.count - a.count);
}

/** E4: present people other than the candidate who have not yet answered this round. */
export function waitingForOthers(view: Seated<ElectionView>, round: 'objections' | 'consent'): Participant[] {
  const candidate = currentProposal(view)?.candidateId;
  const responses = round === 'consent' ? view.consentRound.responses : view.objectionRound.responses;
  return presentParticipants(view)
    .filter((p) => p.id !== candidate)
    .filter((p) => (round === 'consent' ? electionConsentOf(view, p.id) === undefined : !responses[p.id]));
}

/** E4: the candidate answers once everyone else present has answered this round. */
export function othersHaveAnswered(view: Seated<ElectionView>, round: 'objections' | 'consent'): boolean {
  return waitingForOthers(view, round).length === 0;
}

/** C7, E4: why nobody can be recorded as elected now, or null (the machine's guard and the console's). */
export function canElect(view: Seated<ElectionView>): Refusal | null {
  if (view.stage !== 'consent') return wireError('wrong_stage', 'elected_from_consent');
  const proposal = currentProposal(view);
  if (!proposal) return wireError('not_allowed', 'nobody_proposed');
  if (view.participants[proposal.candidateId]?.present !== true) {
    return wireError('not_allowed', 'candidate_gone');
  }
  const waiting = presentParticipants(view).filter((p) => electionConsentOf(view, p.id) === undefined);
  if (waiting.length > 0) {
    return wireError('not_allowed', 'election_waiting_for_consent', {
      names: waiting.map((p) => p.name).join(', '),
    });
  }
  return null;
}

/**
 * When this person's consent to the current proposal began to count (C7): the time of their
 * "no objection" or "concern" when it carries over (a later Confirm changes nothing), else of their
 * consent in the consent round; undefined while they have not consented.
 */
function consentedAt(view: ElectionView, participantId: string): number | undefined {
  const how = consentOf(view, participantId);
  if (how === undefined) return undefined;
  const answer = view.objectionRound.responses[participantId];
  if (
    view.objectionRound.version === view.consentRound.version &&
    (answer?.kind === 'consent' || answer?.kind === 'concern')
  )
    return answer.at;
  return view.consentRound.responses[participantId]?.at;
}

/**
 * C7 and E4 in an election: how this person consents to the proposed candidate, as in a decision
 * (`given`, or `carried` over from a "no objection" or "concern" on the same proposal), except
 * that the candidate's consent counts only while it is the last one: once someone else's consent
 * comes later (they answered in the consent round after a late objection, or joined), the
 * candidate answers again, last.
 */
export function electionConsentOf(
  view: Seated<ElectionView>,
  participantId: string,
): 'given' | 'carried' | undefined {
  const how = consentOf(view, participantId);
  if (how === undefined || participantId !== currentProposal(view)?.candidateId) return how;
  // The candidate's own Confirm is their answer now, last (E4).
  const mine = (how === 'given' ? view.consentRound : view.objectionRound).responses[participantId]?.at ?? 0;
  const last = presentParticipants(view).every(
    (p) => p.id === participantId || (consentedAt(view, p.id) ?? Number.POSITIVE_INFINITY) <= mine,
  );
  return last ? how : undefined;
}
