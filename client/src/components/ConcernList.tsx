import type { Concern } from '@circlewise/shared/decision';
import { nameOf, type WithPeople } from '../lib/names';

/** The concerns recorded in a consent check, each with who raised it; under a heading if given; nothing if none. */
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
        {view.concerns.map((c) => (
          <li key={c.id}>
            <strong>{nameOf(view, c.participantId)}</strong>: {c.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
