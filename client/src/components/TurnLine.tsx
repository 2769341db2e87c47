import type { Seated } from '@circlewise/shared/meeting';
import { type RoundView, turns } from '@circlewise/shared/round';
import { useT } from '../i18n';

/**
 * O1: who speaks now and who is next, in a round in turn: the same line on the phone, the
 * console and the projector. Nothing in a round without an order.
 */
export function TurnLine({
  view,
  me,
  big = false,
  through,
}: {
  view: Seated<RoundView>;
  me?: string;
  big?: boolean;
  /** What to say once nobody's turn is left (a decision's reactions round says its own). */
  through?: string;
}) {
  const tr = useT('common');
  const t = turns(view);
  if (!t || view.stage !== 'open') return null;
  const name = (p: { id: string; name: string }) =>
    p.id === me ? tr('turns.you', { name: p.name }) : p.name;
  return (
    <p className={big ? 'turn-line big' : 'turn-line'} data-testid="turn-line">
      {t.now ? (
        <>
          <span>
            {tr('turns.speakingNow')} <strong>{name(t.now)}</strong>
            {t.comingBack && ` ${tr('turns.cameBack')}`}
          </span>
          {' · '}
          <span>
            {tr('turns.next')} {t.next ? <strong>{name(t.next)}</strong> : tr('turns.nobodyNext')}
          </span>
        </>
      ) : (
        (through ?? tr('turns.through'))
      )}
    </p>
  );
}
