import { type DecisionView, handQueue, placeInQueue } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { SubmitStatus } from '../components/SubmitStatus';
import { formatNumber, useT } from '../i18n';
import { useSubmit } from '../lib/useSubmit';

/**
 * O3: the phone's hand in the speaking queue, while questions are clarified or an objection is
 * resolved: raise it, lower it, and see one's place in the queue.
 */
export function HandRaise({ view, me }: { view: Seated<DecisionView>; me: string }) {
  const t = useT('phone');
  const { state, submit, busy } = useSubmit();
  const place = placeInQueue(view, me);
  const total = handQueue(view).length;
  const calledLast = view.spoke?.[view.spoke.length - 1];
  const called = calledLast?.participantId === me && calledLast.stage === view.stage && place === 0;
  return (
    <section className="card hand-raise" aria-labelledby="hand-heading">
      <h2 id="hand-heading">{t('hand.heading')}</h2>
      <p role="status" aria-live="polite" data-testid="queue-place">
        {place > 0
          ? t('hand.place', { place: formatNumber(place), total: formatNumber(total) })
          : called
            ? t('hand.called')
            : total === 0
              ? t('hand.nobody')
              : t('hand.waiting', { count: total })}
      </p>
      {place > 0 ? (
        <button type="button" disabled={busy} onClick={() => submit({ type: 'hand.lower' })}>
          {t('hand.lower')}
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => submit({ type: 'hand.raise' })}
        >
          {t('hand.raise')}
        </button>
      )}
      <SubmitStatus state={state} recorded={place > 0 ? t('hand.up') : undefined} />
    </section>
  );
}
