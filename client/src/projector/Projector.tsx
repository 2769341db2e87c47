import {
  GESTURE_LABELS,
  GESTURES,
  OUTCOME_LABELS,
  RESPONSE_LABELS,
  STAGE_LABELS,
} from '@circlewise/shared/constants';
import {
  awaitingConsent,
  currentVersion,
  type DecisionView,
  presentParticipants,
} from '@circlewise/shared/decision';
import type { Seated } from '@circlewise/shared/meeting';
import { reactionsAsRound } from '@circlewise/shared/reactionTurns';
import { SCREEN_VIEWER, viewFor } from '@circlewise/shared/visibility';
import { useMemo } from 'react';
import { GestureIcon } from '../components/GestureIcon';
import { ProposalCard } from '../components/ProposalCard';
import { TurnLine } from '../components/TurnLine';
import { useT } from '../i18n';
import { formatDate, nameOf, respondedCount } from '../lib/names';
import { useMeeting } from '../store/MeetingContext';
import { ElectionProjector } from './ElectionProjector';
import { ProjectedObjections } from './ProjectedObjections';
import { ProjectedQueue } from './ProjectedQueue';
import { FitCards, ProjectorFrame, Tally } from './ProjectorFrame';
import { RoundProjector } from './RoundProjector';

/**
 * The room's screen. It connects with the facilitator key or a screen link and shows only what a
 * participant may see (C10): the view goes through the shared visibility rules as for a viewer
 * who has said nothing.
 */
export function Projector() {
  const full = useMeeting((s) => s.view);
  const online = useMeeting((s) => s.online);
  const view = useMemo(() => full && viewFor(full, SCREEN_VIEWER), [full]);
  if (!view) return <p className="loading">Loading the meeting…</p>;
  return view.kind === 'election' ? (
    <ElectionProjector view={view} online={online} />
  ) : view.kind === 'round' ? (
    <RoundProjector view={view} online={online} />
  ) : (
    <DecisionProjector view={view} online={online} />
  );
}

function DecisionProjector({ view, online }: { view: Seated<DecisionView>; online: Record<string, true> }) {
  // What the phones ask now, from the phones' own catalogue: one text, on the phone and the wall.
  const t = useT('phone');
  const present = presentParticipants(view);
  const onlineCount = present.filter((p) => online[p.id]).length;
  const round =
    view.stage === 'reactions'
      ? view.reactions
      : view.stage === 'objections'
        ? view.objectionRound.responses
        : undefined;
  // In consent, a 'no objection' or concern carried over from the objection round counts (C7).
  const counts =
    view.stage === 'consent'
      ? { responded: present.length - awaitingConsent(view).length, total: present.length }
      : round && respondedCount(view, round);
  const name = (id: string) => present.find((p) => p.id === id)?.name ?? nameOf(view, id);

  return (
    <ProjectorFrame
      eyebrow={view.title || 'Meeting'}
      heading={STAGE_LABELS[view.stage]}
      ask={t(`ask.${view.stage}`)}
      code={view.code}
      lobby={view.stage === 'proposal'}
      counts={
        <>
          {present.length} present ({onlineCount} connected)
          {counts && ` · ${counts.responded} of ${counts.total} responded`}
        </>
      }
    >
      <ProjectedQueue view={view} />
      {view.stage === 'reactions' && !view.reactionsRevealed && (
        // O1: a reactions round in turn shows who reacts now and next (nothing without an order).
        <TurnLine
          view={reactionsAsRound(view)}
          big
          through="Everyone has had their turn: the reactions are revealed next."
        />
      )}
      {view.stage === 'outcome' ? (
        <OutcomeHeadline view={view} />
      ) : view.stage === 'reactions' && view.reactionsRevealed ? (
        <RevealedReactions view={view} name={name} />
      ) : view.stage === 'objections' && view.objectionRound.revealed ? (
        <RevealedResponses view={view} name={name} />
      ) : view.stage === 'clarifying' && view.questions.length > 0 ? (
        <>
          <div className="projector-proposal compact">
            <ProposalCard version={currentVersion(view)} />
          </div>
          <section className="projector-results" aria-labelledby="pr-questions">
            <h2 id="pr-questions">Clarifying questions</h2>
            <FitCards
              label="Questions and answers"
              items={view.questions}
              keyOf={(q) => q.id}
              render={(q) => (
                <>
                  <p className="fit-card-who">{name(q.participantId)} asks</p>
                  <p className="fit-card-text">{q.text}</p>
                  {q.answer ? (
                    <p className="fit-card-answer">{q.answer.text}</p>
                  ) : (
                    <p className="muted">Not answered yet</p>
                  )}
                </>
              )}
            />
          </section>
        </>
      ) : (
        <>
          <div className="projector-proposal">
            <ProposalCard version={currentVersion(view)} draft={view.stage === 'proposal'} />
          </div>
          <ProjectedObjections view={view} />
        </>
      )}
    </ProjectorFrame>
  );
}

