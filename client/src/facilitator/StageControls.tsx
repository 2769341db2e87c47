import { nextStage, previousStage, STAGE_LABELS } from '@circlewise/shared/constants';
import { canEnterConsent, canPresent, type Refusal } from '@circlewise/shared/rules';
import { isConsentStage, type MeetingView } from '@circlewise/shared/view';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';

/** Why the meeting cannot move forward now, from the same rules the server applies. */
export function advanceRefusal(view: MeetingView): Refusal | null {
  if (view.stage === 'proposal') return canPresent(view);
  if (view.stage === 'objections') return canEnterConsent(view);
  if (view.stage === 'consent') {
    return { code: 'not_allowed', message: 'Consent is the last stage: record the outcome below.' };
  }
  return null;
}

export function StageControls({ view }: { view: MeetingView }) {
  const move = useSubmit();
  const reveal = useSubmit();
  if (!isConsentStage(view.stage)) return null;
  const from = view.stage;
  const next = nextStage(from);
  const back = previousStage(from);
  const refusal = advanceRefusal(view);
  const hidden =
    (from === 'reactions' && !view.reactionsRevealed && Object.keys(view.reactions).length > 0) ||
    (from === 'objections' &&
      !view.objectionRound.revealed &&
      Object.keys(view.objectionRound.responses).length > 0);

  return (
    <section className="card" aria-labelledby="stage-controls">
      <h2 id="stage-controls">Stage: {STAGE_LABELS[from]}</h2>
      {hidden && (
        <>
          <button
            type="button"
            className="primary"
            disabled={reveal.busy}
            onClick={() => reveal.submit({ type: 'responses.reveal' })}
          >
            Reveal responses
          </button>
          <SubmitStatus state={reveal.state} recorded="Responses revealed." />
        </>
      )}
      <div className="actions">
        {back && (
          <button
            type="button"
            disabled={move.busy}
            onClick={() => move.submit({ type: 'stage.back', from })}
          >
            ← Back to {STAGE_LABELS[back]}
          </button>
        )}
        {next && (
          <button
            type="button"
            className="primary"
            disabled={move.busy || refusal !== null}
            aria-describedby={refusal ? 'advance-refusal' : undefined}
            onClick={() => move.submit({ type: 'stage.advance', from })}
          >
            {from === 'proposal' ? 'Present the proposal' : `Go to ${STAGE_LABELS[next]}`} →
          </button>
        )}
      </div>
      {refusal && (
        <p id="advance-refusal" className="refusal">
          {refusal.message}
        </p>
      )}
      <SubmitStatus state={move.state} recorded="Stage changed." />
    </section>
  );
}
