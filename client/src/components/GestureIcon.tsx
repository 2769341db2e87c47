import type { Gesture } from '@circlewise/shared/constants';

export const GESTURE_LABELS: Record<Gesture, string> = {
  up: 'Thumbs up',
  sideways: 'Thumbs sideways',
  down: 'Thumbs down',
};

const ICONS: Record<Gesture, string> = { up: '👍', sideways: '👉', down: '👎' };

export function GestureIcon({ gesture }: { gesture: Gesture }) {
  return (
    <span className="gesture">
      <span aria-hidden="true">{ICONS[gesture]}</span> {GESTURE_LABELS[gesture]}
    </span>
  );
}
