import {
  type ElectionStage,
  nextElectionStage,
  previousElectionStage,
  STAGE_LABELS,
} from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import { SubmitStatus } from '../../components/SubmitStatus';
import { canGoBack, electionAdvanceRefusal } from '../../lib/election';
import { useSubmit } from '../../lib/useSubmit';

/** Move the election on or back, reveal what is hidden, and say why a move is not possible yet. */
export function ElectionStageControls({ view }: { view: ElectionView }) {
  const move = useSubmit();
  const reveal = useSubmit();
  if (view.stage === 'outcome') return null;
  const from: ElectionStage = view.stage;
  const next = nextElectionStage(from);
  const back = canGoBack(from) ? previousElectionStage(from) : undefined;
  const refusal = electionAdvanceRefusal(view);
  const hiddenResponses =
    from === 'objections' &&
    !view.objectionRound.revealed &&
    Object.keys(view.objectionRound.responses).length > 0;

  return (
    <section className="card" aria-labelledby="stage-controls">
      <h2 id="stage-controls">Stage: {STAGE_LABELS[from]}</h2>
      {from === 'nominations' && (
        <>
          <p className="muted">
            Nominations are secret until you reveal them, from you too (E1). The reveal shows them all at once
            and opens the change round.
          </p>
          <button
            type="button"
            className="primary"
            disabled={reveal.busy}
            onClick={() => reveal.submit({ type: 'nominations.reveal' })}
          >
            Reveal nominations
          </button>
          <SubmitStatus state={reveal.state} recorded="Nominations revealed." />
        </>
      )}
      {hiddenResponses && (
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
        {next && from !== 'nominations' && (
          <button
            type="button"
            className="primary"
            disabled={move.busy || refusal !== null}
            aria-describedby={refusal ? 'advance-refusal' : undefined}
            onClick={() => move.submit({ type: 'stage.advance', from })}
          >
            {from === 'role' ? 'Open nominations' : `Go to ${STAGE_LABELS[next]}`} →
          </button>
        )}
      </div>
      {refusal && from !== 'nominations' && (
        <p id="advance-refusal" className="refusal">
          {refusal.message}
        </p>
      )}
      <SubmitStatus state={move.state} recorded="Stage changed." />
    </section>
  );
}
