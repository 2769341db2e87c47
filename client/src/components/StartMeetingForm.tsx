import { LIMITS, type MeetingKind } from '@circlewise/shared/constants';
import type { CreatedMeeting } from '@circlewise/shared/protocol';
import { useId, useState } from 'react';
import type { ApiResult } from '../net/api';
import { saveFacilitatorKey } from '../net/identity';
import { meetingPath, navigate } from '../routing';

/**
 * Starting a meeting, on its own or in a circle: its first item's kind and title. This browser
 * keeps the facilitator key (S1) and opens the console; more items are added there (M1).
 */
export function StartMeetingForm({
  heading,
  submitLabel,
  className = 'card',
  create,
}: {
  heading: string;
  submitLabel: string;
  className?: string;
  create: (title: string | undefined, kind: MeetingKind) => Promise<ApiResult<CreatedMeeting>>;
}) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('decision');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  async function start(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem('');
    const result = await create(title.trim() || undefined, kind);
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    saveFacilitatorKey(result.value.code, result.value.facilitatorKey);
    navigate(meetingPath(result.value.code, 'facilitate'));
  }

  const choice = (value: MeetingKind, label: string) => (
    <label className="choice">
      <input type="radio" name={`${id}-kind`} checked={kind === value} onChange={() => setKind(value)} />
      {label}
    </label>
  );

  return (
    <form className={className} onSubmit={start} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <fieldset className="choices">
        <legend>What is the first item?</legend>
        {choice('decision', 'Consent decision')}
        {choice('election', 'Role election')}
      </fieldset>
      <label htmlFor={`${id}-title`}>
        {kind === 'election' ? 'Which role is to be filled? (optional)' : 'What is to be decided? (optional)'}
      </label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={LIMITS.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : submitLabel}
      </button>
      <p className="muted">
        This browser becomes the facilitator’s console; add more items to the agenda there.
      </p>
      {problem && (
        <p className="status status-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
