import { useT } from '../i18n';
import type { SubmitState } from '../lib/useSubmit';

/** Where a submission's fate is announced: polite while sending, an alert when refused. */
export function SubmitStatus({ state, recorded }: { state: SubmitState; recorded?: string | undefined }) {
  const t = useT('common');
  if (state.status === 'error') {
    return (
      <p className="status status-error" role="alert">
        {state.message}
      </p>
    );
  }
  return (
    <p className={`status status-${state.status}`} role="status" aria-live="polite">
      {state.status === 'sending'
        ? t('submit.sending')
        : state.status === 'recorded'
          ? (recorded ?? t('submit.recorded'))
          : ''}
    </p>
  );
}
