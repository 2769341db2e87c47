import { useT } from '../i18n';
import { useMeeting } from '../store/MeetingContext';

/** Tells people when what they see may be out of date, and that submissions will wait. */
export function ConnectionBanner() {
  const t = useT('common');
  const connection = useMeeting((s) => s.connection);
  const hasView = useMeeting((s) => s.view !== undefined);
  const restarting = useMeeting((s) => s.restarting === true);
  if (connection !== 'reconnecting' && !(connection === 'connecting' && hasView)) return null;
  if (restarting) {
    // A12: the server said so before it closed the connection.
    return (
      <div className="banner banner-warning" role="status">
        {t('connection.restarting')}
      </div>
    );
  }
  return (
    <div className="banner banner-warning" role="status">
      {t('connection.reconnecting')}
    </div>
  );
}
