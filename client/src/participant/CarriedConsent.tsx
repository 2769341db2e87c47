import type { ReactNode } from 'react';
import { SubmitStatus } from '../components/SubmitStatus';
import { useT } from '../i18n';
import { useSubmit } from '../lib/useSubmit';

/** C7: the answer given in the objection round counts as consent; one tap confirms it. */
export function CarriedConsent({ children }: { children: ReactNode }) {
  const t = useT('phone');
  const consent = useSubmit();
  return (
    <>
      <p className="done">{children}</p>
      <button
        type="button"
        className="primary"
        disabled={consent.busy}
        onClick={() => consent.submit({ type: 'response.give', kind: 'consent' })}
      >
        {t('consent.confirm')}
      </button>
      <SubmitStatus state={consent.state} recorded={t('consent.confirmed')} />
    </>
  );
}
