import { STAGE_LABELS } from '@circlewise/shared/constants';
import { currentVersion, type MeetingView } from '@circlewise/shared/view';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { StageAnnouncer } from '../components/StageAnnouncer';
import { OutcomeSummary } from '../participant/OutcomeStage';
import { meetingPath } from '../routing';
import { useMeeting } from '../store/MeetingContext';
import { ElectionConsole } from './election/ElectionConsole';
import { ObjectionsPanel } from './ObjectionsPanel';
import { OutcomeForm } from './OutcomeForm';
import { PeoplePanel } from './PeoplePanel';
import { ProposalEditor } from './ProposalEditor';
import { QuestionsPanel } from './QuestionsPanel';
import { ResponsesPanel } from './ResponsesPanel';
import { StageControls } from './StageControls';
import { VersionDiff } from './VersionDiff';

/** The facilitator's laptop: the whole meeting, every move, and why a move is not possible yet. */
export function Console() {
  const view = useMeeting((s) => s.view);
  if (!view) return <p className="loading">Loading the meeting…</p>;
  return view.kind === 'election' ? <ElectionConsole view={view} /> : <DecisionConsole view={view} />;
}

function DecisionConsole({ view }: { view: MeetingView }) {
  return (
    <div className="page console">
      <ConnectionBanner />
      <StageAnnouncer />
      <header className="console-header">
        <div>
          <p className="eyebrow">Facilitating · {STAGE_LABELS[view.stage]}</p>
          <h1>{view.title || 'Meeting'}</h1>
          <nav className="actions" aria-label="Meeting screens">
            <a className="button" href={meetingPath(view.code, 'projector')} target="_blank" rel="noreferrer">
              Open projector view
            </a>
            <a className="button" href={meetingPath(view.code, 'minutes')} target="_blank" rel="noreferrer">
              Minutes
            </a>
          </nav>
        </div>
        <p className="join-code">
          <span className="eyebrow">Join code</span>
          <strong>{view.code}</strong>
        </p>
      </header>
      <div className="columns">
        <main className="column">
          {view.stage === 'outcome' ? (
            <OutcomeSummary view={view} />
          ) : (
            // Keyed by stage and version: a new round starts with no stale "revealed" or "moved" status.
            <StageControls key={`${view.stage}-${currentVersion(view).version}`} view={view} />
          )}
          {view.stage !== 'outcome' && <ProposalEditor view={view} />}
          <VersionDiff view={view} />
          <ObjectionsPanel view={view} />
          <OutcomeForm view={view} />
        </main>
        <aside className="column">
          <PeoplePanel view={view} />
          <ResponsesPanel view={view} />
          {view.stage !== 'proposal' && <QuestionsPanel view={view} />}
        </aside>
      </div>
    </div>
  );
}
