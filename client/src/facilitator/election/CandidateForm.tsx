import { openObjections, presentParticipants } from '@circlewise/shared/decision';
import { currentProposal, type ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { useState } from 'react';
import { SubmitStatus } from '../../components/SubmitStatus';
import { leadingNominee, reasonsFor } from '../../lib/election';
import { nameOf } from '../../lib/names';
import { useSubmit } from '../../lib/useSubmit';
import { type Term, TermDates } from './TermDates';

/**
 * Propose a candidate with the strongest reasons heard (prefilled from the nominations), for
 * the role's term or a shorter one. In the objection and consent rounds the same form proposes
 * another candidate or a shorter term and names the open objections it resolves (E4, C5, C8).
 */
export function CandidateForm({ view }: { view: Seated<ElectionView> }) {
  const proposal = currentProposal(view);
  const amending = view.stage === 'objections' || view.stage === 'consent';
  const present = presentParticipants(view);
  const firstChoice =
    (amending && proposal && view.participants[proposal.candidateId]?.present
      ? proposal.candidateId
      : undefined) ??
    leadingNominee(view) ??
    '';
  const [candidateId, setCandidateId] = useState(firstChoice);
  const [reasons, setReasons] = useState(() =>
    amending && proposal && proposal.candidateId === firstChoice
      ? proposal.reasons
      : firstChoice
        ? reasonsFor(view, firstChoice)
        : '',
  );
  const [reasonsTouched, setReasonsTouched] = useState(false);
  const [term, setTerm] = useState<Term>({
    termStart: view.role?.termStart ?? '',
    termEnd: view.role?.termEnd ?? '',
  });
  const [resolves, setResolves] = useState<string[]>([]);
  const { state, submit, busy } = useSubmit();
  const open = amending ? openObjections(view) : [];

  const choose = (id: string) => {
    setCandidateId(id);
    if (!reasonsTouched) setReasons(id ? reasonsFor(view, id) : '');
  };

  const propose = (e: React.FormEvent) => {
    e.preventDefault();
    if (!candidateId) return;
    void submit({
      type: 'candidate.propose',
      candidateId,
      reasons,
      ...(term.termStart && { termStart: term.termStart }),
      ...(term.termEnd && { termEnd: term.termEnd }),
      resolves,
    });
  };

  const heading = amending
    ? 'Propose another candidate or a shorter term'
    : proposal
      ? 'Change the proposal'
      : 'Propose a candidate';

  return (
    <form className="card" onSubmit={propose} aria-labelledby="candidate-form-heading">
      <h2 id="candidate-form-heading">{heading}</h2>
      {!view.role && <p className="refusal">Set the role and its term first.</p>}
      <label htmlFor="candidate">Candidate</label>
      <select id="candidate" value={candidateId} onChange={(e) => choose(e.target.value)}>
        <option value="">Choose someone present…</option>
        {present.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor="candidate-reasons">Reasons (the strongest heard)</label>
      <textarea
        id="candidate-reasons"
        rows={4}
        value={reasons}
        onChange={(e) => {
          setReasons(e.target.value);
          setReasonsTouched(true);
        }}
      />
      <TermDates idPrefix="candidate-term" term={term} onChange={setTerm} />
      {open.length > 0 && (
        <fieldset className="choices">
          <legend>Open objections this proposal resolves</legend>
          {open.map((o) => (
            <label className="choice" key={o.id}>
              <input
                type="checkbox"
                checked={resolves.includes(o.id)}
                onChange={(e) =>
                  setResolves((r) => (e.target.checked ? [...r, o.id] : r.filter((x) => x !== o.id)))
                }
              />
              {nameOf(view, o.participantId)}: {o.reason}
            </label>
          ))}
        </fieldset>
      )}
      {amending && (
        <p className="muted">
          A new proposal goes back to the proposal stage; then open a new objection round.
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !candidateId || !view.role}>
        {candidateId ? `Propose ${nameOf(view, candidateId)}` : 'Propose'}
      </button>
      <SubmitStatus state={state} recorded="Proposal recorded." />
    </form>
  );
}
