import type { DecisionView } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { ConcernList } from '../components/ConcernList';
import { ReadMinutesLink } from '../components/ReadMinutesLink';
import { useT } from '../i18n';
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
  const t = useT('phone');
  const tc = useT('common');
  const outcome = view.outcome;
  if (!outcome) return <p className="empty">{t('outcome.none')}</p>;
  const version = view.versions.find((v) => v.version === outcome.version);
  return (
    <section className="card outcome" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">
        {t('outcome.heading', {
          outcome: tc(`outcome.${outcome.outcome}`),
          title: version?.title || view.title,
        })}
      </h2>
      <p>{t('outcome.version', { version: outcome.version })}</p>
      {version && <p className="prose">{version.text}</p>}
      {outcome.reviewDate && <p>{t('outcome.review', { date: formatDate(outcome.reviewDate) })}</p>}
      {outcome.note && <p>{t('outcome.note', { note: outcome.note })}</p>}
      <ConcernList view={view} heading={t('outcome.concerns')} />
    </section>
  );
}
