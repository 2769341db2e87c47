import { type ElectionPhase, STAGE_LABELS } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import type { ComponentType } from 'react';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { ElectionOutcomeSummary, RoleCard } from '../../components/ElectionCards';
import { StageAnnouncer } from '../../components/StageAnnouncer';
import { ELECTION_ASKS } from '../../lib/election';
import { meetingPath } from '../../routing';
import { LeaveButton } from '../ParticipantView';
import { ElectionConsentStage, ElectionObjectionsStage, ElectionProposalStage } from './CandidateStages';
import { ChangesStage } from './ChangesStage';
import { NominationsStage } from './NominationsStage';

export interface ElectionStageProps {
  view: ElectionView;
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
  const present = view.participants[me]?.present ?? false;
  return (
    <div className="page participant">
      <ConnectionBanner />
      <StageAnnouncer />
      <header className="stage-header">
        <p className="eyebrow">
          {view.role?.role ? `Electing: ${view.role.role}` : view.title || 'Role election'} ·{' '}
          {view.participants[me]?.name}
        </p>
        <h1>{STAGE_LABELS[view.stage]}</h1>
        <p className="ask">{ELECTION_ASKS[view.stage]}</p>
      </header>
      {present || view.stage === 'outcome' ? (
        <main>
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
      <p>
        <a className="button" href={meetingPath(view.code, 'minutes')}>
          Read the minutes
        </a>
      </p>
    </>
  );
}
