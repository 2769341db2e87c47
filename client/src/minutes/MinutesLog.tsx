import { formatTime } from '../lib/names';
import type { RoleEntry } from '../net/api';
import { MinutesSection } from './MinutesSection';
import type { MinutesEntry } from './minutesEntries';

/** The role register of an election (E5), loaded after its events. */
export type RolesLoad = { state: 'ready'; roles: RoleEntry[] } | { state: 'error'; message: string };

export function MinutesLog({ entries }: { entries: MinutesEntry[] }) {
  return (
    <>
      <MinutesSection id="m-log" heading="Everything that happened">
        <ol className="log">
          {entries.map((entry) => (
            <li key={entry.seq} className={`log-${entry.kind}`}>
              <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at)}</time>{' '}
              {entry.who && <strong>{entry.who}: </strong>}
              {entry.text}
              {entry.detail && <p className="prose detail">{entry.detail}</p>}
            </li>
          ))}
        </ol>
      </MinutesSection>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
    </>
  );
}
