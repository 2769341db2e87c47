import type { Seated } from '@circlewise/shared/meeting';
import type { RoundView } from '@circlewise/shared/round';
import { roundMinutes } from '@circlewise/shared/roundMinutes';
import { quotedName } from '@circlewise/shared/typedText';
import { useId } from 'react';
import { formatTime } from '../lib/names';
import { MinutesSection } from './MinutesSection';

/**
 * R1, M3: a round's part of a meeting's minutes, one section per round item: what each person
 * said, with names and times, and who did not speak. Read from the shared minutes model, so the
 * page says what the Markdown and JSON exports say.
 */
export function RoundMinutes({ view }: { view: Seated<RoundView> }) {
  const id = useId();
  const m = roundMinutes(view);
  return (
    <MinutesSection discussion id={`m-round-${id}`} heading={m.title || 'Round'}>
      {m.entries.length === 0 ? (
        <p className="empty">Nobody spoke.</p>
      ) : (
        <ol className="log">
          {m.entries.map((e) => (
            <li key={`${e.by}-${e.at}`}>
              <time dateTime={new Date(e.at).toISOString()}>{formatTime(e.at)}</time>{' '}
              {/* S11: a name in quotes, so that no name reads as a role's label. */}
              <strong>{quotedName(e.by)}: </strong>
              <span className="prose">{e.text}</span>
            </li>
          ))}
        </ol>
      )}
      {m.silent.length > 0 && <p className="muted">Did not speak: {m.silent.join(', ')}</p>}
      {m.order && <p className="muted">In turn: {m.order.join(', ')}</p>}
      <p className="muted">
        {m.closedAt === undefined ? (
          'The round is still open.'
        ) : (
          <>
            Closed at <time dateTime={new Date(m.closedAt).toISOString()}>{formatTime(m.closedAt)}</time>.
          </>
        )}
      </p>
    </MinutesSection>
  );
}
