/**
 * The consent check that a decision and an election share (PROCESS.md C3–C8, C10): responses in
 * the objection and consent rounds, the reveal of the objection round, the testing and fate of
 * objections, and entering consent. Each rule is written once, as a guard both machines use; the
 * builders here only make the events that the guards then judge.
 */
import type { CommandOf } from '@circlewise/shared/commands';
import type { ConsentCheckView } from '@circlewise/shared/consentCheck';
import type { EventBody, EventOf, MeetingEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { canEnterConsent, type Refusal } from '@circlewise/shared/rules';
import { type Guard, refusal } from './decideEngine';

export type CheckView = Seated<ConsentCheckView & { stage: string }>;
type CheckRound = 'objections' | 'consent';

const isOpen = (status: string) => status === 'raised' || status === 'qualified';

// [M2]
/** Only someone present takes part; who left joins again first. */
export function takesPart(view: Pick<CheckView, 'participants'>, event: MeetingEvent): Refusal | null {
  if (!('participantId' in event)) return null;
  return view.participants[event.participantId]?.present === true
    ? null
    : refusal('forbidden', 'left_meeting');
}

/**
 * A response in the round of the item's stage, on the current version (C5), by someone present.
 * After the reveal others have seen it: it can still change, but an objection still open is
 * withdrawn first, so its fate stays on the record (C8); the same answer again is refused.
 */
// [C3]
export const respondsIn: Guard<CheckView, { stage: CheckRound }> = {
  selects: (_view, event, { stage }) => event.type === 'response.given' && event.stage === stage,
  allows: (view, event, { stage }) => {
    if (event.type !== 'response.given') return null;
    return (
      takesPart(view, event) ??
      onCurrentVersion(view, event) ??
      (stage === 'consent' ? consentOnly(event) : changesAfterReveal(view, event))
    );
  },
};

// [C5]
/** A response counts only on the version it was given for: the current one. */
function onCurrentVersion(view: CheckView, event: EventOf<'response.given'>): Refusal | null {
  return event.version === view.consentRound.version
    ? null
    : refusal('stale_stage', 'proposal_new_version_answer');
}

/** The consent round takes consent (C7); an objection reopens the objection round first. */
function consentOnly(event: EventOf<'response.given'>): Refusal | null {
  return event.kind === 'consent' ? null : refusal('not_allowed', 'consent_round_consent_or_object');
}

/** After the reveal (C10), an open objection is withdrawn before its author answers anew (C8). */
function changesAfterReveal(view: CheckView, event: EventOf<'response.given'>): Refusal | null {
  const round = view.objectionRound;
  const before = round.responses[event.participantId];
  if (!round.revealed || !before) return null;
  if (view.objections.some((o) => o.id === before.id && isOpen(o.status))) {
    return refusal('not_allowed', 'objected_already');
  }
  if (before.kind === event.kind && (before.reason ?? '') === (event.reason ?? '')) {
    return refusal('not_allowed', 'response_recorded_already');
  }
  return null;
}

// [C10]
/** The objection round is revealed once, and the reveal carries every hidden response. */
export const revealsObjectionRound: Guard<CheckView> = {
  selects: (_view, event) => event.type === 'responses.revealed' && event.stage === 'objections',
  allows: (view, event) => {
    if (event.type !== 'responses.revealed') return null;
    const round = view.objectionRound;
    return revealsEvery(
      round.revealed,
      event.responses.map((r) => r.responseId),
      Object.values(round.responses).map((r) => r.id),
      'hidden response',
    );
  },
};

/**
 * A reveal happens once and shows every hidden thing of its round (C10 for responses and
 * reactions, E1 for nominations): exactly the ids still hidden, no fewer, no others.
 */
export function revealsEvery(
  revealed: boolean,
  shown: readonly string[],
  hidden: readonly string[],
  what: 'hidden response' | 'nomination',
): Refusal | null {
  if (revealed) {
    return refusal(
      'not_allowed',
      what === 'nomination' ? 'nominations_already_revealed' : 'responses_already_revealed',
    );
  }
  const ids = new Set(shown);
  return hidden.length === ids.size && hidden.every((id) => ids.has(id))
    ? null
    : refusal(
        'not_allowed',
        what === 'nomination' ? 'reveal_shows_every_nomination' : 'reveal_shows_every_response',
      );
}

/** The facilitator (C2) tests an objection that is untested, or changes a verdict still open. */
export const testsOpenObjection: Guard<CheckView> = {
  allows: (view, event) => {
    if (event.type !== 'objection.tested') return null;
    const o = view.objections.find((x) => x.id === event.objectionId);
    if (!o) return noSuchObjection;
    return isOpen(o.status) ? null : refusal('not_allowed', 'objection_already', { status: o.status });
  },
};

// [C8]
/** Only its author withdraws an objection, while it is open: its fate stays on the record. */
export const withdrawnByAuthor: Guard<CheckView> = {
  allows: (view, event) => {
    if (event.type !== 'objection.withdrawn') return null;
    const o = view.objections.find((x) => x.id === event.objectionId);
    if (!o) return noSuchObjection;
    if (o.participantId !== event.by) {
      return refusal('forbidden', 'withdraw_own_objection_only');
    }
    return isOpen(o.status) ? null : refusal('not_allowed', 'objection_already', { status: o.status });
  },
};

const noSuchObjection = refusal('not_found', 'no_such_objection');

// [C6]
/** Consent is entered only once no objection is open and every response is revealed. */
export const entersConsent: Guard<CheckView> = {
  selects: (view, event) =>
    event.type === 'stage.changed' && event.from === view.stage && event.to === 'consent',
  allows: (view) => canEnterConsent(view),
};

// [C1]
/** Stages move one at a time, forward or back, from where the item is. */
export const movesTo: Guard<{ stage: string }, { to: string }> = {
  selects: (view, event, { to }) =>
    event.type === 'stage.changed' && event.from === view.stage && event.to === to,
  allows: () => null,
};

/**
 * A new version (an amendment, or another candidate) is numbered after the current one and
 * resolves only objections still open; what was said in a hidden round is revealed first, since
 * the new version starts a new round and it would otherwise never reach the record.
 */
export function newVersion(view: CheckView, version: number, resolves: readonly string[]): Refusal | null {
  const round = view.objectionRound;
  if (!round.revealed && Object.keys(round.responses).length > 0) {
    return refusal('not_allowed', 'reveal_before_new_version');
  }
  const open = resolves.every((id) => view.objections.some((o) => o.id === id && isOpen(o.status)));
  if (version !== view.consentRound.version + 1 || !open) {
    return refusal('not_allowed', 'amendment_resolves_open_only');
  }
  return null;
}

/**
 * The events of a response: in the objection round as given (sealed until the reveal); in the
 * consent round, a consent, or a late objection that reopens the objection round first.
 */
export function responseEvents(
  view: CheckView,
  command: CommandOf<'response.give'>,
  me: string,
  newId: () => string,
): EventBody[] {
  const given = (stage: CheckRound, sealed: boolean): EventBody => ({
    type: 'response.given',
    responseId: newId(),
    participantId: me,
    stage,
    version: view.consentRound.version,
    sealed,
    kind: command.kind,
    ...(command.reason && { reason: command.reason }),
  });
  if (view.stage === 'consent' && command.kind === 'objection') {
    return [
      { type: 'stage.changed', from: 'consent', to: 'objections', reason: 'late_objection' },
      given('objections', !view.objectionRound.revealed),
    ];
  }
  const stage: CheckRound = view.stage === 'consent' ? 'consent' : 'objections';
  return [given(stage, stage === 'objections' && !view.objectionRound.revealed)];
}

/**
 * The reveal of the objection round, carrying what was said so every screen can show it. When
 * it is already revealed (or empty and `onlyIfHidden`), an empty reveal the guard refuses, or
 * nothing.
 */
export function objectionRoundReveal(view: CheckView, onlyIfHidden = false): EventBody[] {
  const round = view.objectionRound;
  const responses = Object.values(round.responses);
  if (round.revealed || responses.length === 0) {
    return onlyIfHidden
      ? []
      : [{ type: 'responses.revealed', stage: 'objections', reactions: [], responses: [] }];
  }
  return [
    {
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: responses.map((r) => ({
        responseId: r.id,
        participantId: r.participantId,
        kind: r.kind ?? 'consent',
        ...(r.reason !== undefined && { reason: r.reason }),
      })),
    },
  ];
}
