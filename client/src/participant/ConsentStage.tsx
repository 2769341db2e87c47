import { consentOf, currentVersion } from '@circlewise/shared/decision';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { CarriedConsent } from './CarriedConsent';
import { ConsentSoFar } from './ConsentSoFar';
import { CurrentProposal } from './CurrentProposal';
import { LateObjection } from './LateObjection';
import type { StageProps } from './stageProps';

export function ConsentStage({ view, me }: StageProps) {
  const version = currentVersion(view);
  const mine = consentOf(view, me);
  const consent = useSubmit();

  return (
    <>
      <CurrentProposal view={view} />
      <section className="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading">Your final answer</h2>
        {mine === 'given' ? (
          <p className="done">You consented to version {version.version}.</p>
        ) : mine === 'carried' ? (
          <CarriedConsent>You consented (carried over from the objection round).</CarriedConsent>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={consent.busy}
              onClick={() => consent.submit({ type: 'response.give', kind: 'consent' })}
            >
              I consent to version {version.version}
            </button>
            <SubmitStatus state={consent.state} recorded="Consent recorded." />
          </>
        )}
        <LateObjection
          reasonLabel="Reason (required): what harm do you see, or how could it be better?"
          consequence="An objection now takes the meeting back to the objection round."
          {...(mine === 'carried' && { openLabel: 'Raise a late objection' })}
        />
      </section>
      <ConsentSoFar view={view} carriesOver />
    </>
  );
}
