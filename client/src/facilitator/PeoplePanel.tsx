import type { ConsentItemView } from '@circlewise/shared/consentItem';
import { consentOf, presentParticipants } from '@circlewise/shared/decision';
import { electionConsentOf } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import type { RoundView } from '@circlewise/shared/round';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { useMeeting } from '../store/MeetingContext';
import { DoorControls, RemoveButton } from './DoorControls';

/** The items whose console lists its people with the door controls (S12): every kind. */
export type PeopleItemView = ConsentItemView | RoundView;

/** Whether a participant has done what the current stage asks. */
export function hasResponded(view: Seated<PeopleItemView>, participantId: string): boolean {
  if (view.kind === 'round') return view.entries.some((e) => e.participantId === participantId);
  if (view.kind === 'election') {
    switch (view.stage) {
      case 'nominations':
        return participantId in view.nominations;
      case 'changes':
        return view.changes.some((c) => c.participantId === participantId);
      case 'objections':
        return participantId in view.objectionRound.responses;
      case 'consent':
        // C7: a carried "no objection" counts; the candidate's only while it is last (E4).
        return electionConsentOf(view, participantId) !== undefined;
      default:
        return false;
    }
  }
  switch (view.stage) {
    case 'clarifying':
      return view.questions.some((q) => q.participantId === participantId);
    case 'reactions':
      return participantId in view.reactions;
    case 'objections':
      return participantId in view.objectionRound.responses;
    case 'consent':
      // C7: a "no objection" or "concern" on this version carries over as consent.
      return consentOf(view, participantId) !== undefined;
    default:
      return false;
  }
}

/** The verb for what the stage asks, as counted: "3 of 5 nominated". */
function doneVerb(view: Seated<PeopleItemView>): string {
  if (view.kind === 'round') return 'spoke';
  if (view.stage === 'consent') return 'consented';
  if (view.stage === 'nominations') return 'nominated';
  if (view.stage === 'changes') return 'kept or changed';
  return 'responded';
}

export function PeoplePanel({ view }: { view: Seated<PeopleItemView> }) {
  const online = useMeeting((s) => s.online);
  const present = presentParticipants(view);
  const asks =
    view.kind === 'election'
      ? view.stage === 'nominations' ||
        view.stage === 'changes' ||
        view.stage === 'objections' ||
        view.stage === 'consent'
      : view.kind === 'round'
        ? view.stage !== 'outcome'
        : view.stage !== 'proposal' && view.stage !== 'outcome';
  const responded = present.filter((p) => hasResponded(view, p.id)).length;
  const absent = Object.values(view.participants).filter((p) => !p.present && !p.removed);

  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">People ({present.length} present)</h2>
      <DoorControls />
      {asks && (
        <p className="counts">
          {responded} of {present.length} {doneVerb(view)}
        </p>
      )}
      {present.length === 0 ? (
        <p className="empty">Nobody has joined yet. Share the code or the projector QR.</p>
      ) : (
        <ul className="list people">
          {present.map((p) => (
            <Person
              key={p.id}
              id={p.id}
              name={p.name}
              online={Boolean(online[p.id])}
              responded={asks ? hasResponded(view, p.id) : undefined}
              doneLabel={view.kind === 'decision' ? 'responded' : doneVerb(view)}
            />
          ))}
        </ul>
      )}
      {absent.length > 0 && <p className="muted">Absent: {absent.map((p) => p.name).join(', ')}</p>}
    </section>
  );
}

function Person({
  id,
  name,
  online,
  responded,
  doneLabel = 'responded',
}: {
  id: string;
  name: string;
  online: boolean;
  responded: boolean | undefined;
  doneLabel?: string;
}) {
  const { state, submit, busy } = useSubmit();
  return (
    <li className="person">
      <span className={`dot ${online ? 'dot-online' : 'dot-offline'}`} aria-hidden="true" />
      <span className="person-name">
        {name} <span className="visually-hidden">{online ? '(online)' : '(offline)'}</span>
      </span>
      {responded !== undefined && (
        <span className={responded ? 'tag tag-done' : 'tag'}>{responded ? doneLabel : 'waiting'}</span>
      )}
      <button
        type="button"
        className="small"
        disabled={busy}
        onClick={() => submit({ type: 'participant.markAbsent', participantId: id })}
      >
        Mark {name} absent
      </button>
      <SubmitStatus state={state} recorded="Marked absent." />
      <RemoveButton id={id} name={name} />
    </li>
  );
}
