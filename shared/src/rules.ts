/**
 * The process rules that depend on what has been said (PROCESS.md). The server's machine guards
 * call these, and the facilitator console shows the same refusal before anyone clicks; one
 * copy of each rule.
 */

import { awaitingConsent, currentVersion, type DecisionView, openObjections } from './decision';
import { type WireError, wireError } from './errors';
import type { MeetingView, Seated } from './meeting';

/** A refusal a person reads: its code, its reason and params, and its English `message`. */
export type Refusal = WireError;

const names = (view: Pick<MeetingView, 'participants'>, ids: string[]) =>
  ids.map((id) => view.participants[id]?.name ?? 'someone').join(', ');

/** C1: the proposal can be presented once it states its driver and its text. */
export function canPresent(view: DecisionView): Refusal | null {
  const v = currentVersion(view);
  if (!v.driver.trim() || !v.text.trim()) {
    return wireError('not_allowed', 'present_needs_driver_and_text');
  }
  return null;
}

/** C6: consent cannot be entered while an objection is untested or unresolved, or still hidden. */
export function canEnterConsent(
  view: Seated<Pick<DecisionView, 'objections' | 'objectionRound'>>,
): Refusal | null {
  const open = openObjections(view);
  if (open.length > 0) {
    const who = names(
      view,
      open.map((o) => o.participantId),
    );
    return wireError('not_allowed', 'open_objections', { count: open.length, names: who });
  }
  // Hidden responses are revealed before consent, so every concern is on the record (C10).
  const round = view.objectionRound;
  if (!round.revealed && Object.keys(round.responses).length > 0) {
    return wireError('not_allowed', 'reveal_before_consent');
  }
  return null;
}

/** C7, C9: adoption needs every present participant's consent to the current version. */
export function canAdopt(view: Seated<DecisionView>): Refusal | null {
  const present = Object.values(view.participants).filter((p) => p.present);
  if (present.length === 0) {
    return wireError('not_allowed', 'nobody_joined');
  }
  const waiting = awaitingConsent(view);
  if (waiting.length > 0) {
    return wireError('not_allowed', 'consent_waiting_for', {
      version: currentVersion(view).version,
      names: names(
        view,
        waiting.map((p) => p.id),
      ),
    });
  }
  return null;
}
