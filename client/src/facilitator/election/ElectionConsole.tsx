import { STAGE_LABELS } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import { currentProposal } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { CandidateCard, ElectionOutcomeSummary, RoleCard } from '../../components/ElectionCards';
import { StageAnnouncer } from '../../components/StageAnnouncer';
import { ConsoleHeader } from '../ConsoleHeader';
import { Controls } from '../Controls';
import { MeetingPanels } from '../MeetingPanels';
import { ObjectionsPanel } from '../ObjectionsPanel';
import { PeoplePanel } from '../PeoplePanel';
import { ResponsesPanel } from '../ResponsesPanel';
import { TimeboxPanel } from '../TimeboxPanel';
import { CandidateForm } from './CandidateForm';
import { ElectionOutcomeForm } from './ElectionOutcomeForm';
import { ElectionStageControls } from './ElectionStageControls';
import { NominationsStatus, TallyPanel } from './NominationsPanels';
import { RoleForm } from './RoleForm';

/** The facilitator's laptop during a role election (E1–E5). */
export function ElectionConsole({ view }: { view: Seated<ElectionView> }) {
  const proposal = currentProposal(view);
  const inCheck = view.stage === 'proposal' || view.stage === 'objections' || view.stage === 'consent';
  return (
    <div className="page console">
      <ConnectionBanner />
      <StageAnnouncer />
      <ConsoleHeader
        eyebrow={`Facilitating a role election · ${STAGE_LABELS[view.stage]}`}
        title={view.role?.role ?? (view.title || 'Role election')}
        code={view.code}
      />
      <div className="columns">
        <main className="column" id="current-stage" tabIndex={-1}>
          <Controls>
            <TimeboxPanel />
            {view.stage === 'outcome' ? (
              <ElectionOutcomeSummary view={view} />
            ) : (
              <ElectionStageControls
                key={`${view.stage}-${proposal?.version ?? 0}-${view.nominationsRevealed}`}
                view={view}
              />
            )}
            {view.stage === 'role' ? <RoleForm view={view} /> : <RoleCard role={view.role} />}
            {view.stage === 'nominations' && <NominationsStatus view={view} />}
            {view.nominationsRevealed && <TallyPanel view={view} />}
            {proposal && view.stage !== 'outcome' && <CandidateCard view={view} proposal={proposal} />}
            {inCheck && <CandidateForm key={proposal?.version ?? 0} view={view} />}
            <ObjectionsPanel
              view={view}
              resolveHint="Resolve it with a new proposal (a shorter term, or another candidate) that names it as resolved."
              concernsHeading="Concerns (recorded with the election)"
            />
            {view.stage !== 'outcome' && <ElectionOutcomeForm view={view} />}
          </Controls>
        </main>
        <aside className="column">
          <MeetingPanels />
          <PeoplePanel view={view} />
          <ResponsesPanel view={view} />
        </aside>
      </div>
    </div>
  );
}
