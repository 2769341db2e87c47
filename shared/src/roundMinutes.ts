/**
 * R1, M3: a round's part of the minutes, in the shape of the structured minutes (minutes.ts):
 * names rather than ids, times as recorded, and a line for each of the round's events for the
 * log of everything that happened. Pure; the minutes model and its exports build on it.
 */
import type { EventOf } from './events';
import type { Seated } from './meeting';
import type { RoundView } from './round';
import { notYetSpoken } from './round';

export interface RoundMinutes {
  kind: 'round';
  title: string;
  /** When the round opened (ms since the epoch, server clock). */
  createdAt: number;
  /** Absent while the round is still open. */
  closedAt?: number;
  /** What each person said, their last word, in the order they first spoke. */
  entries: { by: string; at: number; text: string }[];
  /** Present when the round closed (or now, while open) and said nothing: passing is allowed. */
  silent: string[];
  /** O1: the order the round went around in, by name; absent when it had none. */
  order?: string[];
  /** O2: who passed, by name, once per pass; absent when nobody did. */
  passed?: string[];
}

/** The round seated in its meeting: names are the meeting's (M2); who was silent, as when it closed. */
export function roundMinutes(view: Seated<RoundView>): RoundMinutes {
  return {
    kind: 'round',
    title: view.title,
    createdAt: view.createdAt,
    ...(view.closedAt !== undefined && { closedAt: view.closedAt }),
    entries: view.entries.map((e) => ({
      by: view.participants[e.participantId]?.name ?? 'Someone',
      at: e.at,
      text: e.text,
    })),
    silent: notYetSpoken(view).map((p) => p.name),
    ...(view.order && { order: view.order.map((id) => view.participants[id]?.name ?? 'Someone') }),
    ...(view.passes &&
      view.passes.length > 0 && {
        passed: view.passes.map((id) => view.participants[id]?.name ?? 'Someone'),
      }),
  };
}

/**
 * The log line of a round's event (the "who" is the event's author, named by the log walk).
 * `before` is the view before the event: a second turn says so, since the section above shows
 * only the last word and the earlier one must still be on the record (R1).
 */
export function roundLogText(
  before: RoundView,
  e: EventOf<'round.spoken' | 'round.closed' | 'round.ordered' | 'round.passed'>,
): string {
  if (e.type === 'round.closed') return 'Closed the round.';
  if (e.type === 'round.ordered')
    return e.shuffled ? 'Shuffled the order of the round.' : 'Set the order of the round.';
  if (e.type === 'round.passed') return 'Passed.';
  const spokeBefore = before.entries.some((x) => x.participantId === e.participantId);
  return spokeBefore ? `Said instead: ${e.text}` : `Said: ${e.text}`;
}
