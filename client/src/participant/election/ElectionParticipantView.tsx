import type { ElectionPhase } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import type { ComponentType } from 'react';
import { ElectionOutcomeSummary, RoleCard } from '../../components/ElectionCards';
import { ReadMinutesLink } from '../../components/ReadMinutesLink';
import { useT } from '../../i18n';
import { ParticipantFrame } from '../ParticipantFrame';
import { ElectionConsentStage, ElectionObjectionsStage, ElectionProposalStage } from './CandidateStages';
import { ChangesStage } from './ChangesStage';
import { NominationsStage } from './NominationsStage';

export interface ElectionStageProps {
  view: Seated<ElectionView>;
  /** This phone's participant id. */
  me: string;
}

const STAGES: Record<ElectionPhase, ComponentType<ElectionStageProps>> = {
  role: RoleStage,
  nominations: NominationsStage,
  changes: ChangesStage,
  proposal: ElectionProposalStage,
  objections: ElectionObjectionsStage,
  consent: ElectionConsentStage,
  outcome: ElectionOutcomeStage,
};

/** The phone in a role election: what this stage asks, and only the action it asks for. */
export function ElectionParticipantView({ view, me }: ElectionStageProps) {
  const t = useT('phone');
  const Stage = STAGES[view.stage];
  return (
    <ParticipantFrame
      context={
        view.role?.role
          ? t('election.context', { role: view.role.role })
          : view.title || t('election.fallback')
      }
      name={view.participants[me]?.name}
      stage={view.stage}
      ask={t(`election.ask.${view.stage}`)}
      present={view.participants[me]?.present ?? false}
    >
      <Stage key={view.stage} view={view} me={me} />
    </ParticipantFrame>
  );
}

export function RoleStage({ view }: ElectionStageProps) {
  const t = useT('phone');
  return (
    <>
      <RoleCard role={view.role} />
      <p className="muted">{t('election.roleWait')}</p>
    </>
  );
}

export function ElectionOutcomeStage({ view }: ElectionStageProps) {
  return (
    <>
      <ElectionOutcomeSummary view={view} />
      <ReadMinutesLink code={view.code} />
    </>
  );
}
