/**
 * The one reducer (A5): `(view, event) -> view`. The server keeps its view with it, every client
 * applies broadcasts with it, and the minutes are rendered from the same events. Pure and
 * immutable: a changed part is a new object, an unchanged part keeps its identity (React and
 * Zustand compare by reference).
 */
import type { EventOf, MeetingEvent } from './events';
import {
  type Concern,
  currentVersion,
  emptyView,
  type MeetingView,
  type Objection,
  type Round,
} from './view';

export function reduce(view: MeetingView, event: MeetingEvent): MeetingView {
  const next = apply(view, event);
  // seq moves even when nothing else does: a client compares it with the next event's seq to find
  // gaps (A3), so a stale seq after a no-op event would make it resync for nothing.
  if (next === view && view.seq === event.seq) return view;
  return { ...next, seq: event.seq };
}

export function reduceAll(events: readonly MeetingEvent[], from: MeetingView = emptyView()): MeetingView {
  let view = from;
  for (const event of events) view = reduce(view, event);
  return view;
}

function apply(view: MeetingView, e: MeetingEvent): MeetingView {
  switch (e.type) {
    case 'meeting.created': {
      const [first] = view.versions;
      return {
        ...view,
        meetingId: e.meetingId,
        code: e.code,
        title: e.title,
        createdAt: e.at,
        versions: [{ ...(first ?? emptyView().versions[0]!), title: e.title, at: e.at }],
      };
    }
    case 'participant.joined': {
      const before = view.participants[e.participantId];
      return {
        ...view,
        participants: {
          ...view.participants,
          [e.participantId]: {
            id: e.participantId,
            name: e.name,
            joinedAt: before?.joinedAt ?? e.at,
            present: true,
          },
        },
      };
    }
    case 'participant.left': {
      const before = view.participants[e.participantId];
      if (!before) return view;
      return {
        ...view,
        participants: { ...view.participants, [e.participantId]: { ...before, present: false } },
      };
    }
    case 'proposal.edited': {
      const v1 = { ...currentVersion(view), title: e.title, driver: e.driver, text: e.text, at: e.at };
      return { ...view, title: e.title, versions: [v1] };
    }
    case 'proposal.amended':
      return amend(view, e);
    case 'stage.changed':
      return {
        ...view,
        stage: e.to,
        presentedAt: view.presentedAt ?? (e.from === 'proposal' ? e.at : undefined),
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
      return respond(view, e);
    case 'responses.revealed':
      return reveal(view, e);
    case 'objection.tested': {
      const objection = view.objections.find((o) => o.id === e.objectionId);
      if (!objection) return view;
      const status = e.verdict === 'qualifies' ? 'qualified' : 'concern';
      const withStatus = setObjection(view, e.objectionId, { status, decidedAt: e.at });
      if (status !== 'concern') return withStatus;
      return { ...withStatus, concerns: [...view.concerns, concernFrom(objection, 'objection')] };
    }
    case 'objection.withdrawn':
      return setObjection(view, e.objectionId, { status: 'withdrawn', decidedAt: e.at });
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
        },
      };
  }
}

/** C5: a new version; the objection and consent rounds start again, questions and reactions stay. */
function amend(view: MeetingView, e: EventOf<'proposal.amended'>): MeetingView {
  const current = currentVersion(view);
  const resolves = new Set(e.resolves);
  return {
    ...view,
    versions: [
      ...view.versions,
      {
        version: e.version,
        title: current.title,
        driver: e.driver,
        text: e.text,
        at: e.at,
        resolves: e.resolves,
      },
    ],
    objections: view.objections.map((o) =>
      resolves.has(o.id) ? { ...o, status: 'resolved', resolvedBy: e.version, decidedAt: e.at } : o,
    ),
    objectionRound: { version: e.version, revealed: false, responses: {} },
    consentRound: { version: e.version, revealed: true, responses: {} },
  };
}

function respond(view: MeetingView, e: EventOf<'response.given'>): MeetingView {
  const response = {
    id: e.responseId,
    participantId: e.participantId,
    version: e.version,
    at: e.at,
    hidden: e.kind === undefined,
    ...(e.kind !== undefined && { kind: e.kind }),
    ...(e.reason !== undefined && { reason: e.reason }),
  };
  if (e.stage === 'consent') {
    return { ...view, consentRound: withResponse(view.consentRound, response) };
  }
  // A response in the objection round (a late objection, too) restarts this person's consent.
  const { [e.participantId]: _restarted, ...consents } = view.consentRound.responses;
  const next = {
    ...view,
    objectionRound: withResponse(view.objectionRound, response),
    consentRound: { ...view.consentRound, responses: consents },
  };
  // Objections and concerns become records once everyone can see them (C10): now if the round
  // is already revealed, otherwise when it is.
  return view.objectionRound.revealed ? recordResponse(next, response) : next;
}

function reveal(view: MeetingView, e: EventOf<'responses.revealed'>): MeetingView {
  if (e.stage === 'reactions') {
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
  const responses = { ...view.objectionRound.responses };
  let next: MeetingView = view;
  for (const r of e.responses) {
    const before = responses[r.participantId];
    if (!before) continue;
    const shown = {
      ...before,
      hidden: false,
      kind: r.kind,
      ...(r.reason !== undefined && { reason: r.reason }),
    };
    responses[r.participantId] = shown;
    next = recordResponse(next, shown);
  }
  return { ...next, objectionRound: { ...view.objectionRound, revealed: true, responses } };
}

function recordResponse(
  view: MeetingView,
  r: MeetingView['objectionRound']['responses'][string],
): MeetingView {
  if (r.kind === 'objection') {
    const objection: Objection = {
      id: r.id,
      participantId: r.participantId,
      reason: r.reason ?? '',
      version: r.version,
      at: r.at,
      status: 'raised',
    };
    return { ...view, objections: [...view.objections, objection] };
  }
  if (r.kind === 'concern') {
    const concern: Concern = {
      id: r.id,
      participantId: r.participantId,
      reason: r.reason ?? '',
      version: r.version,
      at: r.at,
      source: 'response',
    };
    return { ...view, concerns: [...view.concerns, concern] };
  }
  return view;
}

function withResponse(round: Round, response: Round['responses'][string]): Round {
  return { ...round, responses: { ...round.responses, [response.participantId]: response } };
}

function setObjection(view: MeetingView, id: string, change: Partial<Objection>): MeetingView {
  return { ...view, objections: view.objections.map((o) => (o.id === id ? { ...o, ...change } : o)) };
}

function concernFrom(o: Objection, source: Concern['source']): Concern {
  return { id: o.id, participantId: o.participantId, reason: o.reason, version: o.version, at: o.at, source };
}
