import { OUTCOME_LABELS } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import { objectionStatusText } from '../components/ResponseKindLabel';
import { nomineeName, termText } from '../lib/election';
import { formatTime, nameOf } from '../lib/names';
import { MinutesLog, type RolesLoad } from './MinutesLog';
import type { MinutesEntry } from './minutesEntries';

/** R1, E5: an election's minutes, from its log; with the role register the server keeps. */
export function ElectionMinutes({
  view,
  entries,
  roles,
}: {
  view: ElectionView;
  entries: MinutesEntry[];
  roles: RolesLoad | undefined;
}) {
  const date = new Date(view.createdAt).toLocaleDateString([], { dateStyle: 'long' });
  const outcome = view.outcome;
  const nominations = Object.values(view.nominations).sort((a, b) => a.at - b.at);

  return (
    <div className="page minutes">
      <header>
        <p className="eyebrow">Minutes of a role election · {date}</p>
        <h1>{view.role?.role ?? (view.title || 'Role election')}</h1>
        {outcome ? (
          <p className="outcome-line">
            {outcome.outcome === 'elected' ? (
              <>
                <strong>
                  {OUTCOME_LABELS.elected}: {outcome.electedName}
                </strong>{' '}
                as {outcome.role}
                {outcome.termStart && outcome.termEnd && `, ${termText(outcome.termStart, outcome.termEnd)}`}{' '}
                (version {outcome.version})
              </>
            ) : (
              <strong>{OUTCOME_LABELS.none}</strong>
            )}
            {outcome.note && ` · Note: ${outcome.note}`}
          </p>
        ) : (
          <p className="muted">No outcome recorded yet.</p>
        )}
      </header>

      <section className="card" aria-labelledby="m-role">
        <h2 id="m-role">Role and term</h2>
        {view.role ? (
          <>
            <p>
              <strong>{view.role.role}</strong>, {termText(view.role.termStart, view.role.termEnd)}
            </p>
            {view.role.description && <p className="prose">{view.role.description}</p>}
          </>
        ) : (
          <p className="empty">No role was set.</p>
        )}
      </section>

      <section className="card" aria-labelledby="m-nominations">
        <h2 id="m-nominations">Nominations</h2>
        {nominations.length === 0 ? (
          <p className="empty">No nominations.</p>
        ) : (
          <ul className="list">
            {nominations.map((n) => (
              <li key={n.participantId}>
                <strong>{nameOf(view, n.participantId)}</strong>
                {n.hidden ? (
                  ': nominated (not revealed)'
                ) : (
                  <>
                    {' '}
                    nominated <strong>{nomineeName(view, n.nomineeId)}</strong>
                    {n.reason && `: ${n.reason}`}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {view.changes.length > 0 && (
        <section className="card" aria-labelledby="m-changes">
          <h2 id="m-changes">Change round</h2>
          <ul className="list">
            {view.changes.map((c) => (
              <li key={`${c.participantId}-${c.at}`}>
                <strong>{nameOf(view, c.participantId)}</strong>:{' '}
                {c.from === c.to
                  ? `kept ${nomineeName(view, c.to)}`
                  : `${nomineeName(view, c.from)} → ${nomineeName(view, c.to)}, because ${c.reason}`}
              </li>
            ))}
          </ul>
        </section>
      )}

      {view.proposals.length > 0 && (
        <section className="card" aria-labelledby="m-proposals">
          <h2 id="m-proposals">Proposals</h2>
          {view.proposals.map((p) => {
            const declined = view.declined.find((d) => d.version === p.version);
            return (
              <article key={p.version} className="version">
                <h3>
                  Version {p.version} · {formatTime(p.at)}: {nameOf(view, p.candidateId)},{' '}
                  {termText(p.termStart, p.termEnd)}
                </h3>
                <p className="prose">{p.reasons}</p>
                {declined && (
                  <p>
                    <em>
                      {nameOf(view, p.candidateId)} declined the role
                      {declined.reason ? `: ${declined.reason}` : '.'}
                    </em>
                  </p>
                )}
              </article>
            );
          })}
        </section>
      )}

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

      <RoleRegister roles={roles} />
      <MinutesLog entries={entries} />
    </div>
  );
}

function RoleRegister({ roles }: { roles: RolesLoad | undefined }) {
  return (
    <section className="card" aria-labelledby="m-register">
      <h2 id="m-register">Role register</h2>
      {!roles ? (
        <p className="muted">The role register was not loaded.</p>
      ) : roles.state === 'error' ? (
        <p role="alert">Could not load the role register: {roles.message}</p>
      ) : roles.roles.length === 0 ? (
        <p className="empty">No role has been filled in this meeting.</p>
      ) : (
        <ul className="list">
          {roles.roles.map((r) => (
            <li key={`${r.role}-${r.person}-${r.termStart}`}>
              <strong>{r.role}</strong>: {r.person}, {termText(r.termStart, r.termEnd)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
