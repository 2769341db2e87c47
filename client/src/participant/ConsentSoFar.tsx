import type { Round } from '@circlewise/shared/decision';
import { presentParticipants } from '@circlewise/shared/decision';
import { Counts } from '../components/Counts';
import type { WithPeople } from '../lib/names';

/** Who has consented in the consent round, and who not yet; the candidate marked in an election. */
export function ConsentSoFar({
  view,
  candidateId,
}: {
  view: WithPeople & { consentRound: Round };
  candidateId?: string;
}) {
  return (
    <section className="card" aria-labelledby="consented-heading">
      <h2 id="consented-heading">Consent so far</h2>
      <Counts view={view} responses={view.consentRound.responses} />
      <ul className="list">
        {presentParticipants(view).map((p) => (
          <li key={p.id}>
            {p.name}
            {p.id === candidateId && ' (candidate)'}:{' '}
            {view.consentRound.responses[p.id]?.kind === 'consent' ? 'consented' : 'not yet'}
          </li>
        ))}
      </ul>
    </section>
  );
}
