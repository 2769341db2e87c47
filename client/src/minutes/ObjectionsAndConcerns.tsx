import type { ConsentCheckView } from '@circlewise/shared/consentCheck';
import { ConcernList } from '../components/ConcernList';
import { objectionStatusText } from '../components/ResponseKindLabel';
import { nameOf, type WithPeople } from '../lib/names';
import { MinutesSection } from './MinutesSection';

/** The minutes' record of a consent check: every objection with its fate, then the concerns. */
export function ObjectionsAndConcerns({
  view,
}: {
  view: WithPeople & Pick<ConsentCheckView, 'objections' | 'concerns'>;
}) {
  return (
    <>
      {view.objections.length > 0 && (
        <MinutesSection discussion id="m-objections" heading="Objections and their fate">
          <ul className="list">
            {view.objections.map((o) => (
              <li key={o.id}>
                <strong>{nameOf(view, o.participantId)}</strong> (version {o.version}): {o.reason} —{' '}
                <em>{objectionStatusText(o.status, o.resolvedBy)}</em>
              </li>
            ))}
          </ul>
        </MinutesSection>
      )}

      {view.concerns.length > 0 && (
        <MinutesSection id="m-concerns" heading="Concerns">
          <ConcernList view={view} />
        </MinutesSection>
      )}
    </>
  );
}
