import { normaliseCode } from '@circlewise/shared/commands';
import { LIMITS, type MeetingKind } from '@circlewise/shared/constants';
import { useState } from 'react';
import { JoinForm } from '../components/JoinForm';
import { createMeeting } from '../net/api';
import { saveFacilitatorKey, saveParticipant } from '../net/identity';
import { meetingPath, navigate } from '../routing';

export function Home() {
  return (
    <div className="page narrow">
      <header>
        <h1>Circlewise</h1>
        <p className="ask">
          Consent decisions and role elections together: one laptop to facilitate, everyone’s phone to take
          part.
        </p>
      </header>
      <JoinForm
        askCode
        onJoin={(code, name) => {
          const c = normaliseCode(code);
          saveParticipant(c, name);
          navigate(meetingPath(c));
        }}
      />
      <StartMeeting />
    </div>
  );
}

function StartMeeting() {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('decision');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem('');
    const result = await createMeeting(title.trim() || undefined, kind);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    saveFacilitatorKey(result.value.code, result.value.facilitatorKey);
    navigate(meetingPath(result.value.code, 'facilitate'));
  };

  return (
    <form className="card" onSubmit={start} aria-labelledby="start-heading">
      <h2 id="start-heading">Start a meeting</h2>
      <fieldset className="choices">
        <legend>What kind of meeting?</legend>
        <label className="choice">
          <input
            type="radio"
            name="meeting-kind"
            checked={kind === 'decision'}
            onChange={() => setKind('decision')}
          />
          Consent decision
        </label>
        <label className="choice">
          <input
            type="radio"
            name="meeting-kind"
            checked={kind === 'election'}
            onChange={() => setKind('election')}
          />
          Role election
        </label>
      </fieldset>
      <label htmlFor="meeting-title">
        {kind === 'election' ? 'Which role is to be filled? (optional)' : 'What is to be decided? (optional)'}
      </label>
      <input
        id="meeting-title"
        value={title}
        maxLength={LIMITS.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : 'Start a meeting'}
      </button>
      <p className="muted">This browser becomes the facilitator’s console.</p>
      {problem && (
        <p className="status status-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
