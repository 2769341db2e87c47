import { STAGE_LABELS } from '@circlewise/shared/constants';
import { currentVersion, type DecisionView, presentParticipants } from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { viewFor } from '@circlewise/shared/visibility';
import { useMemo } from 'react';
import { AgendaStrip } from '../agenda/AgendaStrip';
import { Countdown } from '../components/Countdown';
import { GestureIcon } from '../components/GestureIcon';
import { ProposalCard } from '../components/ProposalCard';
import { RESPONSE_LABELS } from '../components/ResponseKindLabel';
import { respondedCount } from '../lib/names';
import { STAGE_ASKS } from '../lib/stageText';
import { OutcomeSummary } from '../participant/OutcomeStage';
import { useMeeting } from '../store/MeetingContext';
import { ElectionProjector } from './ElectionProjector';
import { JoinQr } from './JoinQr';
import { ProjectedObjections } from './ProjectedObjections';
import { RoundProjector } from './RoundProjector';

/**
 * The room's screen. It connects with the facilitator key but shows only what a participant
 * may see (C10): the view goes through the shared visibility rules as for a viewer who has said nothing.
 */
export function Projector() {
  const full = useMeeting((s) => s.view);
  const online = useMeeting((s) => s.online);
  const view = useMemo(() => full && viewFor(full, { role: 'participant', participantId: '' }), [full]);
  if (!view) return <p className="loading">Loading the meeting…</p>;
  return (
    <>
      <div className="projector-agenda">
        <AgendaStrip showConsoleLink={false} />
      </div>
      <Countdown className="countdown-big projector-countdown" />
      {view.kind === 'election' ? (
        <ElectionProjector view={view} online={online} />
      ) : view.kind === 'round' ? (
        <RoundProjector view={view} online={online} />
      ) : (
        <DecisionProjector view={view} online={online} />
      )}
    </>
  );
}

function DecisionProjector({ view, online }: { view: Seated<DecisionView>; online: Record<string, true> }) {
  const present = presentParticipants(view);
  const onlineCount = present.filter((p) => online[p.id]).length;
  const round =
    view.stage === 'reactions'
      ? view.reactions
      : view.stage === 'objections'
        ? view.objectionRound.responses
        : view.stage === 'consent'
          ? view.consentRound.responses
          : undefined;
  const counts = round && respondedCount(view, round);

  return (
    <div className="page projector">
      <header className="projector-header">
        <div>
          <p className="eyebrow">{view.title}</p>
          <h1>{STAGE_LABELS[view.stage]}</h1>
          <p className="ask">{STAGE_ASKS[view.stage]}</p>
          <p className="counts big" aria-live="polite">
            {present.length} present ({onlineCount} connected)
            {counts && ` · ${counts.responded} of ${counts.total} responded`}
          </p>
        </div>
        <JoinQr code={view.code} />
      </header>
      {view.stage === 'outcome' ? (
        <OutcomeSummary view={view} />
      ) : (
        <ProposalCard version={currentVersion(view)} draft={view.stage === 'proposal'} />
      )}
      {view.stage === 'reactions' && view.reactionsRevealed && (
        <section className="card" aria-labelledby="pr-reactions">
          <h2 id="pr-reactions">Reactions</h2>
          <ul className="list">
            {present
              .filter((p) => view.reactions[p.id] && !view.reactions[p.id]!.hidden)
              .map((p) => {
                const r = view.reactions[p.id]!;
                return (
                  <li key={p.id}>
                    <strong>{p.name}</strong>: {r.gesture && <GestureIcon gesture={r.gesture} />} {r.text}
                  </li>
                );
              })}
          </ul>
        </section>
      )}
      {view.stage === 'objections' && view.objectionRound.revealed && (
        <section className="card" aria-labelledby="pr-responses">
          <h2 id="pr-responses">Responses to version {view.objectionRound.version}</h2>
          <ul className="list">
            {present
              .filter((p) => view.objectionRound.responses[p.id]?.kind)
              .map((p) => {
                const r = view.objectionRound.responses[p.id]!;
                return (
                  <li key={p.id}>
                    <strong>{p.name}</strong>: {r.kind && RESPONSE_LABELS[r.kind]}
                    {r.reason && `: ${r.reason}`}
                  </li>
                );
              })}
          </ul>
        </section>
      )}
      <ProjectedObjections view={view} />
    </div>
  );
}
