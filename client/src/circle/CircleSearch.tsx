import type { SearchHit } from '@circlewise/shared/circles';
import { useState } from 'react';
import { searchCircle } from '../net/circleApi';
import { circleMinutesPath } from '../routing';
import { formatDay } from './format';
import { snippetParts } from './snippet';

type State =
  | { state: 'idle' }
  | { state: 'searching'; query: string }
  | { state: 'done'; query: string; hits: SearchHit[] }
  | { state: 'error'; message: string };

/** Full-text search over the circle's minutes and agreements; results are announced (aria-live). */
export function CircleSearch({ circleKey }: { circleKey: string }) {
  const [query, setQuery] = useState('');
  const [s, setS] = useState<State>({ state: 'idle' });

  async function search(e: React.FormEvent) {
    e.preventDefault();
    const q = query.trim();
    if (!q) return setS({ state: 'error', message: 'Type a word or two to search for.' });
    setS({ state: 'searching', query: q });
    const result = await searchCircle(circleKey, q);
    setS(
      result.ok
        ? { state: 'done', query: q, hits: result.value }
        : { state: 'error', message: result.error.message },
    );
  }

  return (
    <section className="card no-print" aria-labelledby="search-heading">
      <h2 id="search-heading">Search</h2>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is unknown to older phone browsers, the role is not. */}
      <form role="search" onSubmit={search} aria-labelledby="search-heading">
        <label htmlFor="circle-search">Words in the minutes and agreements</label>
        <div className="copy-row">
          <input id="circle-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit" disabled={s.state === 'searching'}>
            Search
          </button>
        </div>
      </form>
      <div aria-live="polite" className="search-results">
        {s.state === 'searching' && <p className="muted">Searching for “{s.query}”…</p>}
        {s.state === 'error' && <p className="status status-error">{s.message}</p>}
        {s.state === 'done' && <Hits circleKey={circleKey} query={s.query} hits={s.hits} />}
      </div>
    </section>
  );
}

function Hits({ circleKey, query, hits }: { circleKey: string; query: string; hits: SearchHit[] }) {
  if (hits.length === 0) return <p className="empty">Nothing found for “{query}”.</p>;
  return (
    <>
      <p>
        {hits.length === 1 ? '1 result' : `${hits.length} results`} for “{query}”
      </p>
      <ol className="list">
        {hits.map((hit) => (
          <li key={`${hit.kind}:${hit.meetingCode}:${hit.agreementId ?? ''}:${hit.at}:${hit.snippet}`}>
            <p className="eyebrow">
              {hit.kind === 'agreement' ? 'Agreement' : 'Minutes'} · {formatDay(hit.at)}
            </p>
            <a href={hitLink(circleKey, hit)}>{hit.title}</a>
            <p className="snippet">
              <Snippet text={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

/** An agreement's hit opens its entry in the register on this page; anything else its minutes. */
function hitLink(circleKey: string, hit: SearchHit): string {
  return hit.kind === 'agreement' && hit.agreementId
    ? `#agreement-${hit.agreementId}`
    : circleMinutesPath(circleKey, hit.meetingCode);
}

/** Text and <mark> only: the snippet is what people typed, never markup (see snippet.ts). */
function Snippet({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder.
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
