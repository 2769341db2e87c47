import { OUTCOME_LABELS } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import { useEffect, useMemo, useState } from 'react';
import { objectionStatusText } from '../components/ResponseKindLabel';
import { formatDate, formatTime, nameOf } from '../lib/names';
import { fetchEvents } from '../net/api';
import { loadFacilitatorKey, loadParticipant } from '../net/identity';
import { minutesFromEvents } from './minutesEntries';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; events: MeetingEvent[] };

export function MinutesScreen({ code }: { code: string }) {
  const token = loadFacilitatorKey(code) ?? loadParticipant(code)?.token;
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (!token) return;
    let live = true;
    void fetchEvents(code, token).then((result) => {
      if (!live) return;
      setLoad(
        result.ok
          ? { state: 'ready', events: result.value }
          : { state: 'error', message: result.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [code, token]);

  if (!token) {
    return (
      <div className="page narrow">
        <h1>Minutes of meeting {code}</h1>
        <p role="alert">
          Only people who took part can read these minutes, and this browser did not join meeting {code}.
        </p>
      </div>
    );
  }
  if (load.state === 'loading')
    return (
      <p className="loading" role="status">
        Loading the minutes…
      </p>
    );
  if (load.state === 'error') {
    return (
      <div className="page narrow">
        <h1>Minutes of meeting {code}</h1>
        <p role="alert">{load.message}</p>
      </div>
    );
  }
  return <MinutesView events={load.events} />;
}

export function MinutesView({ events }: { events: MeetingEvent[] }) {
  const { view, entries } = useMemo(() => minutesFromEvents(events), [events]);
  if (events.length === 0) return <p className="empty">Nothing has been recorded in this meeting yet.</p>;
  const date = new Date(view.createdAt).toLocaleDateString([], { dateStyle: 'long' });

  return (
    <div className="page minutes">
      <header>
        <p className="eyebrow">Minutes · {date}</p>
        <h1>{view.title || 'Meeting'}</h1>
        {view.outcome ? (
          <p className="outcome-line">
            <strong>{OUTCOME_LABELS[view.outcome.outcome]}</strong> (version {view.outcome.version})
            {view.outcome.reviewDate && `, review by ${formatDate(view.outcome.reviewDate)}`}
          </p>
        ) : (
          <p className="muted">No outcome recorded yet.</p>
        )}
      </header>

      <section className="card" aria-labelledby="m-versions">
        <h2 id="m-versions">Proposal versions</h2>
        {view.versions.map((v) => (
          <article key={v.version} className="version">
            <h3>
              Version {v.version} · {formatTime(v.at)}
            </h3>
            <p className="prose">
              <strong>Driver:</strong> {v.driver}
            </p>
            <p className="prose">{v.text}</p>
          </article>
        ))}
      </section>

      {view.objections.length > 0 && (
        <section className="card" aria-labelledby="m-objections">
          <h2 id="m-objections">Objections and their fate</h2>
          <ul className="list">
            {view.objections.map((o) => (
              <li key={o.id}>
                <strong>{nameOf(view, o.participantId)}</strong> (version {o.version}): {o.reason} —{' '}
                <em>{objectionStatusText(o.status, o.resolvedBy)}</em>
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.concerns.length > 0 && (
        <section className="card" aria-labelledby="m-concerns">
          <h2 id="m-concerns">Concerns</h2>
          <ul className="list">
            {view.concerns.map((c) => (
              <li key={c.id}>
                <strong>{nameOf(view, c.participantId)}</strong>: {c.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="m-log">
        <h2 id="m-log">Everything that happened</h2>
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
      </section>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
    </div>
  );
}
