/**
 * Client-side readings of an election's view (PROCESS.md E1–E5): names of nominees, terms in
 * words, and the rules the console shows before anyone clicks. The server's machine is the
 * authority; these mirror its guards so a button can say why it is disabled.
 */
import type { ConsentCheckView } from '@circlewise/shared/consentCheck';
import type { ElectionPhase } from '@circlewise/shared/constants';
import { canElect, currentNominee, currentProposal, type ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { canEnterConsent, type Refusal } from '@circlewise/shared/rules';
import { formatDate, nameOf, type WithPeople } from './names';

/** What the consent-check components need: a decision's view or an election's. */
export type CheckViewLike = ConsentCheckView & WithPeople & { stage: string };

export function nomineeName(view: WithPeople, nomineeId: string | null | undefined): string {
  if (nomineeId === null) return 'No one yet';
  if (nomineeId === undefined) return 'Not nominated';
  return nameOf(view, nomineeId);
}

export function termText(termStart: string, termEnd: string): string {
  return `${formatDate(termStart)} to ${formatDate(termEnd)}`;
}

/** C7, E4: why "Record: elected" is not possible yet, or null (the server's own rule). */
export function electRefusal(view: Seated<ElectionView>): string | null {
  return canElect(view)?.message ?? null;
}

export { othersHaveAnswered, waitingForOthers } from '@circlewise/shared/election';

/** Why the election cannot move forward now (the machine's guards, in words), or null. */
export function electionAdvanceRefusal(view: Seated<ElectionView>): Refusal | null {
  switch (view.stage) {
    case 'role':
      return view.role ? null : { code: 'not_allowed', message: 'Set the role and its term first.' };
    case 'nominations':
      return { code: 'not_allowed', message: 'Reveal the nominations: the reveal opens the change round.' };
    case 'proposal':
      return currentProposal(view) ? null : { code: 'not_allowed', message: 'Propose a candidate first.' };
    case 'objections':
      return canEnterConsent(view);
    case 'consent':
      return { code: 'not_allowed', message: 'Consent is the last stage: record the outcome.' };
    default:
      return null;
  }
}

/** Stages the machine lets the facilitator go back from (not from the change round: the reveal is final). */
export function canGoBack(stage: ElectionPhase): boolean {
  return stage === 'nominations' || stage === 'proposal' || stage === 'objections' || stage === 'consent';
}

/** The reasons heard for a person, from nominations and changes towards them, one per line. */
export function reasonsFor(view: Seated<ElectionView>, candidateId: string): string {
  const lines: string[] = [];
  for (const n of Object.values(view.nominations)) {
    if (n.nomineeId === candidateId && n.reason) lines.push(`${nameOf(view, n.participantId)}: ${n.reason}`);
  }
  for (const c of view.changes) {
    if (c.to === candidateId && c.from !== c.to && c.reason) {
      lines.push(`${nameOf(view, c.participantId)}: ${c.reason}`);
    }
  }
  return lines.join('\n');
}

/** The person most nominated now, if anyone is. */
export function leadingNominee(view: Seated<ElectionView>): string | undefined {
  let best: { id: string; count: number } | undefined;
  const counts = new Map<string, number>();
  for (const id of Object.keys(view.nominations)) {
    const nominee = currentNominee(view, id);
    if (!nominee || view.participants[nominee]?.present !== true) continue;
    const count = (counts.get(nominee) ?? 0) + 1;
    counts.set(nominee, count);
    if (!best || count > best.count) best = { id: nominee, count };
  }
  return best?.id;
}
