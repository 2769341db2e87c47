import type { ElectionPhase } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import type { ComponentType } from 'react';
import { ElectionOutcomeSummary, RoleCard } from '../../components/ElectionCards';
import { ReadMinutesLink } from '../../components/ReadMinutesLink';
import { ELECTION_ASKS } from '../../lib/election';
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
  const Stage = STAGES[view.stage];
  return (
    <ParticipantFrame
      context={view.role?.role ? `Electing: ${view.role.role}` : view.title || 'Role election'}
      name={view.participants[me]?.name}
      stage={view.stage}
      ask={ELECTION_ASKS[view.stage]}
      present={view.participants[me]?.present ?? false}
    >
      <Stage key={view.stage} view={view} me={me} />
    </ParticipantFrame>
  );
}

export function RoleStage({ view }: ElectionStageProps) {
  return (
    <>
      <RoleCard role={view.role} />
      <p className="muted">Nothing to do yet: nominations open when the facilitator moves on.</p>
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
