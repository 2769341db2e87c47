import { useEffect } from 'react';
import { meetingPath, navigate } from '../routing';
import { useMeeting } from '../store/MeetingContext';

/**
 * Hand-back (M4, issue 10 §7): on the console of a phone that facilitated with its participant
 * token, once facilitation is taken back or handed to someone else, the phone goes back to the
 * participant view by itself instead of staying on a console whose controls are refused.
 */
export function ReturnWhenHandedBack({ code }: { code: string }) {
  const role = useMeeting((s) => s.role);
  const joined = useMeeting((s) => s.connection === 'joined' && s.meeting !== undefined);
  const facilitating = useMeeting((s) => s.facilitating);
  const away = role === 'participant' && joined && !facilitating;
  useEffect(() => {
    if (away) navigate(meetingPath(code));
  }, [away, code]);
  return null;
}
