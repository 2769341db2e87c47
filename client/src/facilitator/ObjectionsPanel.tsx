import type { Objection } from '@circlewise/shared/decision';
import { ConcernList } from '../components/ConcernList';
import { objectionStatusText } from '../components/ResponseKindLabel';
import { SubmitStatus } from '../components/SubmitStatus';
import type { CheckViewLike } from '../lib/election';
import { nameOf } from '../lib/names';
import { useSubmit } from '../lib/useSubmit';

/** Test each objection (S3 Test Arguments Qualify as Objections); qualified ones are resolved by amending. */
export function ObjectionsPanel({
  view,
  resolveHint = 'Resolve it by amending the proposal and ticking it as resolved.',
  concernsHeading = 'Concerns (recorded with the agreement)',
}: {
  view: CheckViewLike;
  resolveHint?: string;
  concernsHeading?: string;
}) {
  if (view.objections.length === 0 && view.concerns.length === 0) return null;
  return (
    <section className="card" aria-labelledby="f-objections-heading">
      <h2 id="f-objections-heading">Objections and concerns</h2>
      {view.objections.length > 0 && (
        <ul className="list">
          {view.objections.map((o) => (
            <ObjectionRow key={o.id} view={view} objection={o} resolveHint={resolveHint} />
          ))}
        </ul>
      )}
      <ConcernList view={view} heading={concernsHeading} />
    </section>
  );
}

function ObjectionRow({
  view,
  objection,
  resolveHint,
}: {
  view: CheckViewLike;
  objection: Objection;
  resolveHint: string;
}) {
  const { state, submit, busy } = useSubmit();
  const test = (verdict: 'qualifies' | 'concern') =>
    submit({ type: 'objection.test', objectionId: objection.id, verdict });
  return (
    <li>
      <p>
        <strong>{nameOf(view, objection.participantId)}</strong> (version {objection.version}):{' '}
        {objection.reason}
      </p>
      <p className={`objection-status status-${objection.status}`}>
        {objectionStatusText(objection.status, objection.resolvedBy)}
      </p>
      {objection.status === 'raised' && view.stage === 'objections' && (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => test('qualifies')}>
            Qualifies as objection
          </button>
          <button type="button" disabled={busy} onClick={() => test('concern')}>
            Record as concern
          </button>
        </div>
      )}
      {objection.status === 'qualified' && <p className="muted">{resolveHint}</p>}
      <SubmitStatus state={state} recorded="Recorded." />
    </li>
  );
}
