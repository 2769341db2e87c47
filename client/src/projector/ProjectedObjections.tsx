import { objectionStatusText } from '../components/ResponseKindLabel';
import type { CheckViewLike } from '../lib/election';
import { nameOf } from '../lib/names';

/** On the wall until the outcome: each objection raised, with where it stands. */
export function ProjectedObjections({ view }: { view: CheckViewLike }) {
  if (view.objections.length === 0 || view.stage === 'outcome') return null;
  return (
    <section className="card" aria-labelledby="pr-objections">
      <h2 id="pr-objections">Objections</h2>
      <ul className="list">
        {view.objections.map((o) => (
          <li key={o.id}>
            {nameOf(view, o.participantId)}: {o.reason}{' '}
            <em>({objectionStatusText(o.status, o.resolvedBy)})</em>
          </li>
        ))}
      </ul>
    </section>
  );
}
