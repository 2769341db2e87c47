import { circlePath } from '@circlewise/shared/circles';
import { useId, useRef, useState } from 'react';

/** The whole member link as a member would send it on: this page's origin and /c#<key>. */
export function memberLinkOf(key: string): string {
  return `${window.location.origin}${circlePath(key)}`;
}

/**
 * A circle's member link, ready to copy, with what it means (S3): no accounts, so whoever holds
 * the link reads the records. Phones on a local network often use plain http, where the
 * clipboard API is missing: then the link is selected for copying by hand.
 */
export function MemberLink({ memberKey, label }: { memberKey: string; label: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'by-hand'>('idle');
  const link = memberLinkOf(memberKey);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopy('by-hand');
    }
  }

  return (
    <div className="member-link">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" onClick={() => void copyLink()}>
          Copy the link
        </button>
      </div>
      <p className="copy-status" role="status">
        {copy === 'copied' && 'Copied.'}
        {copy === 'by-hand' && 'This browser would not copy it: the link is selected, copy it from here.'}
      </p>
      <p className="refusal">
        <strong>Keep this link:</strong> it is the key to the circle’s records; anyone with it can read them.
      </p>
    </div>
  );
}
