import { meetingPath } from '../routing';

/** Once the meeting has its outcome: the way to the minutes. */
export function ReadMinutesLink({ code }: { code: string }) {
  return (
    <p>
      <a className="button" href={meetingPath(code, 'minutes')}>
        Read the minutes
      </a>
    </p>
  );
}
