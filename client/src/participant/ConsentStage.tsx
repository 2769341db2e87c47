import { currentVersion } from '@circlewise/shared/decision';
import { ProposalCard } from '../components/ProposalCard';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { ConsentSoFar } from './ConsentSoFar';
import { LateObjection } from './LateObjection';
import type { StageProps } from './stageProps';

export function ConsentStage({ view, me }: StageProps) {
  const version = currentVersion(view);
  const mine = view.consentRound.responses[me];
  const consent = useSubmit();

  return (
    <>
      <ProposalCard version={version} />
      <section className="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading">Your final answer</h2>
        {mine?.kind === 'consent' ? (
          <p className="done">You consented to version {version.version}.</p>
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
        />
      </section>
      <ConsentSoFar view={view} />
    </>
  );
}
