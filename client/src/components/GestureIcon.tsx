import { GESTURE_LABELS, GESTURES, type Gesture } from '@circlewise/shared/constants';
import { useId } from 'react';
import { useT } from '../i18n';

export { GESTURE_LABELS };

/** The thumb turned to point up, sideways (right) or down. */
const TURN: Record<Gesture, number> = { up: 0, sideways: 90, down: 180 };

/**
 * A thumb drawn inline (issue 10 §7): it looks the same on every device, with or without an emoji
 * font. Decorative: the words beside it say what it is.
 */
export function GestureGlyph({ gesture }: { gesture: Gesture }) {
  return (
    <svg
      className="gesture-glyph"
      data-gesture={gesture}
      viewBox="0 0 24 24"
      width="1.2em"
      height="1.2em"
      aria-hidden="true"
      focusable="false"
    >
      <path
        transform={`rotate(${TURN[gesture]} 12 12)`}
        fill="currentColor"
        d="M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z"
      />
    </svg>
  );
}

export function GestureIcon({ gesture }: { gesture: Gesture }) {
  const t = useT('common');
  return (
    <span className="gesture">
      <GestureGlyph gesture={gesture} /> {t(`gesture.${gesture}`)}
    </span>
  );
}

/** How many gave each gesture, every gesture listed: "Thumbs up 2, Thumbs sideways 0, …". */
export function gestureTally(
  reactions: Iterable<{ gesture?: Gesture | undefined }>,
): Record<Gesture, number> {
  const counts: Record<Gesture, number> = { up: 0, sideways: 0, down: 0 };
  for (const r of reactions) if (r.gesture) counts[r.gesture] += 1;
  return counts;
}

/** The thumbs as a tally, a card of its own (issue 10 §7); nothing when nobody gave one. */
export function GestureTally({
  reactions,
  heading,
}: {
  reactions: Iterable<{ gesture?: Gesture | undefined }>;
  heading?: string;
}) {
  const t = useT('common');
  const id = useId();
  const counts = gestureTally(reactions);
  if (GESTURES.every((g) => counts[g] === 0)) return null;
  return (
    <section className="card gesture-tally" aria-labelledby={id}>
      <h2 id={id}>{heading ?? t('gesture.tally')}</h2>
      <ul className="tally">
        {GESTURES.map((g) => (
          <li key={g} data-gesture={g}>
            <GestureGlyph gesture={g} /> {t(`gesture.${g}`)}: <strong>{counts[g]}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
