import { useMeeting } from '../store/MeetingContext';

/** Tells people when what they see may be out of date, and that submissions will wait. */
export function ConnectionBanner() {
  const connection = useMeeting((s) => s.connection);
  const hasView = useMeeting((s) => s.view !== undefined);
  if (connection !== 'reconnecting' && !(connection === 'connecting' && hasView)) return null;
  return (
    <div className="banner banner-warning" role="status">
      Reconnecting… Anything you send waits and goes out once you are back.
    </div>
  );
}
