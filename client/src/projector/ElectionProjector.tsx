import { STAGE_LABELS } from '@circlewise/shared/constants';
import { presentParticipants } from '@circlewise/shared/decision';
import { currentProposal, type ElectionView } from '@circlewise/shared/election';
import type { Seated } from '@circlewise/shared/meeting';
import {
  CandidateCard,
  ChangeList,
  ElectionOutcomeSummary,
  NominationList,
  RoleCard,
  TallyList,
} from '../components/ElectionCards';
import { ELECTION_ASKS } from '../lib/election';
import { respondedCount } from '../lib/names';
import { JoinQr } from './JoinQr';
import { ProjectedObjections } from './ProjectedObjections';

/** The room's screen during an election; `view` is already filtered as for a silent participant (E1, C10). */
export function ElectionProjector({
  view,
  online,
}: {
  view: Seated<ElectionView>;
  online: Record<string, true>;
}) {
  const present = presentParticipants(view);
  const onlineCount = present.filter((p) => online[p.id]).length;
  const proposal = currentProposal(view);
  const counted =
    view.stage === 'nominations'
      ? { ...respondedCount(view, view.nominations), verb: 'nominated' }
      : view.stage === 'objections'
        ? { ...respondedCount(view, view.objectionRound.responses), verb: 'responded' }
        : view.stage === 'consent'
          ? {
              ...respondedCount(
                view,
                Object.fromEntries(
                  Object.entries(view.consentRound.responses).filter(([, r]) => r.kind === 'consent'),
                ),
              ),
              verb: 'consented',
            }
          : undefined;

  return (
    <div className="page projector">
      <header className="projector-header">
        <div>
          <p className="eyebrow">Role election · {view.title}</p>
          <h1>{STAGE_LABELS[view.stage]}</h1>
          <p className="ask">{ELECTION_ASKS[view.stage]}</p>
          <p className="counts big" aria-live="polite">
            {present.length} present ({onlineCount} connected)
            {counted && ` · ${counted.responded} of ${counted.total} ${counted.verb}`}
          </p>
        </div>
        <JoinQr code={view.code} />
      </header>
      {view.stage === 'outcome' ? <ElectionOutcomeSummary view={view} /> : <RoleCard role={view.role} />}
      {proposal && view.stage !== 'outcome' && view.stage !== 'changes' && (
        <CandidateCard view={view} proposal={proposal} />
      )}
      {view.nominationsRevealed && view.stage !== 'outcome' && (
        <section className="card" aria-labelledby="pr-nominations">
          <h2 id="pr-nominations">Nominations</h2>
          <TallyList view={view} />
          <NominationList view={view} />
          {view.changes.length > 0 && (
            <>
              <h3>Changes</h3>
              <ChangeList view={view} />
            </>
          )}
        </section>
      )}
      {view.stage === 'nominations' && (
        <p className="card">Nominations stay secret until the facilitator reveals them all at once.</p>
      )}
      <ProjectedObjections view={view} />
    </div>
  );
}
