/**
 * The one reducer (A5): `(view, event) -> view`. The server keeps its view with it, every client
 * applies broadcasts with it, and the minutes are rendered from the same events. Pure and
 * immutable: a changed part is a new object, an unchanged part keeps its identity (React and
 * Zustand compare by reference).
 */
import {
  newCheckVersion,
  respondInCheck,
  revealObjectionRound,
  testObjection,
  withdrawObjection,
} from './consentCheck';
import { isDecisionStage } from './constants';
import { currentVersion, type DecisionView, emptyDecisionView, handQueue, withHandLowered } from './decision';
import type { EventOf, MeetingEvent } from './events';

export function reduceDecision(view: DecisionView, event: MeetingEvent): DecisionView {
  const next = apply(view, event);
  // seq moves even when nothing else does: a client compares it with the next event's seq to find
  // gaps (A3), so a stale seq after a no-op event would make it resync for nothing.
  if (next === view && view.seq === event.seq) return view;
  return { ...next, seq: event.seq };
}

export function reduceDecisionLog(
  events: readonly MeetingEvent[],
  from: DecisionView = emptyDecisionView(),
): DecisionView {
  let view = from;
  for (const event of events) view = reduceDecision(view, event);
  return view;
}

function apply(view: DecisionView, e: MeetingEvent): DecisionView {
  switch (e.type) {
    case 'meeting.created': {
      const [first] = view.versions;
      return {
        ...view,
        meetingId: e.meetingId,
        code: e.code,
        title: e.title,
        createdAt: e.at,
        versions: [{ ...(first ?? emptyDecisionView().versions[0]!), title: e.title, at: e.at }],
        ...(e.reviewOf !== undefined && { reviewOf: e.reviewOf }),
      };
    }
    case 'proposal.edited': {
      const v1 = { ...currentVersion(view), title: e.title, driver: e.driver, text: e.text, at: e.at };
      // R3: a review's first edit is the agreement's text it was pre-filled with.
      const base =
        view.reviewOf !== undefined && view.reviewBase === undefined
          ? { reviewBase: { driver: e.driver, text: e.text } }
          : {};
      return { ...view, ...base, title: e.title, versions: [v1] };
    }
    case 'proposal.amended':
      return amend(view, e);
    case 'stage.changed':
      if (!isDecisionStage(e.to)) return view;
      return {
        ...view,
        stage: e.to,
        presentedAt: view.presentedAt ?? (e.from === 'proposal' ? e.at : undefined),
        // O3: a speaking queue belongs to its stage; a new stage starts with every hand down.
        ...(view.queue !== undefined && { queue: [] }),
      };
    case 'question.asked':
      return {
        ...view,
        questions: [
          ...view.questions,
          { id: e.questionId, participantId: e.participantId, text: e.text, version: e.version, at: e.at },
        ],
      };
    case 'question.answered':
      return {
        ...view,
        questions: view.questions.map((q) =>
          q.id === e.questionId ? { ...q, answer: { text: e.text, at: e.at } } : q,
        ),
      };
    case 'reaction.given':
      return {
        ...view,
        reactions: {
          ...view.reactions,
          [e.participantId]: {
            participantId: e.participantId,
            version: e.version,
            at: e.at,
            hidden: e.text === undefined,
            ...(e.text !== undefined && { text: e.text }),
            ...(e.gesture !== undefined && { gesture: e.gesture }),
          },
        },
      };
    case 'response.given':
      return respondInCheck(view, e);
    case 'responses.revealed':
      return reveal(view, e);
    case 'objection.tested':
      return testObjection(view, e);
    case 'objection.withdrawn':
      return withdrawObjection(view, e);
    case 'outcome.recorded':
      return {
        ...view,
        stage: 'outcome',
        outcome: {
          outcome: e.outcome,
          version: e.version,
          at: e.at,
          ...(e.reviewDate !== undefined && { reviewDate: e.reviewDate }),
          ...(e.note !== undefined && { note: e.note }),
          ...(e.responsible !== undefined && { responsible: e.responsible }),
          ...(e.evaluation !== undefined && { evaluation: e.evaluation }),
        },
      };
    case 'hand.raised':
      return { ...view, queue: [...handQueue(view), { participantId: e.participantId, raisedAt: e.at }] };
    case 'hand.lowered':
      return withHandLowered(view, e.participantId);
    case 'hand.called':
      return {
        ...withHandLowered(view, e.participantId),
        spoke: [...(view.spoke ?? []), { participantId: e.participantId, at: e.at, stage: e.stage }],
      };
    // O1, O2: the reactions round in turn (the decide step takes these only in the reactions stage).
    case 'round.ordered':
      return { ...view, reactionOrder: e.order };
    case 'round.passed':
      return { ...view, reactionPasses: [...(view.reactionPasses ?? []), e.participantId] };
    default:
      // Another kind of item's events (an election's) change nothing in a decision, nor do
      // comings and goings: who is in the meeting is the meeting's (meeting.ts, M2).
      return view;
  }
}

/** C5: a new version; the objection and consent rounds start again, questions and reactions stay. */
function amend(view: DecisionView, e: EventOf<'proposal.amended'>): DecisionView {
  const current = currentVersion(view);
  const version = {
    version: e.version,
    title: current.title,
    driver: e.driver,
    text: e.text,
    at: e.at,
    resolves: e.resolves,
  };
  return newCheckVersion({ ...view, versions: [...view.versions, version] }, e.version, e.resolves, e.at);
}

function reveal(view: DecisionView, e: EventOf<'responses.revealed'>): DecisionView {
  if (e.stage !== 'reactions') return revealObjectionRound(view, e);
  const reactions = { ...view.reactions };
  for (const r of e.reactions) {
    const before = reactions[r.participantId];
    if (!before) continue;
    reactions[r.participantId] = {
      ...before,
      hidden: false,
      text: r.text,
      ...(r.gesture !== undefined && { gesture: r.gesture }),
    };
  }
  return { ...view, reactions, reactionsRevealed: true };
}
