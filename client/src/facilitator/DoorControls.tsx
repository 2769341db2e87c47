/**
 * S12: the facilitator decides who is in the room. Lock or unlock the meeting, and admit or
 * refuse whoever waits at a locked door; the server records each, and every console follows.
 */
import { waitingList } from '@circlewise/shared/meeting';
import { useState } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { useMeeting } from '../store/MeetingContext';

export function DoorControls() {
  const meeting = useMeeting((s) => s.meeting);
  const { state, submit, busy } = useSubmit();
  if (!meeting) return null;
  const locked = meeting.locked === true;
  const waiting = waitingList(meeting);
  return (
    <div className="door">
      <div className="actions">
        <span>
          {locked ? 'Locked: new people wait for you to admit them.' : 'Open: anyone with the code joins.'}
        </span>{' '}
        <button
          type="button"
          className="small"
          disabled={busy}
          onClick={() => submit({ type: locked ? 'meeting.unlock' : 'meeting.lock' })}
        >
          {locked ? 'Unlock the meeting' : 'Lock the meeting'}
        </button>
        <SubmitStatus state={state} recorded={locked ? 'Locked.' : 'Unlocked.'} />
      </div>
      {waiting.length > 0 && (
        <section aria-labelledby="waiting-heading">
          <h3 id="waiting-heading">Waiting to be admitted ({waiting.length})</h3>
          <ul className="list people">
            {waiting.map((w) => (
              <Waiting key={w.id} id={w.id} name={w.name} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Waiting({ id, name }: { id: string; name: string }) {
  const { state, submit, busy } = useSubmit();
  return (
    <li className="person">
      <span className="person-name">{name}</span>
      <button
        type="button"
        className="small"
        disabled={busy}
        onClick={() => submit({ type: 'participant.admit', participantId: id })}
      >
        Admit {name}
      </button>
      <button
        type="button"
        className="small"
        disabled={busy}
        onClick={() => submit({ type: 'participant.refuse', participantId: id })}
      >
        Refuse {name}
      </button>
      <SubmitStatus state={state} recorded="Done." />
    </li>
  );
}

/** Remove a participant, after a second, explicit confirmation: their token then opens nothing. */
export function RemoveButton({ id, name }: { id: string; name: string }) {
  const [asking, setAsking] = useState(false);
  const { state, submit, busy } = useSubmit();
  if (!asking) {
    return (
      <>
        <button type="button" className="small" onClick={() => setAsking(true)}>
          Remove {name}
        </button>
        <SubmitStatus state={state} recorded="Removed." />
      </>
    );
  }
  return (
    <fieldset className="inline-confirm">
      <legend className="visually-hidden">Confirm removing {name}</legend>
      <span>Remove {name} for good? They cannot rejoin from this device.</span>{' '}
      <button
        type="button"
        className="small danger"
        disabled={busy}
        onClick={async () => {
          await submit({ type: 'participant.remove', participantId: id });
          setAsking(false);
        }}
      >
        Yes, remove {name}
      </button>
      <button type="button" className="small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
