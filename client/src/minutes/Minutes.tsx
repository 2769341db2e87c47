import { OUTCOME_LABELS } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import { type MinutesEntry, minutesFromEvents } from '@circlewise/shared/minutes';
import type { MeetingView } from '@circlewise/shared/view';
import { useEffect, useMemo, useState } from 'react';
import { formatDate, formatTime } from '../lib/names';
import { fetchEvents, fetchRoles } from '../net/api';
import { loadFacilitatorKey, loadParticipant } from '../net/identity';
import { ElectionMinutes } from './ElectionMinutes';
import type { MinutesSource } from './MinutesDownloads';
import { MinutesLog, type RolesLoad } from './MinutesLog';
import { MinutesSection } from './MinutesSection';

import { ObjectionsAndConcerns } from './ObjectionsAndConcerns';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; events: MeetingEvent[]; roles?: RolesLoad };

export function MinutesScreen({ code }: { code: string }) {
  const token = loadFacilitatorKey(code) ?? loadParticipant(code)?.token;
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (!token) return;
    let live = true;
    void (async () => {
      const result = await fetchEvents(code, token);
      if (!live) return;
      if (!result.ok) {
        setLoad({ state: 'error', message: result.error.message });
        return;
      }
      const events = result.value;
      const election = events[0]?.type === 'meeting.created' && events[0].kind === 'election';
      if (!election) {
        setLoad({ state: 'ready', events });
        return;
      }
      const roles = await fetchRoles(code, token);
      if (!live) return;
      setLoad({
        state: 'ready',
        events,
        roles: roles.ok
          ? { state: 'ready', roles: roles.value }
          : { state: 'error', message: roles.error.message },
      });
    })();
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
  return (
    <MinutesView events={load.events} source={{ code, token }} {...(load.roles && { roles: load.roles })} />
  );
}

export function MinutesView({
  events,
  roles,
  source,
}: {
  events: MeetingEvent[];
  roles?: RolesLoad;
  /** Where the exports come from; without it (a test, a preview) there are no download buttons. */
  source?: MinutesSource;
}) {
  const { view, entries } = useMemo(() => minutesFromEvents(events, { formatDate }), [events]);
  if (events.length === 0) return <p className="empty">Nothing has been recorded in this meeting yet.</p>;
  if (view.kind === 'election')
    return <ElectionMinutes view={view} entries={entries} roles={roles} source={source} />;
  return <DecisionMinutes view={view} entries={entries} source={source} />;
}

function DecisionMinutes({
  view,
  entries,
  source,
}: {
  view: MeetingView;
  entries: MinutesEntry[];
  source: MinutesSource | undefined;
}) {
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

      <MinutesSection id="m-versions" heading="Proposal versions">
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
      </MinutesSection>

      <ObjectionsAndConcerns view={view} />
      <MinutesLog entries={entries} source={source} />
    </div>
  );
}
