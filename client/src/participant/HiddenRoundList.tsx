import { presentParticipants } from '@circlewise/shared/decision';
import type { ReactNode } from 'react';
import { Counts } from '../components/Counts';
import { useT } from '../i18n';
import type { WithPeople } from '../lib/names';

/**
 * A round whose answers stay hidden until the facilitator reveals them: how many answered, and
 * everyone else's answer, or only that they answered while it is hidden.
 */
export function HiddenRoundList<R>({
  view,
  me,
  round,
  heading,
  shown,
}: {
  view: WithPeople;
  me: string;
  round: { responses: Record<string, R>; revealed: boolean };
  /** "Responses" or "Reactions": the section's heading, its id, and its note while hidden. */
  heading: 'Responses' | 'Reactions';
  /** An answer in words, or undefined while it is hidden. */
  shown: (response: R) => ReactNode | undefined;
}) {
  const t = useT('phone');
  const { responses, revealed } = round;
  const headingId = `${heading.toLowerCase()}-heading`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`hidden.${heading}`)}</h2>
      <Counts view={view} responses={responses} />
      {!revealed && (
        <p className="muted">
          {t(heading === 'Responses' ? 'hidden.noteResponses' : 'hidden.noteReactions')}
        </p>
      )}
      <ul className="list">
        {presentParticipants(view)
          .filter((p) => p.id !== me && responses[p.id])
          .map((p) => {
            const answer = shown(responses[p.id]!);
            return (
              <li key={p.id}>
                <strong>{p.name}</strong>:{' '}
                {answer === undefined ? <span className="muted">{t('hidden.responded')}</span> : answer}
              </li>
            );
          })}
      </ul>
    </section>
  );
}
