import { STAGE_LABELS } from '@circlewise/shared/constants';
import { presentParticipants } from '@circlewise/shared/decision';
import {
  currentProposal,
  type ElectionView,
  electionConsentOf,
  type Nomination,
  type NominationChange,
} from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import { CandidateCard, ElectionOutcomeSummary, RoleCard, TallyList } from '../components/ElectionCards';
import { useT } from '../i18n';
import { nomineeName } from '../lib/election';
import { nameOf, respondedCount } from '../lib/names';
import { ProjectedObjections } from './ProjectedObjections';
import { FitCards, ProjectorFrame } from './ProjectorFrame';

/** The room's screen during an election; `view` is already filtered as for a silent participant (E1, C10). */
export function ElectionProjector({
  view,
  online,
}: {
  view: Seated<ElectionView>;
  online: Record<string, true>;
}) {
  // What the phones ask now, from the phones' own catalogue: one text, on the phone and the wall.
  const t = useT('phone');
  const present = presentParticipants(view);
  const onlineCount = present.filter((p) => online[p.id]).length;
  const proposal = currentProposal(view);
  const nominations = Object.values(view.nominations)
    .filter((n) => !n.hidden)
    .sort((a, b) => a.at - b.at);
  const counted =
    view.stage === 'nominations'
      ? { ...respondedCount(view, view.nominations), verb: 'nominated' }
      : view.stage === 'objections'
        ? { ...respondedCount(view, view.objectionRound.responses), verb: 'responded' }
        : view.stage === 'consent'
          ? {
              ...respondedCount(
                view,
                // C7, E4: carried consents count; the candidate's only while it is the last.
                Object.fromEntries(
                  present.flatMap((p) => (electionConsentOf(view, p.id) !== undefined ? [[p.id, true]] : [])),
                ),
              ),
              verb: 'consented',
            }
          : undefined;

  return (
    <ProjectorFrame
      eyebrow={`Role election · ${view.title}`}
      heading={STAGE_LABELS[view.stage]}
      ask={t(`election.ask.${view.stage}`)}
      code={view.code}
      lobby={view.stage === 'role'}
      counts={
        <>
          {present.length} present ({onlineCount} connected)
          {counted && ` · ${counted.responded} of ${counted.total} ${counted.verb}`}
        </>
      }
    >
      {view.stage === 'outcome' ? (
        <section className="projector-outcome" aria-label="Outcome">
          <ElectionOutcomeSummary view={view} />
        </section>
      ) : view.nominationsRevealed ? (
        <>
          {proposal && view.stage !== 'changes' && (
            <div className="projector-proposal compact">
              <CandidateCard view={view} proposal={proposal} />
            </div>
          )}
          <section className="projector-results" aria-labelledby="pr-nominations">
            <h2 id="pr-nominations">
              {view.stage === 'changes' ? 'Nominations and changes' : 'Nominations'}
            </h2>
            <div className="projector-tally-list">
              <TallyList view={view} />
            </div>
            <FitCards<NominationChange | Nomination>
              label={view.stage === 'changes' ? 'Nominations and changes' : 'Nominations'}
              items={view.stage === 'changes' ? [...nominations, ...view.changes] : nominations}
              keyOf={(c) => `${'to' in c ? 'change' : 'nomination'}-${c.participantId}-${c.at}`}
              render={(c) =>
                'to' in c ? (
                  <>
                    <p className="fit-card-who">
                      {nameOf(view, c.participantId)}:{' '}
                      {c.from === c.to
                        ? `keeps ${nomineeName(view, c.to)}`
                        : `${nomineeName(view, c.from)} → ${nomineeName(view, c.to)}`}
                    </p>
                    {c.from !== c.to && <p className="fit-card-text">{c.reason}</p>}
                  </>
                ) : (
                  <>
                    <p className="fit-card-who">
                      {nameOf(view, c.participantId)} → <strong>{nomineeName(view, c.nomineeId)}</strong>
                    </p>
                    {c.reason && <p className="fit-card-text">{c.reason}</p>}
                  </>
                )
              }
            />
          </section>
        </>
      ) : (
        <>
          <RoleCard role={view.role} />
          {proposal && view.stage !== 'changes' && <CandidateCard view={view} proposal={proposal} />}
          {view.stage === 'nominations' && (
            <p className="card">Nominations stay secret until the facilitator reveals them all at once.</p>
          )}
          <ProjectedObjections view={view} />
        </>
      )}
    </ProjectorFrame>
  );
}
