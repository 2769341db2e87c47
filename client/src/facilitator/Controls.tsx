import type { ReactNode } from 'react';
import { useMeeting } from '../store/MeetingContext';

/**
 * The facilitator's controls, usable only while this screen facilitates (M4): after a hand-over
 * the key holder's console still shows the meeting, with every control disabled rather than
 * refused one click at a time. The header says who facilitates; taking it back stays outside.
 */
export function Controls({ children }: { children: ReactNode }) {
  const facilitating = useMeeting((s) => s.facilitating);
  return (
    <fieldset className="controls" disabled={!facilitating}>
      {children}
    </fieldset>
  );
}
