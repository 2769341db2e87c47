/** How an election shows itself on every screen: the role, the proposed candidate, nominations, changes, tally. */
import { OUTCOME_LABELS } from '@circlewise/shared/constants';
import { type CandidateProposal, type ElectionView, type RoleTerm, tally } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { nomineeName, termText } from '../lib/election';
import { nameOf } from '../lib/names';
import { ConcernList } from './ConcernList';

export function RoleCard({ role }: { role: RoleTerm | undefined }) {
  if (!role) {
    return (
      <article className="card role" aria-labelledby="role-title">
        <p className="eyebrow">Role</p>
        <h2 id="role-title">No role set yet</h2>
        <p className="empty">The facilitator is writing down the role and its term.</p>
      </article>
    );
  }
  return (
    <article className="card role" aria-labelledby="role-title">
      <p className="eyebrow">Role to fill</p>
      <h2 id="role-title">{role.role}</h2>
      {role.description && <p className="prose">{role.description}</p>}
      <p>
        <strong>Term:</strong> {termText(role.termStart, role.termEnd)}
      </p>
    </article>
  );
}

export function CandidateCard({
  view,
  proposal,
}: {
  view: Seated<ElectionView>;
  proposal: CandidateProposal;
}) {
  const roleTerm = view.role;
  const shorter =
    roleTerm && (proposal.termStart !== roleTerm.termStart || proposal.termEnd !== roleTerm.termEnd);
  return (
    <article className="card proposal" aria-labelledby="candidate-title">
      <p className="eyebrow">Proposal · version {proposal.version}</p>
      <h2 id="candidate-title">
        {nameOf(view, proposal.candidateId)}
        {roleTerm && ` as ${roleTerm.role}`}
      </h2>
      <p>
        <strong>Term:</strong> {termText(proposal.termStart, proposal.termEnd)}
        {shorter && ' (changed from the role’s term)'}
      </p>
      <h3>Reasons</h3>
      <p className="prose">{proposal.reasons}</p>
    </article>
  );
}

/** Every nomination, side by side with its reason (after the reveal; hidden ones say only "nominated"). */
export function NominationList({ view, me }: { view: Seated<ElectionView>; me?: string }) {
  const people = Object.values(view.nominations).sort((a, b) => a.at - b.at);
  if (people.length === 0) return <p className="empty">Nobody has nominated yet.</p>;
  return (
    <ul className="list nominations">
      {people.map((n) => (
        <li key={n.participantId}>
          <strong>{n.participantId === me ? 'You' : nameOf(view, n.participantId)}</strong>
          {n.hidden ? (
            <span className="muted">: nominated</span>
          ) : (
            <>
              {' '}
              → <strong>{nomineeName(view, n.nomineeId)}</strong>
              {n.reason && <span className="reason">: {n.reason}</span>}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** E3: who changed from whom to whom, and why; or kept their nomination. */
export function ChangeList({ view }: { view: Seated<ElectionView> }) {
  if (view.changes.length === 0) return <p className="empty">No one has kept or changed a nomination yet.</p>;
  return (
    <ul className="list changes">
      {view.changes.map((c) => (
        <li key={`${c.participantId}-${c.at}`}>
          {c.from === c.to ? (
            <>
              <strong>{nameOf(view, c.participantId)}</strong> keeps {nomineeName(view, c.to)}
            </>
          ) : (
            <>
              <strong>{nameOf(view, c.participantId)}</strong>: {nomineeName(view, c.from)} →{' '}
              {nomineeName(view, c.to)}, because {c.reason}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** E3: how many nominate each person now. */
export function TallyList({ view }: { view: Seated<ElectionView> }) {
  const rows = tally(view);
  if (rows.length === 0) return <p className="empty">No nominations to count.</p>;
  return (
    <ul className="list tally">
      {rows.map((r) => (
        <li key={r.nomineeId ?? 'none'}>
          <strong>{nomineeName(view, r.nomineeId)}</strong>: {r.count}{' '}
          {r.count === 1 ? 'nomination' : 'nominations'}{' '}
          <span className="muted">({r.by.map((id) => nameOf(view, id)).join(', ')})</span>
        </li>
      ))}
    </ul>
  );
}

export function ElectionOutcomeSummary({ view }: { view: Seated<ElectionView> }) {
  const outcome = view.outcome;
  if (!outcome) return <p className="empty">No outcome recorded yet.</p>;
  if (outcome.outcome === 'elected') {
    return (
      <section className="card outcome" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">
          {OUTCOME_LABELS.elected}: {outcome.electedName || nameOf(view, outcome.electedId ?? '')}
        </h2>
        <p>
          Role: <strong>{outcome.role}</strong>
        </p>
        {outcome.termStart && outcome.termEnd && <p>Term: {termText(outcome.termStart, outcome.termEnd)}</p>}
        {outcome.note && <p>Note: {outcome.note}</p>}
        <ConcernList view={view} heading="Concerns recorded with it" />
      </section>
    );
  }
  return (
    <section className="card outcome" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{OUTCOME_LABELS.none}</h2>
      {view.role && <p>The role {view.role.role} stays open.</p>}
      {outcome.note && <p>Note: {outcome.note}</p>}
    </section>
  );
}
