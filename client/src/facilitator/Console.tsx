import { STAGE_LABELS } from '@circlewise/shared/constants';
import { currentVersion, type DecisionView } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { StageAnnouncer } from '../components/StageAnnouncer';
import { OutcomeSummary } from '../participant/OutcomeStage';
import { useMeeting } from '../store/MeetingContext';
import { Attention } from './Attention';
import { ConsoleHeader } from './ConsoleHeader';
import { Controls } from './Controls';
import { ElectionConsole } from './election/ElectionConsole';
import { MeetingPanels } from './MeetingPanels';
import { ObjectionsPanel } from './ObjectionsPanel';
import { OutcomeForm } from './OutcomeForm';
import { PeoplePanel } from './PeoplePanel';
import { ProposalEditor } from './ProposalEditor';
import { QuestionsPanel } from './QuestionsPanel';
import { QueuePanel } from './QueuePanel';
import { ReactionOrderPanel } from './ReactionOrderPanel';
import { ResponsesPanel } from './ResponsesPanel';
import { RoundConsole } from './round/RoundConsole';
import { StageControls } from './StageControls';
import { TimeboxPanel } from './TimeboxPanel';
import { VersionDiff } from './VersionDiff';

/** The facilitator's laptop: the whole meeting, every move, and why a move is not possible yet. */
export function Console() {
  const view = useMeeting((s) => s.view);
  if (!view) return <p className="loading">Loading the meeting…</p>;
  if (view.kind === 'election') return <ElectionConsole view={view} />;
  if (view.kind === 'round') return <RoundConsole view={view} />;
  return <DecisionConsole view={view} />;
}

function DecisionConsole({ view }: { view: Seated<DecisionView> }) {
  return (
    <div className="page console">
      <ConnectionBanner />
      <StageAnnouncer />
      <ConsoleHeader
        eyebrow={`Facilitating · ${STAGE_LABELS[view.stage]}`}
        title={view.title || 'Meeting'}
        code={view.code}
      />
      <Attention view={view} />
      <div className="columns">
        <main className="column" id="current-stage" tabIndex={-1}>
          <Controls>
            <TimeboxPanel />
            {view.stage === 'outcome' ? (
              <OutcomeSummary view={view} />
            ) : (
              // Keyed by stage and version: a new round starts with no stale "revealed" or "moved" status.
              <StageControls key={`${view.stage}-${currentVersion(view).version}`} view={view} />
            )}
            <QueuePanel view={view} />
            <ReactionOrderPanel view={view} />
            {view.stage !== 'outcome' && <ProposalEditor view={view} />}
            {/* Keyed by the latest version: a new version is compared with the one before it. */}
            <VersionDiff key={currentVersion(view).version} view={view} />
            <ObjectionsPanel view={view} />
            <OutcomeForm view={view} />
          </Controls>
        </main>
        <aside className="column">
          {/* Questions first while they are asked and answered: they are what needs an answer. */}
          {(view.stage === 'clarifying' || view.stage === 'reactions') && <QuestionsPanel view={view} />}
          <PeoplePanel view={view} />
          <ResponsesPanel view={view} />
          {view.stage !== 'proposal' && view.stage !== 'clarifying' && view.stage !== 'reactions' && (
            <QuestionsPanel view={view} />
          )}
          <MeetingPanels />
        </aside>
      </div>
    </div>
  );
}
