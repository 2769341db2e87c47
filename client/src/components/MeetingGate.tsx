import type { WireError } from '@circlewise/shared/errors';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
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
  const t = useT('phone');
  const hasView = useMeeting((s) => s.view !== undefined);
  const connection = useMeeting((s) => s.connection);
  const joinError = useMeeting((s) => s.joinError);

  if (connection === 'failed' && joinError) {
    return (
      <main className="page narrow">
        <h1>{t('gate.couldNotJoin', { code })}</h1>
        <p role="alert">{explainJoinError(joinError, code, t)}</p>
        <p className="actions">
          {onReset && (
            <button type="button" onClick={onReset.run}>
              {onReset.label}
            </button>
          )}
          <a className="button" href="/">
            {t('gate.backToStart')}
          </a>
        </p>
      </main>
    );
  }
  if (connection === 'waiting') {
    return (
      <main className="page narrow">
        <h1>{t('meeting', { code })}</h1>
        <p role="status">{t('gate.waiting')}</p>
        <p className="muted">{t('gate.keepOpen')}</p>
      </main>
    );
  }
  if (!hasView) {
    return (
      <main>
        <p className="loading" role="status">
          {t('gate.connecting', { code })}
        </p>
      </main>
    );
  }
  return children;
}

export function explainJoinError(error: WireError, code: string, t: TFunction<'phone'>): string {
  switch (error.code) {
    case 'unknown_meeting':
      return t('gate.unknownMeeting', { code });
    case 'bad_token':
      return t('gate.badToken');
    case 'protocol_mismatch':
      return error.reason === 'serverTooOld' ? t('gate.serverTooOld') : t('gate.clientTooOld');
    case 'removed':
      return t('gate.removed', { message: error.message });
    case 'name_taken':
      return t('gate.nameTaken', { message: error.message });
    default:
      return error.message;
  }
}
