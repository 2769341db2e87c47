import type { SubmitState } from '../lib/useSubmit';

/** Where a submission's fate is announced: polite while sending, an alert when refused. */
export function SubmitStatus({ state, recorded = 'Recorded.' }: { state: SubmitState; recorded?: string }) {
  if (state.status === 'error') {
    return (
      <p className="status status-error" role="alert">
        {state.message}
      </p>
    );
  }
  return (
    <p className={`status status-${state.status}`} role="status" aria-live="polite">
      {state.status === 'sending' ? 'Sending…' : state.status === 'recorded' ? recorded : ''}
    </p>
  );
}
