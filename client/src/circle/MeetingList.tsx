import type { CircleMeeting } from '@circlewise/shared/circles';
import { loadFacilitatorKey } from '../net/identity';
import { circleMinutesPath, meetingPath } from '../routing';
import { formatDay } from './format';

/** The circle's meetings, newest first, each open or closed (in words) with its minutes. */
export function MeetingList({ circleKey, meetings }: { circleKey: string; meetings: CircleMeeting[] }) {
  const newestFirst = [...meetings].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="card" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Meetings</h2>
      {newestFirst.length === 0 ? (
        <p className="empty">No meetings yet: a meeting started in this circle appears here.</p>
      ) : (
        <ul className="list">
          {newestFirst.map((m) => (
            <li key={m.code}>
              <span className={`badge badge-${m.closedAt === null ? 'open' : 'closed'}`}>
                {m.closedAt === null ? 'Open' : 'Closed'}
              </span>{' '}
              <strong>{m.title}</strong>
              <br />
              {formatDay(m.createdAt)} · meeting {m.code} ·{' '}
              <a href={circleMinutesPath(circleKey, m.code)}>
                Minutes<span className="visually-hidden"> of {m.title}</span>
              </a>
              {/* Only the browser that holds its facilitator key can lead it (S1). */}
              {m.closedAt === null && loadFacilitatorKey(m.code) !== undefined && (
                <>
                  {' · '}
                  <a className="no-print" href={meetingPath(m.code, 'facilitate')}>
                    Open the console<span className="visually-hidden"> of {m.title}</span>
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
