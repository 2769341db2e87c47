/** What was said in a round (M3), in the order people spoke: on the phone, the console and the projector. */

import type { Seated } from '@circlewise/shared/meeting';
import type { RoundView } from '@circlewise/shared/round';
import { useT } from '../i18n';
import { nameOf } from '../lib/names';

export function RoundEntries({
  view,
  me,
}: {
  view: Seated<RoundView>;
  /** This phone's participant: their entry is marked. */
  me?: string;
}) {
  const t = useT('common');
  if (view.entries.length === 0) return <p className="empty">{t('turns.nobodySpoken')}</p>;
  return (
    <ul className="list round-entries">
      {view.entries.map((e) => {
        const mine = e.participantId === me;
        return (
          <li key={e.participantId} className={mine ? 'mine' : undefined}>
            <strong>
              {mine ? t('turns.you', { name: nameOf(view, e.participantId) }) : nameOf(view, e.participantId)}
            </strong>
            : <span className="prose">{e.text}</span>
          </li>
        );
      })}
    </ul>
  );
}
