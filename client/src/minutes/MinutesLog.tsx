import type { MinutesEntry } from '@circlewise/shared/minutes';
import { formatTime } from '../lib/names';
import type { RoleEntry } from '../net/api';
import { MinutesDownloads, type MinutesSource } from './MinutesDownloads';
import { MinutesSection } from './MinutesSection';

/** The role register of an election (E5), loaded after its events. */
export type RolesLoad = { state: 'ready'; roles: RoleEntry[] } | { state: 'error'; message: string };

/** The log of everything that happened, then print and (when the page knows its token) downloads. */
export function MinutesLog({
  entries,
  source,
}: {
  entries: MinutesEntry[];
  source?: MinutesSource | undefined;
}) {
  return (
    <>
      <MinutesSection discussion id="m-log" heading="Everything that happened">
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
      <p className="no-print actions">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        {source && <MinutesDownloads source={source} />}
      </p>
    </>
  );
}
