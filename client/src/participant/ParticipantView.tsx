import { STAGE_LABELS, type Stage } from '@circlewise/shared/constants';
import type { ComponentType } from 'react';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { StageAnnouncer } from '../components/StageAnnouncer';
import { SubmitStatus } from '../components/SubmitStatus';
import { STAGE_ASKS } from '../lib/stageText';
import { useSubmit } from '../lib/useSubmit';
import { useMeeting } from '../store/MeetingContext';
import { ClarifyingStage } from './ClarifyingStage';
import { ConsentStage } from './ConsentStage';
import { ElectionParticipantView } from './election/ElectionParticipantView';
import { ObjectionsStage } from './ObjectionsStage';
import { OutcomeStage } from './OutcomeStage';
import { ProposalStage } from './ProposalStage';
import { ReactionsStage } from './ReactionsStage';
import type { StageProps } from './stageProps';

const STAGES: Record<Stage, ComponentType<StageProps>> = {
  proposal: ProposalStage,
  clarifying: ClarifyingStage,
  reactions: ReactionsStage,
  objections: ObjectionsStage,
  consent: ConsentStage,
  outcome: OutcomeStage,
};

/** The phone: what this stage asks, and only the action it asks for; a decision or an election. */
export function ParticipantView() {
  const view = useMeeting((s) => s.view);
  const me = useMeeting((s) => s.participantId);
  if (!view || !me) return <p className="loading">Loading the meeting…</p>;
  return view.kind === 'election' ? (
    <ElectionParticipantView view={view} me={me} />
  ) : (
    <DecisionParticipantView view={view} me={me} />
  );
}

function DecisionParticipantView({ view, me }: StageProps) {
  const Stage = STAGES[view.stage];
  const present = view.participants[me]?.present ?? false;
  return (
    <div className="page participant">
      <ConnectionBanner />
      <StageAnnouncer />
      <header className="stage-header">
        <p className="eyebrow">
          {view.title || 'Meeting'} · {view.participants[me]?.name}
        </p>
        <h1>{STAGE_LABELS[view.stage]}</h1>
        <p className="ask">{STAGE_ASKS[view.stage]}</p>
      </header>
      {present || view.stage === 'outcome' ? (
        <main>
          {/* Keyed by stage so that half-typed forms and their status reset when the stage moves. */}
          <Stage key={view.stage} view={view} me={me} />
          {view.stage !== 'outcome' && <LeaveButton />}
        </main>
      ) : (
        <main>
          <p className="card" role="alert">
            You are no longer counted as present in this meeting (you left or were marked absent). Ask the
            facilitator if you should be back in.
          </p>
        </main>
      )}
    </div>
  );
}

export function LeaveButton() {
  const { state, submit, busy } = useSubmit();
  return (
    <div className="leave">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          if (window.confirm('Leave this meeting? You will no longer count for consent.')) {
            void submit({ type: 'participant.leave' });
          }
        }}
      >
        Leave meeting
      </button>
      <SubmitStatus state={state} recorded="You have left the meeting." />
    </div>
  );
}
