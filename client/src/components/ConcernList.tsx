import { concernsByPerson, concernVersions } from '@circlewise/shared/concernRecord';
import type { Concern } from '@circlewise/shared/decision';
import { nameOf, type WithPeople } from '../lib/names';

/**
 * The concerns recorded in a consent check, one per person (issue 10 §8): who raised it, the
 * versions it was given on when more than one, and the latest wording; under a heading if
 * given; nothing if none.
 */
export function ConcernList({
  view,
  heading,
}: {
  view: WithPeople & { concerns: Concern[] };
  heading?: string;
}) {
  if (view.concerns.length === 0) return null;
  return (
    <>
      {heading && <h3>{heading}</h3>}
      <ul className="list">
        {concernsByPerson(view.concerns).map((c) => {
          const versions = concernVersions(c);
          return (
            <li key={c.id}>
              <strong>{nameOf(view, c.participantId)}</strong>
              {versions && ` (${versions})`}: {c.reason}
            </li>
          );
        })}
      </ul>
    </>
  );
}
