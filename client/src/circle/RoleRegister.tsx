import type { CircleRole } from '@circlewise/shared/circles';
import { termText } from '../lib/election';
import { circleMinutesPath } from '../routing';

/** R3, E5: the roles held in the circle, each with its term and the election that filled it. */
export function RoleRegister({ circleKey, roles }: { circleKey: string; roles: CircleRole[] }) {
  return (
    <section className="card" aria-labelledby="roles-heading">
      <h2 id="roles-heading">Role register</h2>
      {roles.length === 0 ? (
        <p className="empty">No roles yet: roles elected in this circle’s meetings appear here.</p>
      ) : (
        <ul className="list">
          {roles.map((r) => (
            <li key={`${r.meetingCode}-${r.role}-${r.electedAt}`}>
              <strong>{r.role}</strong>: {r.person}
              <br />
              {termText(r.termStart, r.termEnd)} ·{' '}
              <a href={circleMinutesPath(circleKey, r.meetingCode)}>
                Minutes of the election ({r.meetingCode})
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
