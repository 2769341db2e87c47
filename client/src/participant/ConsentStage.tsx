import { consentOf, currentVersion } from '@circlewise/shared/decision';
import { SubmitStatus } from '../components/SubmitStatus';
import { useT } from '../i18n';
import { useSubmit } from '../lib/useSubmit';
import { CarriedConsent } from './CarriedConsent';
import { ConsentSoFar } from './ConsentSoFar';
import { CurrentProposal } from './CurrentProposal';
import { LateObjection } from './LateObjection';
import type { StageProps } from './stageProps';

export function ConsentStage({ view, me }: StageProps) {
  const t = useT('phone');
  const version = currentVersion(view);
  const mine = consentOf(view, me);
  const consent = useSubmit();

  return (
    <>
      <CurrentProposal view={view} />
      <section className="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading">{t('consent.heading')}</h2>
        {mine === 'given' ? (
          <p className="done">{t('consent.given', { version: version.version })}</p>
        ) : mine === 'carried' ? (
          <CarriedConsent>{t('consent.carried')}</CarriedConsent>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={consent.busy}
              onClick={() => consent.submit({ type: 'response.give', kind: 'consent' })}
            >
              {t('consent.button', { version: version.version })}
            </button>
            <SubmitStatus state={consent.state} recorded={t('consent.done')} />
          </>
        )}
        <LateObjection
          reasonLabel={t('consent.reason')}
          consequence={t('consent.consequence')}
          {...(mine === 'carried' && { openLabel: t('consent.lateOpen') })}
        />
      </section>
      <ConsentSoFar view={view} carriesOver />
    </>
  );
}
