import { OUTCOME_LABELS } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import type { MinutesEntry } from '@circlewise/shared/minutes';
import { nomineeName, termText } from '../lib/election';
import { formatTime, nameOf } from '../lib/names';
import type { MinutesSource } from './MinutesDownloads';
import { MinutesLog, type RolesLoad } from './MinutesLog';
import { MinutesSection } from './MinutesSection';
import { ObjectionsAndConcerns } from './ObjectionsAndConcerns';

/** R1, E5: an election's minutes, from its log; with the role register the server keeps. */
export function ElectionMinutes({
  view,
  entries,
  roles,
  source,
}: {
  view: Seated<ElectionView>;
  entries: MinutesEntry[];
  roles: RolesLoad | undefined;
  source?: MinutesSource | undefined;
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

      <MinutesSection id="m-role" heading="Role and term">
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
      </MinutesSection>

      <MinutesSection discussion id="m-nominations" heading="Nominations">
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
      </MinutesSection>

      {view.changes.length > 0 && (
        <MinutesSection discussion id="m-changes" heading="Change round">
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
        </MinutesSection>
      )}

      {view.proposals.length > 0 && (
        <MinutesSection id="m-proposals" heading="Proposals">
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
        </MinutesSection>
      )}

      <ObjectionsAndConcerns view={view} />
      <RoleRegister roles={roles} />
      <MinutesLog entries={entries} source={source} />
    </div>
  );
}

function RoleRegister({ roles }: { roles: RolesLoad | undefined }) {
  return (
    <MinutesSection id="m-register" heading="Role register">
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
    </MinutesSection>
  );
}
