import { OUTCOME_LABELS } from '@circlewise/shared/constants';
import type { MeetingView } from '@circlewise/shared/view';
import { formatDate, nameOf } from '../lib/names';
import { meetingPath } from '../routing';
import type { StageProps } from './stageProps';

export function OutcomeStage({ view }: StageProps) {
  return (
    <>
      <OutcomeSummary view={view} />
      <p>
        <a className="button" href={meetingPath(view.code, 'minutes')}>
          Read the minutes
        </a>
      </p>
    </>
  );
}

export function OutcomeSummary({ view }: { view: MeetingView }) {
  const outcome = view.outcome;
  if (!outcome) return <p className="empty">No outcome recorded yet.</p>;
  const version = view.versions.find((v) => v.version === outcome.version);
  return (
    <section className="card outcome" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">
        {OUTCOME_LABELS[outcome.outcome]}: {version?.title || view.title}
      </h2>
      <p>Version {outcome.version} of the proposal.</p>
      {version && <p className="prose">{version.text}</p>}
      {outcome.reviewDate && <p>Review by {formatDate(outcome.reviewDate)}.</p>}
      {outcome.note && <p>Note: {outcome.note}</p>}
      {view.concerns.length > 0 && (
        <>
          <h3>Concerns recorded with it</h3>
          <ul className="list">
            {view.concerns.map((c) => (
              <li key={c.id}>
                <strong>{nameOf(view, c.participantId)}</strong>: {c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
