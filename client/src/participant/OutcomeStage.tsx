import { OUTCOME_LABELS } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { ConcernList } from '../components/ConcernList';
import { ReadMinutesLink } from '../components/ReadMinutesLink';
import { formatDate } from '../lib/names';
import type { StageProps } from './stageProps';

export function OutcomeStage({ view }: StageProps) {
  return (
    <>
      <OutcomeSummary view={view} />
      <ReadMinutesLink code={view.code} />
    </>
  );
}

export function OutcomeSummary({ view }: { view: Seated<DecisionView> }) {
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
      <ConcernList view={view} heading="Concerns recorded with it" />
    </section>
  );
}
