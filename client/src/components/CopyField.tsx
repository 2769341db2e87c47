import { useId, useRef, useState } from 'react';

/**
 * A read-only value with its label, a copy button and a status line. Where the clipboard API is
 * missing (phones on a local network often use plain http), the value is selected for copying
 * by hand instead. `what` names the value in the fallback status ("the link", "the key").
 */
export function CopyField({
  label,
  value,
  button,
  what,
}: {
  label: string;
  value: string;
  button: string;
  what: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'by-hand'>('idle');

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopy('by-hand');
    }
  }

  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
        />
        <button type="button" onClick={() => void copyValue()}>
          {button}
        </button>
      </div>
      <p className="copy-status" role="status">
        {copy === 'copied' && 'Copied.'}
        {copy === 'by-hand' && `This browser would not copy it: ${what} is selected, copy it from here.`}
      </p>
    </>
  );
}
