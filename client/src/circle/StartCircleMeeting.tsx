import { StartMeetingForm } from '../components/StartMeetingForm';
import { createCircleMeeting } from '../net/circleApi';

/** A meeting held in this circle (S3): its minutes and agreements go to the circle's records. */
export function StartCircleMeeting({ circleKey }: { circleKey: string }) {
  return (
    <StartMeetingForm
      heading="Start a meeting in this circle"
      submitLabel="Start the meeting"
      className="card no-print"
      create={(title, kind) => createCircleMeeting(circleKey, title, kind)}
    />
  );
}
