import { currentVersion, presentParticipants } from '@circlewise/shared/view';
import { useState } from 'react';
import { Counts } from '../components/Counts';
import { ProposalCard } from '../components/ProposalCard';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import type { StageProps } from './stageProps';

export function ConsentStage({ view, me }: StageProps) {
  const version = currentVersion(view);
  const mine = view.consentRound.responses[me];
  const consent = useSubmit();
  const object = useSubmit();
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');

  const raise = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await object.submit({ type: 'response.give', kind: 'objection', reason })) setReason('');
  };

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
        {!objecting ? (
          <button type="button" onClick={() => setObjecting(true)}>
            I see an objection
          </button>
        ) : (
          <form onSubmit={raise}>
            <label htmlFor="late-reason">
              Reason (required): what harm do you see, or how could it be better?
            </label>
            <textarea id="late-reason" value={reason} rows={4} onChange={(e) => setReason(e.target.value)} />
            <p className="muted">An objection now takes the meeting back to the objection round.</p>
            <button type="submit" className="danger" disabled={object.busy}>
              Raise objection
            </button>
          </form>
        )}
        <SubmitStatus state={object.state} recorded="Objection recorded." />
      </section>
      <section className="card" aria-labelledby="consented-heading">
        <h2 id="consented-heading">Consent so far</h2>
        <Counts view={view} responses={view.consentRound.responses} />
        <ul className="list">
          {presentParticipants(view).map((p) => (
            <li key={p.id}>
              {p.name}: {view.consentRound.responses[p.id]?.kind === 'consent' ? 'consented' : 'not yet'}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
