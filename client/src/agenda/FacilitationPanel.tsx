import { presentParticipants } from '@circlewise/shared/decision';
import { useId, useState } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';
import { useMeeting } from '../store/MeetingContext';

/**
 * M4: who facilitates, and handing it over. The hand-over is recorded in the minutes. Whoever
 * holds the facilitator key can always take it back, so a meeting is never left without one.
 */
export function FacilitationPanel() {
  const meeting = useMeeting((s) => s.meeting);
  const facilitating = useMeeting((s) => s.facilitating);
  const role = useMeeting((s) => s.role);
  const me = useMeeting((s) => s.participantId);
  const id = useId();
  const [to, setTo] = useState('');
  const { state, submit, busy } = useSubmit();
  if (!meeting || meeting.closedAt !== undefined) return null;
  const holder = meeting.facilitatorId ? meeting.participants[meeting.facilitatorId]?.name : undefined;
  const candidates = presentParticipants(meeting).filter((p) => p.id !== meeting.facilitatorId);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Facilitation</h2>
      <p>
        {holder
          ? meeting.facilitatorId === me
            ? 'You facilitate, handed over in this meeting.'
            : `${holder} facilitates now.`
          : role === 'facilitator'
            ? 'You facilitate (you hold the facilitator key).'
            : 'The holder of the facilitator key facilitates.'}
      </p>
      {facilitating && candidates.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (to) void submit({ type: 'facilitation.handOver', participantId: to });
          }}
        >
          <label htmlFor={`${id}-to`}>Hand facilitation to</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">Choose someone present…</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy || !to}>
            Hand over
          </button>
        </form>
      )}
      {role === 'facilitator' && meeting.facilitatorId !== null && (
        <button
          type="button"
          disabled={busy}
          onClick={() => submit({ type: 'facilitation.handOver', participantId: null })}
        >
          Take facilitation back
        </button>
      )}
      <SubmitStatus state={state} recorded="Recorded in the minutes." />
    </section>
  );
}
