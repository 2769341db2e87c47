import { type RefObject, useEffect, useRef } from 'react';

/** What a stage asks for first: a field, a choice, or its main button. */
export const FIRST_ACTION =
  'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button.primary:not([disabled])';

/**
 * A stage change on a phone (issue 10 §7): the new stage's heading takes the focus (screen readers
 * start there) and its first action is scrolled into view, so a phone that was scrolled down in
 * the stage before never hides what the new one asks. Not on the first render: a page that
 * opens stays where the browser put it.
 */
export function useStageFocus(
  stage: string,
  heading: RefObject<HTMLElement | null>,
  content: RefObject<HTMLElement | null>,
) {
  const before = useRef(stage);
  useEffect(() => {
    if (before.current === stage) return;
    before.current = stage;
    heading.current?.focus({ preventScroll: true });
    const action = content.current?.querySelector<HTMLElement>(FIRST_ACTION);
    const target = action ?? heading.current;
    // Keep the heading in view too when both fit; otherwise the action wins.
    heading.current?.scrollIntoView?.({ block: 'start' });
    target?.scrollIntoView?.({ block: 'nearest' });
  }, [stage, heading, content]);
}
