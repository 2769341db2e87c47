import { useT } from '../i18n';
import { meetingPath } from '../routing';
import { useMeeting } from '../store/MeetingContext';
import { itemLabel, itemStatus, position } from './itemStatus';

/**
 * Where the meeting is, for phones and the projector (M1): the current item, and the whole agenda
 * one tap away. A participant who was handed facilitation (M4) gets the way to the console here.
 */
export function AgendaStrip({ showConsoleLink = true }: { showConsoleLink?: boolean }) {
  const t = useT('common');
  const meeting = useMeeting((s) => s.meeting);
  const facilitating = useMeeting((s) => s.facilitating);
  const role = useMeeting((s) => s.role);
  if (!meeting) return null;
  const current = meeting.items.find((i) => i.id === meeting.currentItemId);
  return (
    <nav className="agenda-strip" aria-label={t('agenda.label')}>
      {meeting.closedAt !== undefined && (
        <p className="card" role="status">
          {t('agenda.closed')} <a href={meetingPath(meeting.code, 'minutes')}>{t('agenda.readMinutes')}</a>
        </p>
      )}
      {showConsoleLink && facilitating && role === 'participant' && (
        <p className="card callout" role="status">
          {t('agenda.youFacilitate')}{' '}
          <a className="button" href={meetingPath(meeting.code, 'facilitate')}>
            {t('agenda.openConsole')}
          </a>
        </p>
      )}
      {meeting.items.length > 1 && (
        <details>
          <summary>
            {position(meeting)}: <strong>{current?.title}</strong>
          </summary>
          <ol className="agenda-list">
            {meeting.items.map((item) => (
              <li key={item.id} aria-current={item.id === meeting.currentItemId ? 'step' : undefined}>
                <span className="agenda-title">{item.title}</span>{' '}
                <span className="muted">
                  {itemLabel(item)} · {itemStatus(meeting, item)}
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </nav>
  );
}
