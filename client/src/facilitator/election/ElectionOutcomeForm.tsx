import { currentProposal, type ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { useState } from 'react';
import { SubmitStatus } from '../../components/SubmitStatus';
import { electRefusal } from '../../lib/election';
import { nameOf } from '../../lib/names';
import { useSubmit } from '../../lib/useSubmit';

/** C7, E4, E5: elected once everyone present consented, the candidate last; or no one elected. */
export function ElectionOutcomeForm({ view }: { view: Seated<ElectionView> }) {
  const [note, setNote] = useState('');
  const { state, submit, busy } = useSubmit();
  const blocked = electRefusal(view);
  const proposal = currentProposal(view);
  const record = (outcome: 'elected' | 'none') =>
    submit({ type: 'election.record', outcome, ...(note.trim() && { note }) });

  return (
    <section className="card" aria-labelledby="election-outcome-heading">
      <h2 id="election-outcome-heading">Record the outcome</h2>
      <label htmlFor="election-note">Note (optional)</label>
      <textarea id="election-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || blocked !== null}
          aria-describedby={blocked ? 'elect-refusal' : undefined}
          onClick={() => record('elected')}
        >
          Record: elected{proposal ? ` (${nameOf(view, proposal.candidateId)})` : ''}
        </button>
        <button type="button" disabled={busy} onClick={() => record('none')}>
          Record: no one elected
        </button>
      </div>
      {blocked && (
        <p id="elect-refusal" className="refusal">
          {blocked}
        </p>
      )}
      <SubmitStatus state={state} recorded="Outcome recorded." />
    </section>
  );
}
