import { GESTURE_LABELS, type Gesture } from '@circlewise/shared/constants';

export { GESTURE_LABELS };

const ICONS: Record<Gesture, string> = { up: '👍', sideways: '👉', down: '👎' };

export function GestureIcon({ gesture }: { gesture: Gesture }) {
  return (
    <span className="gesture">
      <span aria-hidden="true">{ICONS[gesture]}</span> {GESTURE_LABELS[gesture]}
    </span>
  );
}
