import { type AnyStage, STAGE_LABELS } from '@circlewise/shared/constants';
import type { Refusal } from '@circlewise/shared/rules';
import { type RefObject, useEffect } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';

/** Set when this console moved the stage; the new stage's heading takes the focus once. */
let movedHere = false;

/**
 * After a stage button, focus moves to the new stage's heading (its controls remount with the
 * stage), so a keyboard or screen reader user lands where the meeting now is.
 */
export function useFocusAfterStageMove(heading: RefObject<HTMLElement | null>, stage: string): void {
  useEffect(() => {
    if (!movedHere || !stage) return;
    movedHere = false;
    heading.current?.focus();
  }, [heading, stage]);
}

async function moved(done: Promise<boolean>): Promise<void> {
  if (await done) movedHere = true;
}

/**
 * Back to the stage before, or on to the next one, of a decision or an election; with why moving
 * on is not possible yet, from the same rules the server applies.
 */
export function StageMoves({
  from,
  back,
  next,
  refusal,
  advanceLabels,
}: {
  from: AnyStage;
  back: AnyStage | undefined;
  next: AnyStage | undefined;
  refusal: Refusal | null;
  /** What moving on from a stage is called where it is more than "Go to …". */
  advanceLabels: Partial<Record<AnyStage, string>>;
}) {
  const move = useSubmit();
  return (
    <>
      <div className="actions">
        {back && (
          <button
            type="button"
            disabled={move.busy}
            onClick={() => void moved(move.submit({ type: 'stage.back', from }))}
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
            onClick={() => void moved(move.submit({ type: 'stage.advance', from }))}
          >
            {advanceLabels[from] ?? `Go to ${STAGE_LABELS[next]}`} →
          </button>
        )}
      </div>
      {refusal && (
        <p id="advance-refusal" className="refusal">
          {refusal.message}
        </p>
      )}
      <SubmitStatus state={move.state} recorded="Stage changed." />
    </>
  );
}
