import { meetingPath } from '../routing';
import { useMeeting } from '../store/MeetingContext';
import { ScreenLink } from './ScreenLink';

/** The top of the facilitator's console: where the meeting is, the other screens, and its join code. */
export function ConsoleHeader({ eyebrow, title, code }: { eyebrow: string; title: string; code: string }) {
  const facilitating = useMeeting((s) => s.facilitating);
  const holder = useMeeting((s) => s.meeting?.participants[s.meeting.facilitatorId ?? '']?.name);
  return (
    <>
      <a className="skip-link" href="#current-stage">
        Skip to the current stage
      </a>
      {!facilitating && (
        <p className="card callout" role="status">
          {holder ? `${holder} facilitates now` : 'You do not facilitate now'}: this console shows the
          meeting, and its controls are refused until facilitation is handed back.
        </p>
      )}
      <header className="console-header">
        <div>
          <p className="eyebrow">{eyebrow}</p>
          <h1>{title}</h1>
          <nav className="actions" aria-label="Meeting screens">
            <a className="button" href={meetingPath(code, 'projector')} target="_blank" rel="noreferrer">
              Open projector view
            </a>
            <a className="button" href={meetingPath(code, 'minutes')} target="_blank" rel="noreferrer">
              Minutes
            </a>
          </nav>
          <ScreenLink code={code} />
        </div>
        <p className="join-code">
          <span className="eyebrow">Join code</span>
          <strong>{code}</strong>
        </p>
      </header>
    </>
  );
}
