import type { Seated } from '@circlewise/shared/meeting';
import { type RoundView, turns } from '@circlewise/shared/round';

/**
 * O1: who speaks now and who is next, in a round in turn: the same line on the phone, the
 * console and the projector. Nothing in a round without an order.
 */
export function TurnLine({
  view,
  me,
  big = false,
  through = 'Everyone has had their turn: the facilitator closes the round.',
}: {
  view: Seated<RoundView>;
  me?: string;
  big?: boolean;
  /** What to say once nobody's turn is left (a decision's reactions round says its own). */
  through?: string;
}) {
  const t = turns(view);
  if (!t || view.stage !== 'open') return null;
  const name = (p: { id: string; name: string }) => (p.id === me ? `${p.name} (you)` : p.name);
  return (
    <p className={big ? 'turn-line big' : 'turn-line'} data-testid="turn-line">
      {t.now ? (
        <>
          <span>
            Speaking now: <strong>{name(t.now)}</strong>
            {t.comingBack && ' (the round came back after a pass)'}
          </span>
          {' · '}
          <span>Next: {t.next ? <strong>{name(t.next)}</strong> : 'nobody, the round is through'}</span>
        </>
      ) : (
        through
      )}
    </p>
  );
}
