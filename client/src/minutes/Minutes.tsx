import { OUTCOME_LABELS, STAGE_LABELS } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { type MeetingView, seated } from '@circlewise/shared/meeting';
import { type ItemLog, itemLogs, meetingLog, recordedStatus } from '@circlewise/shared/meetingMinutes';
import { type MinutesEntry, minutesFromEvents } from '@circlewise/shared/minutes';
import { useEffect, useMemo, useState } from 'react';
import { itemLabel } from '../agenda/itemStatus';
import { formatDate, formatTime } from '../lib/names';
import { fetchEvents, fetchRoles } from '../net/api';
import { loadFacilitatorKey, loadParticipant } from '../net/identity';
import { ElectionMinutes } from './ElectionMinutes';
import { MinutesDownloads, type MinutesSource } from './MinutesDownloads';
import { MinutesLog, type RolesLoad } from './MinutesLog';
import { MinutesSection } from './MinutesSection';
import { ObjectionsAndConcerns } from './ObjectionsAndConcerns';
import { RoundMinutes } from './RoundMinutes';

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
      const election = events.some(
        (e) =>
          (e.type === 'meeting.created' && e.kind === 'election') ||
          (e.type === 'agenda.item.added' && e.kind === 'election'),
      );
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
      <main className="page narrow">
        <h1>Minutes of meeting {code}</h1>
        <p role="alert">
          Only people who took part can read these minutes, and this browser did not join meeting {code}.
        </p>
      </main>
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
      <main className="page narrow">
        <h1>Minutes of meeting {code}</h1>
        <p role="alert">{load.message}</p>
      </main>
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
  const split = useMemo(() => itemLogs(events), [events]);
  const [decisionsOnly, setDecisionsOnly] = useState(false);
  if (events.length === 0) return <p className="empty">Nothing has been recorded in this meeting yet.</p>;
  const only = split.items[0];
  return (
    <main className={decisionsOnly ? 'decisions-only' : undefined}>
      <label className="decisions-toggle page">
        <input type="checkbox" checked={decisionsOnly} onChange={(e) => setDecisionsOnly(e.target.checked)} />{' '}
        Decisions only: what was decided, not who said what
      </label>
      {split.items.length === 1 && only && split.meetingLog.length === 0 ? (
        <ItemMinutes meeting={split.meeting} log={only} roles={roles} source={source} />
      ) : (
        <AgendaMinutes split={split} roles={roles} source={source} />
      )}
    </main>
  );
}

/**
 * One item's minutes: its own lines only (not its seed, nor comings and goings during others).
 * People are named as in the meeting (M2): a round is seated in it, a decision's or an election's
 * log walk starts from who was there when the item was added.
 */
function ItemMinutes({
  meeting,
  log,
  roles,
  source,
}: {
  meeting: Pick<MeetingView, 'participants'>;
  log: ItemLog;
  roles?: RolesLoad | undefined;
  source: MinutesSource | undefined;
}) {
  const { view, entries } = useMemo(() => {
    if (log.view.kind === 'round') return { view: seated(meeting, log.view), entries: [] };
    const walked = minutesFromEvents(log.events, { formatDate }, log.participants);
    return { view: walked.view, entries: walked.entries.filter((e) => log.own.has(e.seq)) };
  }, [meeting, log]);
  if (view.kind === 'round') return <RoundMinutes view={view} />;
  if (view.kind === 'election')
    return <ElectionMinutes view={view} entries={entries} roles={roles} source={source} />;
  return <DecisionMinutes view={view} entries={entries} source={source} />;
}

/** R1 for a meeting with an agenda: the agenda and the meeting's own record, then each item. */
function AgendaMinutes({
  split,
  roles,
  source,
}: {
  split: ReturnType<typeof itemLogs>;
  roles?: RolesLoad | undefined;
  source: MinutesSource | undefined;
}) {
  const { meeting, items } = split;
  const date = new Date(meeting.createdAt).toLocaleDateString([], { dateStyle: 'long' });
  // The same lines as the exports (meetingMinutes.ts).
  const lines = useMemo(() => meetingLog(split), [split]);
  return (
    <div className="page minutes agenda-minutes">
      <header>
        <p className="eyebrow">
          Minutes · {date} · meeting {meeting.code}
        </p>
        <h1>{meeting.title || 'Meeting'}</h1>
        <p className="muted">
          {meeting.closedAt !== undefined ? `Closed at ${formatTime(meeting.closedAt)}.` : 'Not closed yet.'}
        </p>
        {source && <MinutesDownloads source={source} />}
      </header>
      <MinutesSection id="m-agenda" heading="Agenda">
        <ol className="agenda-list">
          {items.map((log) => (
            <li key={log.item.id}>
              <a href={`#item-${log.item.id}`}>{log.item.title}</a>{' '}
              <span className="muted">
                {itemLabel(log.item)} · {recordedStatus(meeting, log.item)}
              </span>
            </li>
          ))}
        </ol>
      </MinutesSection>
      <MinutesSection discussion id="m-meeting-log" heading="The agenda as it went">
        <ol className="log">
          {lines.map((line) => (
            <li key={line.seq}>
              <time dateTime={new Date(line.at).toISOString()}>{formatTime(line.at)}</time> {line.text}
            </li>
          ))}
        </ol>
      </MinutesSection>
      {items.map((log, i) => (
        <section
          key={log.item.id}
          id={`item-${log.item.id}`}
          // A round is all "who said what": the decisions-only reading leaves it out whole.
          className={
            log.item.kind === 'round' ? 'agenda-item-minutes minutes-discussion' : 'agenda-item-minutes'
          }
        >
          <h2>
            {i + 1}. {log.item.title}
          </h2>
          <ItemMinutes meeting={meeting} log={log} roles={roles} source={undefined} />
        </section>
      ))}
    </div>
  );
}

function DecisionMinutes({
  view,
  entries,
  source,
}: {
  view: Seated<DecisionView>;
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
        {view.outcome && <AgreementFacts outcome={view.outcome} />}
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
      <WhoSpoke view={view} />
      <MinutesLog entries={entries} source={source} />
    </div>
  );
}

/**
 * O3: who was called from the speaking queue, and when: who said what, so the decisions-only
 * reading leaves it out. Nothing when nobody was called.
 */
function WhoSpoke({ view }: { view: Seated<DecisionView> }) {
  if (!view.spoke || view.spoke.length === 0) return null;
  return (
    <MinutesSection discussion id="m-spoke" heading="Who spoke">
      <ol className="log">
        {view.spoke.map((c) => (
          <li key={`${c.participantId}-${c.at}`}>
            <time dateTime={new Date(c.at).toISOString()}>{formatTime(c.at)}</time>{' '}
            <strong>{view.participants[c.participantId]?.name ?? 'Someone'}</strong> ({STAGE_LABELS[c.stage]})
          </li>
        ))}
      </ol>
    </MinutesSection>
  );
}

/** R3: who is responsible for an adopted agreement and how the circle will know it works. */
function AgreementFacts({ outcome }: { outcome: NonNullable<DecisionView['outcome']> }) {
  if (outcome.responsible === undefined && outcome.evaluation === undefined) return null;
  return (
    <dl className="facts">
      {outcome.responsible !== undefined && (
        <>
          <dt>Responsible</dt>
          <dd>{outcome.responsible}</dd>
        </>
      )}
      {outcome.evaluation !== undefined && (
        <>
          <dt>Evaluation criteria</dt>
          <dd>{outcome.evaluation}</dd>
        </>
      )}
    </dl>
  );
}
