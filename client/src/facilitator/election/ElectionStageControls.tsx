import {
  type ElectionStage,
  nextElectionStage,
  previousElectionStage,
  STAGE_LABELS,
} from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { useRef } from 'react';
import { canGoBack, electionAdvanceRefusal } from '../../lib/election';
import { RevealButton } from '../RevealButton';
import { StageMoves, useFocusAfterStageMove } from '../StageMoves';

/** Move the election on or back, reveal what is hidden, and say why a move is not possible yet. */
export function ElectionStageControls({ view }: { view: Seated<ElectionView> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusAfterStageMove(heading, view.stage);
  if (view.stage === 'outcome') return null;
  const from: ElectionStage = view.stage;
  const nominating = from === 'nominations';
  const hiddenResponses =
    from === 'objections' &&
    !view.objectionRound.revealed &&
    Object.keys(view.objectionRound.responses).length > 0;

  return (
    <section className="card" aria-labelledby="stage-controls">
      <h2 id="stage-controls" ref={heading} tabIndex={-1}>
        Stage: {STAGE_LABELS[from]}
      </h2>
      {nominating && (
        <>
          <p className="muted">
            Nominations are secret until you reveal them, from you too (E1). The reveal shows them all at once
            and opens the change round.
          </p>
          <RevealButton
            command="nominations.reveal"
            label="Reveal nominations"
            recorded="Nominations revealed."
          />
        </>
      )}
      {hiddenResponses && (
        <RevealButton command="responses.reveal" label="Reveal responses" recorded="Responses revealed." />
      )}
      {/* Nominations move on only by their reveal. */}
      <StageMoves
        from={from}
        back={canGoBack(from) ? previousElectionStage(from) : undefined}
        next={nominating ? undefined : nextElectionStage(from)}
        refusal={nominating ? null : electionAdvanceRefusal(view)}
        advanceLabels={{ role: 'Open nominations' }}
      />
    </section>
  );
}
