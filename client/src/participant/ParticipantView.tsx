import type { Stage } from '@circlewise/shared/constants';
import type { ComponentType } from 'react';
import { useT } from '../i18n';
import { useMeeting } from '../store/MeetingContext';
import { AmendmentAnnouncer } from './AmendmentAnnouncer';
import { ClarifyingStage } from './ClarifyingStage';
import { ConsentStage } from './ConsentStage';
import { ElectionParticipantView } from './election/ElectionParticipantView';
import { ObjectionsStage } from './ObjectionsStage';
import { OutcomeStage } from './OutcomeStage';
import { ParticipantFrame } from './ParticipantFrame';
import { ProposalStage } from './ProposalStage';
import { ReactionsStage } from './ReactionsStage';
import { RoundStage } from './round/RoundStage';
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
  const t = useT('phone');
  const view = useMeeting((s) => s.view);
  const me = useMeeting((s) => s.participantId);
  if (!view || !me) return <p className="loading">{t('loading')}</p>;
  if (view.kind === 'election') return <ElectionParticipantView view={view} me={me} />;
  if (view.kind === 'round') return <RoundStage view={view} me={me} />;
  return <DecisionParticipantView view={view} me={me} />;
}

function DecisionParticipantView({ view, me }: StageProps) {
  const t = useT('phone');
  const Stage = STAGES[view.stage];
  return (
    <ParticipantFrame
      context={view.title || t('meetingFallback')}
      name={view.participants[me]?.name}
      stage={view.stage}
      ask={t(`ask.${view.stage}`)}
      present={view.participants[me]?.present ?? false}
    >
      <AmendmentAnnouncer view={view} />
      {/* Keyed by stage so that half-typed forms and their status reset when the stage moves. */}
      <Stage key={view.stage} view={view} me={me} />
    </ParticipantFrame>
  );
}
