import { nextStage, previousStage, STAGE_LABELS } from '@circlewise/shared/constants';
import { type DecisionView, isConsentStage } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { canEnterConsent, canPresent, type Refusal } from '@circlewise/shared/rules';
import { useRef } from 'react';
import { RevealButton } from './RevealButton';
import { StageMoves, useFocusAfterStageMove } from './StageMoves';

/** Why the meeting cannot move forward now, from the same rules the server applies. */
export function advanceRefusal(view: Seated<DecisionView>): Refusal | null {
  if (view.stage === 'proposal') return canPresent(view);
  if (view.stage === 'objections') return canEnterConsent(view);
  if (view.stage === 'consent') {
    return { code: 'not_allowed', message: 'Consent is the last stage: record the outcome below.' };
  }
  return null;
}

export function StageControls({ view }: { view: Seated<DecisionView> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusAfterStageMove(heading, view.stage);
  if (!isConsentStage(view.stage)) return null;
  const from = view.stage;
  const hidden =
    (from === 'reactions' && !view.reactionsRevealed && Object.keys(view.reactions).length > 0) ||
    (from === 'objections' &&
      !view.objectionRound.revealed &&
      Object.keys(view.objectionRound.responses).length > 0);

  return (
    <section className="card" aria-labelledby="stage-controls">
      <h2 id="stage-controls" ref={heading} tabIndex={-1}>
        Stage: {STAGE_LABELS[from]}
      </h2>
      {hidden && (
        <RevealButton command="responses.reveal" label="Reveal responses" recorded="Responses revealed." />
      )}
      <StageMoves
        from={from}
        back={previousStage(from)}
        next={nextStage(from)}
        refusal={advanceRefusal(view)}
        advanceLabels={{ proposal: 'Present the proposal' }}
      />
    </section>
  );
}
