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
    // The heading first, then the action: when both fit the heading stays in view; otherwise the
    // action wins, centred so its label and a little of what follows show too.
    heading.current?.scrollIntoView?.({ block: 'start' });
    if (target !== heading.current && !fits(target)) target?.scrollIntoView?.({ block: 'center' });
  }, [stage, heading, content]);
}

/** Is the whole element (its label, for a choice) inside the viewport now? */
function fits(element: HTMLElement | null | undefined): boolean {
  const box = (element?.closest('label') ?? element)?.getBoundingClientRect();
  return box !== undefined && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
}
