import { currentVersion, type DecisionView } from '@circlewise/shared/decision';
import { useEffect, useRef, useState } from 'react';

/**
 * Screen readers hear an amendment (issue 10 §7): the live region is on the page before the
 * version changes, so its new words are read out; the proposal card marks what changed.
 */
export function AmendmentAnnouncer({ view }: { view: DecisionView }) {
  const version = currentVersion(view).version;
  const seen = useRef(version);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (version > seen.current) {
      setMessage(
        `The proposal was amended: this is version ${version}. What changed since version ${version - 1} is marked.`,
      );
    }
    seen.current = version;
  }, [version]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
