import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../lib/useSubmit';

export function LeaveButton() {
  const { state, submit, busy } = useSubmit();
  return (
    <div className="leave">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          if (window.confirm('Leave this meeting? You will no longer count for consent.')) {
            void submit({ type: 'participant.leave' });
          }
        }}
      >
        Leave meeting
      </button>
      <SubmitStatus state={state} recorded="You have left the meeting." />
    </div>
  );
}
