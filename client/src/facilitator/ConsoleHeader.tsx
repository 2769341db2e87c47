import { meetingPath } from '../routing';

/** The top of the facilitator's console: where the meeting is, the other screens, and its join code. */
export function ConsoleHeader({ eyebrow, title, code }: { eyebrow: string; title: string; code: string }) {
  return (
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
      </div>
      <p className="join-code">
        <span className="eyebrow">Join code</span>
        <strong>{code}</strong>
      </p>
    </header>
  );
}
