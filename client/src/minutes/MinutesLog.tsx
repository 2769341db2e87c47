import type { MinutesDetailPart, MinutesEntry } from '@circlewise/shared/minutes';
import { quotedName } from '@circlewise/shared/typedText';
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
              {entry.who && (
                <strong>{entry.whoIs === 'participant' ? quotedName(entry.who) : entry.who}: </strong>
              )}
              {entry.text}
              {(entry.parts ?? (entry.detail ? [{ text: entry.detail }] : [])).map((part, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one entry never move.
                <DetailPart key={i} part={part} />
              ))}
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

/**
 * S11: one paragraph under a log line: a label (`Driver:`) or a participant's name in quotes,
 * then what was typed; each part its own paragraph, so a typed line break stays inside it.
 */
function DetailPart({ part }: { part: MinutesDetailPart }) {
  return (
    <p className="prose detail">
      {part.name !== undefined ? (
        <strong>{quotedName(part.name)}: </strong>
      ) : part.label ? (
        `${part.label}: `
      ) : (
        ''
      )}
      {part.text}
    </p>
  );
}
