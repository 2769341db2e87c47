/**
 * The record of concerns, one per person (issue 10 §8): someone who gives a concern on version 2
 * and again on version 3 (or changes its wording after the reveal) appears once, with their
 * latest wording and every version they gave it on. The reducer keeps each concern as given;
 * the agreement, the minutes and every screen list them through this one function.
 */
import type { Concern } from './decision';

export interface PersonConcern {
  /** The latest concern's id: a stable key for a list. */
  id: string;
  participantId: string;
  /** The latest wording. */
  reason: string;
  /** The version of the latest concern. */
  version: number;
  /** Every version this person gave a concern on, oldest first, each once. */
  versions: number[];
  /** When the latest was given. */
  at: number;
  /** How the latest came: given as a concern, or an objection recorded as one. */
  source: Concern['source'];
}

/** One entry per person, in the order of their first concern; the latest wording wins. */
export function concernsByPerson(concerns: readonly Concern[]): PersonConcern[] {
  const byPerson = new Map<string, PersonConcern>();
  for (const c of concerns) {
    const before = byPerson.get(c.participantId);
    const versions = before
      ? [...new Set([...before.versions, c.version])].sort((a, b) => a - b)
      : [c.version];
    const latest = !before || c.at >= before.at;
    byPerson.set(c.participantId, {
      ...(latest || !before
        ? {
            id: c.id,
            participantId: c.participantId,
            reason: c.reason,
            version: c.version,
            at: c.at,
            source: c.source,
          }
        : before),
      versions,
    });
  }
  return [...byPerson.values()];
}

/** "v2, v3" when a concern was given on more than one version, else nothing to add. */
export function concernVersions(concern: Pick<PersonConcern, 'versions'>): string | undefined {
  return concern.versions.length > 1 ? concern.versions.map((v) => `v${v}`).join(', ') : undefined;
}

/** One line of the record: "Ana (v2, v3): latest reason", or "Ana: reason" for one version. */
export function concernLine(name: string, concern: PersonConcern): string {
  const versions = concernVersions(concern);
  return `${name}${versions ? ` (${versions})` : ''}: ${concern.reason}`;
}
