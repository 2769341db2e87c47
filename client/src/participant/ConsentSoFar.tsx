import type { Round } from '@circlewise/shared/decision';
import { consentOf, presentParticipants } from '@circlewise/shared/decision';
import { Counts } from '../components/Counts';
import { useT } from '../i18n';
import type { WithPeople } from '../lib/names';

/** Who has consented in the consent round, and who not yet; the candidate marked in an election. */
export function ConsentSoFar({
  view,
  candidateId,
  carriesOver = false,
  isConsented,
}: {
  view: WithPeople & { consentRound: Round; objectionRound: Round };
  candidateId?: string;
  /** C7, a decision's: a "no objection" or "concern" in the objection round counts as consent. */
  carriesOver?: boolean;
  /** Whether this person's consent counts, when the item says (an election's, C7 and E4). */
  isConsented?: (id: string) => boolean;
}) {
  const t = useT('phone');
  const consented = (id: string) =>
    isConsented
      ? isConsented(id)
      : carriesOver
        ? consentOf(view, id) !== undefined
        : view.consentRound.responses[id]?.kind === 'consent';
  return (
    <section className="card" aria-labelledby="consented-heading">
      <h2 id="consented-heading">{t('soFar.heading')}</h2>
      <Counts
        view={view}
        responses={
          isConsented
            ? Object.fromEntries(
                presentParticipants(view).flatMap((p) => (consented(p.id) ? [[p.id, true]] : [])),
              )
            : view.consentRound.responses
        }
      />
      <ul className="list">
        {presentParticipants(view).map((p) => (
          <li key={p.id}>
            {t(p.id === candidateId ? 'soFar.lineCandidate' : 'soFar.line', {
              name: p.name,
              status: t(consented(p.id) ? 'soFar.consented' : 'soFar.notYet'),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
