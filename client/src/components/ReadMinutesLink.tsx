import { useT } from '../i18n';
import { meetingPath } from '../routing';

/** Once the meeting has its outcome: the way to the minutes. */
export function ReadMinutesLink({ code }: { code: string }) {
  const t = useT('common');
  return (
    <p>
      <a className="button" href={meetingPath(code, 'minutes')}>
        {t('agenda.readMinutes')}
      </a>
    </p>
  );
}
