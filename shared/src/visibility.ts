/**
 * Per-recipient visibility (A6, C10). While a round is hidden, a participant sees that others
 * have responded but not what they said; the facilitator and the author see everything. The
 * server applies these before send; they are pure so that a test can hold both paths side by
 * side: `viewFor(reduceDecisionLog(events), v)` equals `reduceDecisionLog(events.map(e => eventFor(e, v)))`.
 */

import type { DecisionView, Reaction, Response, Round } from './decision';
import type { ElectionView, Nomination } from './election';
import type { MeetingEvent } from './events';
import type { ItemView, MeetingView } from './meeting';

export type Viewer = { role: 'facilitator' } | { role: 'participant'; participantId: string };

/** An event is sealed when it was given while its round was hidden; its content waits for the reveal. */
export function isSealed(event: MeetingEvent): boolean {
  return (
    (event.type === 'reaction.given' ||
      event.type === 'response.given' ||
      event.type === 'nomination.given') &&
    event.sealed === true
  );
}

/**
 * Who receives a sealed event whole: its author, and the facilitator, except for a nomination,
 * which is secret from the facilitator too, who sees only who has nominated (E1).
 */
export function sealedAudience(event: MeetingEvent): { author: string | undefined; facilitator: boolean } {
  return {
    author: 'participantId' in event ? event.participantId : undefined,
    facilitator: event.type !== 'nomination.given',
  };
}

export function canSeeSealed(event: MeetingEvent, viewer: Viewer): boolean {
  const audience = sealedAudience(event);
  return viewer.role === 'facilitator' ? audience.facilitator : audience.author === viewer.participantId;
}

/** The copy of an event that this viewer may receive. */
export function eventFor(event: MeetingEvent, viewer: Viewer): MeetingEvent {
  if (!isSealed(event) || canSeeSealed(event, viewer)) return event;
  return redact(event);
}

/** The sealed event with its content removed: what everybody but the author and facilitator gets. */
export function redact(event: MeetingEvent): MeetingEvent {
  if (event.type === 'reaction.given') {
    const { text: _text, gesture: _gesture, ...rest } = event;
    return rest;
  }
  if (event.type === 'response.given') {
    const { kind: _kind, reason: _reason, ...rest } = event;
    return rest;
  }
  if (event.type === 'nomination.given') {
    const { nomineeId: _nomineeId, reason: _reason, ...rest } = event;
    return rest;
  }
  return event;
}

/** The whole meeting as this viewer may see it: each item's view through `viewFor`. */
export function agendaFor(view: MeetingView, viewer: Viewer): MeetingView {
  const views: Record<string, ItemView> = {};
  let changed = false;
  for (const [id, item] of Object.entries(view.views)) {
    const shown = viewFor(item, viewer);
    if (shown !== item) changed = true;
    views[id] = shown;
  }
  return changed ? { ...view, views } : view;
}

/** The view this viewer may see: for snapshots on join and resync. A round hides nothing. */
export function viewFor<V extends ItemView>(view: V, viewer: Viewer): V {
  if (view.kind === 'round') return view;
  if (view.kind === 'election') return electionFor(view, viewer) as V;
  return decisionFor(view, viewer) as V;
}

function electionFor(view: ElectionView, viewer: Viewer): ElectionView {
  const me = viewer.role === 'participant' ? viewer.participantId : '';
  const nominations = view.nominationsRevealed
    ? view.nominations
    : hideOthers(view.nominations, me, hideNomination);
  const objectionRound =
    viewer.role === 'facilitator' || view.objectionRound.revealed
      ? view.objectionRound
      : hideRound(view.objectionRound, me);
  if (nominations === view.nominations && objectionRound === view.objectionRound) return view;
  return { ...view, nominations, objectionRound };
}

function hideNomination(n: Nomination): Nomination {
  if (n.hidden) return n;
  const { nomineeId: _nomineeId, reason: _reason, ...rest } = n;
  return { ...rest, hidden: true };
}

function decisionFor(view: DecisionView, viewer: Viewer): DecisionView {
  if (viewer.role === 'facilitator') return view;
  const me = viewer.participantId;
  const reactions = view.reactionsRevealed ? view.reactions : hideOthers(view.reactions, me, hideReaction);
  const objectionRound = view.objectionRound.revealed
    ? view.objectionRound
    : hideRound(view.objectionRound, me);
  if (reactions === view.reactions && objectionRound === view.objectionRound) return view;
  return { ...view, reactions, objectionRound };
}

function hideRound(round: Round, me: string): Round {
  const responses = hideOthers(round.responses, me, hideResponse);
  return responses === round.responses ? round : { ...round, responses };
}

function hideOthers<T>(items: Record<string, T>, me: string, hide: (item: T) => T): Record<string, T> {
  let changed = false;
  const out: Record<string, T> = {};
  for (const [id, item] of Object.entries(items)) {
    const shown = id === me ? item : hide(item);
    if (shown !== item) changed = true;
    out[id] = shown;
  }
  return changed ? out : items;
}

function hideReaction(r: Reaction): Reaction {
  if (r.hidden) return r;
  const { text: _text, gesture: _gesture, ...rest } = r;
  return { ...rest, hidden: true };
}

function hideResponse(r: Response): Response {
  if (r.hidden) return r;
  const { kind: _kind, reason: _reason, ...rest } = r;
  return { ...rest, hidden: true };
}

/**
 * What a screen link (the projector) sees: what any participant may see, as someone who gave
 * nothing, so no sealed content is ever its own (A6).
 */
export const SCREEN_VIEWER: Viewer = { role: 'participant', participantId: '' };
