import { LIMITS, OUTCOME_LABELS, OUTCOMES, type Outcome } from '@circlewise/shared/constants';
import { defaultReviewDate } from '@circlewise/shared/dates';
import type { DecisionView } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { canAdopt } from '@circlewise/shared/rules';
import { useState } from 'react';
import { DateField } from '../components/DateField';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { useMeeting } from '../store/MeetingContext';

export function adoptRefusal(view: Seated<DecisionView>): string | null {
  if (view.stage !== 'consent') return 'A proposal is adopted from the consent stage.';
  return canAdopt(view)?.message ?? null;
}

export function OutcomeForm({ view }: { view: Seated<DecisionView> }) {
  const [picked, setOutcome] = useState<Outcome>('adopted');
  const months = useMeeting((s) => s.meeting?.reviewMonths);
  // C9: the circle's period (six months outside a circle), counted as the server counts it
  // (shared/dates.ts), so the date shown is the date recorded; it can be changed.
  const [reviewDate, setReviewDate] = useState(() => defaultReviewDate(Date.now(), months));
  const [note, setNote] = useState('');
  const [responsible, setResponsible] = useState('');
  const [evaluation, setEvaluation] = useState('');
  const { state, submit, busy } = useSubmit();
  if (view.stage === 'outcome') return null;
  // The whole form where it can be used (consent); before that only withdrawing or deferring can
  // be recorded, from a small control of their own.
  const consenting = view.stage === 'consent';
  const choices: readonly Outcome[] = consenting ? OUTCOMES : OUTCOMES.filter((o) => o !== 'adopted');
  const outcome = choices.includes(picked) ? picked : choices[0]!;
  const adoptBlocked = adoptRefusal(view);
  const blocked = outcome === 'adopted' ? adoptBlocked : null;

  const record = (e: React.FormEvent) => {
    e.preventDefault();
    void submit({
      type: 'outcome.record',
      outcome,
      ...(outcome === 'adopted' && reviewDate && { reviewDate }),
      // R3: only an adopted agreement has these; with another outcome they are left out (the
      // server would refuse them), though what was typed stays in case "Adopted" is chosen again.
      ...(outcome === 'adopted' && responsible.trim() && { responsible }),
      ...(outcome === 'adopted' && evaluation.trim() && { evaluation }),
      ...(note.trim() && { note }),
    });
  };

  const form = (
    <form className="card" onSubmit={record} aria-labelledby="outcome-form-heading">
      <h2 id="outcome-form-heading">{consenting ? 'Record the outcome' : 'Withdraw or defer'}</h2>
      <fieldset className="choices">
        <legend>Outcome</legend>
        {choices.map((o) => (
          <label className="choice" key={o}>
            <input type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} />
            {OUTCOME_LABELS[o]}
          </label>
        ))}
      </fieldset>
      {outcome === 'adopted' && (
        <>
          <DateField id="review-date" label="Review date" value={reviewDate} onChange={setReviewDate} />
          <label htmlFor="outcome-responsible">Who is responsible? (optional)</label>
          <input
            id="outcome-responsible"
            type="text"
            maxLength={LIMITS.title}
            value={responsible}
            onChange={(e) => setResponsible(e.target.value)}
          />
          <label htmlFor="outcome-evaluation">
            How will we know it works? Evaluation criteria (optional)
          </label>
          <textarea
            id="outcome-evaluation"
            rows={2}
            maxLength={LIMITS.text}
            value={evaluation}
            onChange={(e) => setEvaluation(e.target.value)}
          />
        </>
      )}
      <label htmlFor="outcome-note">Note (optional)</label>
      <textarea id="outcome-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <button
        type="submit"
        className="primary"
        disabled={busy || blocked !== null}
        aria-describedby={blocked ? 'outcome-refusal' : undefined}
      >
        Record: {OUTCOME_LABELS[outcome]}
      </button>
      {blocked && (
        <p id="outcome-refusal" className="refusal">
          {blocked}
        </p>
      )}
      <SubmitStatus state={state} recorded="Outcome recorded." />
    </form>
  );
  if (consenting) return form;
  return (
    <details className="outcome-early">
      <summary>Withdraw or defer the proposal…</summary>
      {form}
    </details>
  );
}
