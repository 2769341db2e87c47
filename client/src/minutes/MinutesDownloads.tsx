import { useState } from 'react';
import { fetchMinutesFile } from '../net/api';
import { fetchCircleMinutesFile } from '../net/circleApi';

/**
 * Where to fetch this meeting's exports from: with the token that opens them, or through the
 * circle that holds the meeting, with its member key (S3).
 */
export type MinutesSource = { code: string; token: string } | { code: string; circleKey: string };

const FORMATS = [
  { format: 'md', label: 'Download Markdown' },
  { format: 'json', label: 'Download JSON' },
] as const;

/** R2: the minutes as Markdown or JSON, with times in this browser's time zone. */
export function MinutesDownloads({ source }: { source: MinutesSource }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function download(format: 'md' | 'json') {
    setBusy(true);
    setError(undefined);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const result =
      'circleKey' in source
        ? await fetchCircleMinutesFile(source.circleKey, source.code, format, timeZone)
        : await fetchMinutesFile(source.code, source.token, format, timeZone);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const url = URL.createObjectURL(result.value);
    const link = document.createElement('a');
    link.href = url;
    link.download = `minutes-${source.code}.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked after the click has been handled: revoking at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" disabled={busy} onClick={() => void download(format)}>
          {label}
        </button>
      ))}
      {error && <span role="alert"> Could not download the minutes: {error}</span>}
    </>
  );
}
