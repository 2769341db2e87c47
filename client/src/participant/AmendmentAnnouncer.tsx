import { currentVersion, type DecisionView } from '@circlewise/shared/decision';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';

/**
 * Screen readers hear an amendment (issue 10 §7): the live region is on the page before the
 * version changes, so its new words are read out; the proposal card marks what changed.
 */
export function AmendmentAnnouncer({ view }: { view: DecisionView }) {
  const t = useT('phone');
  const version = currentVersion(view).version;
  const seen = useRef(version);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (version > seen.current) {
      setMessage(t('amended', { version, previous: version - 1 }));
    }
    seen.current = version;
  }, [version, t]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