function RevealedReactions({ view, name }: { view: Seated<DecisionView>; name: (id: string) => string }) {
  const shown = Object.values(view.reactions).filter((r) => !r.hidden);
  const gestures = GESTURES.map((g) => ({
    name: GESTURE_LABELS[g],
    count: shown.filter((r) => r.gesture === g).length,
  })).filter((e) => e.count > 0);
  return (
    <section className="projector-results" aria-labelledby="pr-reactions">
      <h2 id="pr-reactions">Reactions to “{currentVersion(view).title}”</h2>
      {gestures.length > 0 && <Tally label="Gestures" entries={gestures} />}
      <FitCards
        label="Reactions"
        items={shown}
        keyOf={(r) => r.participantId}
        render={(r) => (
          <>
            <p className="fit-card-who">
              {name(r.participantId)} {r.gesture && <GestureIcon gesture={r.gesture} />}
            </p>
            <p className="fit-card-text">{r.text}</p>
          </>
        )}
      />
    </section>
  );
}

function RevealedResponses({ view, name }: { view: Seated<DecisionView>; name: (id: string) => string }) {
  const shown = Object.values(view.objectionRound.responses).filter((r) => r.kind);
  const kinds = (['consent', 'concern', 'objection'] as const).map((k) => ({
    name: RESPONSE_LABELS[k],
    count: shown.filter((r) => r.kind === k).length,
  }));
  return (
    <section className="projector-results" aria-labelledby="pr-responses">
      <h2 id="pr-responses">Responses to version {view.objectionRound.version}</h2>
      <Tally label="Responses" entries={kinds} />
      <FitCards
        label="Responses"
        items={shown}
        keyOf={(r) => r.participantId}
        render={(r) => (
          <>
            <p className="fit-card-who">
              {name(r.participantId)}: <strong>{r.kind && RESPONSE_LABELS[r.kind]}</strong>
            </p>
            {r.reason && <p className="fit-card-text">{r.reason}</p>}
          </>
        )}
      />
    </section>
  );
}

/** The outcome, large: what the room decided, in one line, and the text it decided on. */
function OutcomeHeadline({ view }: { view: Seated<DecisionView> }) {
  const outcome = view.outcome;
  if (!outcome) return <p className="empty">No outcome recorded yet.</p>;
  const version = view.versions.find((v) => v.version === outcome.version);
  return (
    <section className="projector-outcome" aria-labelledby="pr-outcome">
      <h2 id="pr-outcome" className="headline">
        {OUTCOME_LABELS[outcome.outcome]}: {version?.title || view.title}
      </h2>
      <p className="muted">Version {outcome.version} of the proposal</p>
      {version && <p className="prose projector-outcome-text">{version.text}</p>}
      {outcome.reviewDate && <p>Review by {formatDate(outcome.reviewDate)}.</p>}
      {outcome.note && <p>Note: {outcome.note}</p>}
    </section>
  );
}
