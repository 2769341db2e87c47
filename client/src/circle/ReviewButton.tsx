import { useState } from 'react';
import { scheduleReview } from '../net/circleApi';
import { loadFacilitatorKey, saveFacilitatorKey } from '../net/identity';
import { meetingPath } from '../routing';

type State =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'added'; code: string; newMeeting: boolean; console: boolean }
  | { state: 'error'; message: string };

/**
 * R3: puts an agreement on the next meeting's agenda in one step, as a consent decision
 * pre-filled with its current text. When no meeting was open the server makes one and returns
 * its facilitator key: kept here, as for any meeting started from this browser (S1).
 */
export function ReviewButton({
  circleKey,
  agreementId,
  onAdded,
}: {
  circleKey: string;
  agreementId: string;
  onAdded: () => void;
}) {
  const [s, setS] = useState<State>({ state: 'idle' });

  async function add() {
    setS({ state: 'busy' });
    const result = await scheduleReview(circleKey, agreementId);
    if (!result.ok) return setS({ state: 'error', message: result.error.message });
    const { meetingCode: code, facilitatorKey } = result.value;
    if (facilitatorKey) saveFacilitatorKey(code, facilitatorKey);
    setS({
      state: 'added',
      code,
      newMeeting: Boolean(facilitatorKey),
      console: loadFacilitatorKey(code) !== undefined,
    });
    onAdded();
  }

  return (
    <div className="no-print">
      {s.state !== 'added' && (
        <button type="button" disabled={s.state === 'busy'} onClick={() => void add()}>
          {s.state === 'busy' ? 'Adding…' : 'Put on the next meeting’s agenda'}
        </button>
      )}
      <div role="status">
        {s.state === 'added' && (
          <p className="status status-recorded">
            Added to meeting {s.code}
            {s.newMeeting && ', a new meeting made for it'}.{' '}
            {s.console ? (
              <a href={meetingPath(s.code, 'facilitate')}>
                {s.newMeeting ? 'Open the meeting' : 'Open that meeting’s console'}
              </a>
            ) : (
              'Its facilitator will find it on the agenda.'
            )}
          </p>
        )}
      </div>
      {s.state === 'error' && (
        <p className="status status-error" role="alert">
          Could not add it to the agenda: {s.message}
        </p>
      )}
    </div>
  );
}
