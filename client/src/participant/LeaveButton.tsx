import { SubmitStatus } from '../components/SubmitStatus';
import { useT } from '../i18n';
import { useSubmit } from '../lib/useSubmit';

export function LeaveButton() {
  const t = useT('phone');
  const { state, submit, busy } = useSubmit();
  return (
    <div className="leave">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          if (window.confirm(t('leave.confirm'))) {
            void submit({ type: 'participant.leave' });
          }
        }}
      >
        {t('leave.button')}
      </button>
      <SubmitStatus state={state} recorded={t('leave.done')} />
    </div>
  );
}
