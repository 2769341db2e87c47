/**
 * The consent check that a decision and an election share (PROCESS.md C4–C8, E4): the objection
 * round, the testing and fate of objections, concerns, and final consent. One copy, applied by
 * both reducers to the fields their views have in common.
 */

import type { Concern, Objection, Response, Round } from './decision';
import type { EventOf } from './events';

export interface ConsentCheckView {
  objectionRound: Round;
  consentRound: Round;
  objections: Objection[];
  concerns: Concern[];
  /**
   * The objection round of the version before, once there is one (C5): revealed before the
   * amendment, so public. A phone fills in its person's earlier answer, to confirm or change.
   */
  previousObjectionRound?: Round;
}

export function emptyCheck(version = 1): ConsentCheckView {
  return {
    objectionRound: { version, revealed: false, responses: {} },
    consentRound: { version, revealed: true, responses: {} },
    objections: [],
    concerns: [],
  };
}

/** C5: a new version; both rounds start again, and the objections it names are resolved by it. */
export function newCheckVersion<V extends ConsentCheckView>(
  view: V,
  version: number,
  resolves: readonly string[],
  at: number,
): V {
  const resolved = new Set(resolves);
  return {
    ...view,
    objections: view.objections.map((o) =>
      resolved.has(o.id) ? { ...o, status: 'resolved', resolvedBy: version, decidedAt: at } : o,
    ),
    objectionRound: { version, revealed: false, responses: {} },
    consentRound: { version, revealed: true, responses: {} },
    previousObjectionRound: view.objectionRound,
  };
}

export function respondInCheck<V extends ConsentCheckView>(view: V, e: EventOf<'response.given'>): V {
  const response: Response = {
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

export function revealObjectionRound<V extends ConsentCheckView>(
  view: V,
  e: EventOf<'responses.revealed'>,
): V {
  const responses = { ...view.objectionRound.responses };
  let next: V = view;
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

/** C2, C8: the facilitator's verdict; one recorded as a concern joins the concerns. */
export function testObjection<V extends ConsentCheckView>(view: V, e: EventOf<'objection.tested'>): V {
  const objection = view.objections.find((o) => o.id === e.objectionId);
  if (!objection) return view;
  const status = e.verdict === 'qualifies' ? 'qualified' : 'concern';
  const withStatus = setObjection(view, e.objectionId, { status, decidedAt: e.at });
  if (status !== 'concern') return withStatus;
  return { ...withStatus, concerns: [...view.concerns, concernFrom(objection, 'objection')] };
}

export function withdrawObjection<V extends ConsentCheckView>(view: V, e: EventOf<'objection.withdrawn'>): V {
  return setObjection(view, e.objectionId, { status: 'withdrawn', decidedAt: e.at });
}

function recordResponse<V extends ConsentCheckView>(view: V, r: Response): V {
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

function withResponse(round: Round, response: Response): Round {
  return { ...round, responses: { ...round.responses, [response.participantId]: response } };
}

function setObjection<V extends ConsentCheckView>(view: V, id: string, change: Partial<Objection>): V {
  return { ...view, objections: view.objections.map((o) => (o.id === id ? { ...o, ...change } : o)) };
}

function concernFrom(o: Objection, source: Concern['source']): Concern {
  return { id: o.id, participantId: o.participantId, reason: o.reason, version: o.version, at: o.at, source };
}
