import type { WireError } from '@circlewise/shared/errors';
import type { ReactNode } from 'react';
import { useMeeting } from '../store/MeetingContext';

/**
 * Shows the meeting once joined; until then, that it is connecting, or in words why joining
 * failed. `onReset` lets the screen offer a fresh start (e.g. forget a refused token).
 */
export function MeetingGate({
  code,
  children,
  onReset,
}: {
  code: string;
  children: ReactNode;
  onReset?: { label: string; run: () => void };
}) {
  const hasView = useMeeting((s) => s.view !== undefined);
  const connection = useMeeting((s) => s.connection);
  const joinError = useMeeting((s) => s.joinError);

  if (connection === 'failed' && joinError) {
    return (
      <main className="page narrow">
        <h1>Could not join meeting {code}</h1>
        <p role="alert">{explainJoinError(joinError, code)}</p>
        <p className="actions">
          {onReset && (
            <button type="button" onClick={onReset.run}>
              {onReset.label}
            </button>
          )}
          <a className="button" href="/">
            Back to start
          </a>
        </p>
      </main>
    );
  }
  if (connection === 'waiting') {
    return (
      <main className="page narrow">
        <h1>Meeting {code}</h1>
        <p role="status">
          Waiting to be admitted. The facilitator has locked this meeting and will let you in.
        </p>
        <p className="muted">Keep this page open; it goes on by itself.</p>
      </main>
    );
  }
  if (!hasView) {
    return (
      <main>
        <p className="loading" role="status">
          Connecting to meeting {code}…
        </p>
      </main>
    );
  }
  return children;
}

export function explainJoinError(error: WireError, code: string): string {
  switch (error.code) {
    case 'unknown_meeting':
      return `There is no meeting with the code ${code}. Check the code with the facilitator and try again.`;
    case 'bad_token':
      return 'This browser’s pass for the meeting was not accepted. Join again with your name, or ask the facilitator.';
    case 'protocol_mismatch':
      return error.reason === 'serverTooOld'
        ? 'The server is older than this page. Ask the facilitator to update it.'
        : 'This page is out of date. Reload it to get the current version.';
    case 'removed':
      return `${error.message} Ask the facilitator if you think this is a mistake.`;
    case 'name_taken':
      return `${error.message} Join again with another name.`;
    default:
      return error.message;
  }
}
