import { useId, useRef, useState } from 'react';

/**
 * The circle's keeper key, shown once (issue 11 §6): it is needed, with the member link, to make a
 * new member link, and the server keeps only its hash, so it cannot be shown again. Copied like
 * the member link; where the clipboard API is missing (plain http) it is selected for copying.
 */
export function KeeperKey({ keeperKey }: { keeperKey: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'by-hand'>('idle');

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(keeperKey);
      setCopy('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopy('by-hand');
    }
  }

  return (
    <div className="member-link">
      <label htmlFor={id}>The keeper key</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={keeperKey}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" onClick={() => void copyKey()}>
          Copy the keeper key
        </button>
      </div>
      <p className="copy-status" role="status">
        {copy === 'copied' && 'Copied.'}
        {copy === 'by-hand' && 'This browser would not copy it: the key is selected, copy it from here.'}
      </p>
      <p className="refusal">
        <strong>Keep this key, and do not send it to the members:</strong> it is shown only now. Whoever looks
        after the circle needs it to make a new member link if the link reaches someone it should not.
      </p>
    </div>
  );
}
