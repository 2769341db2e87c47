/**
 * S12: who may come into a meeting, and as what. The gateway asks `joinVerdict` for every join
 * (a new device, or a token the meeting knows) before it records anything; the facilitator's
 * own commands about the door (lock, admit, refuse, remove) are checked against the view by
 * `doorRule`, which `admits` also runs when a log is replayed (A11).
 *
 * The cap and the names are decided at the door only, never on replay: a log recorded before
 * these rules, or under another cap, replays as it was recorded.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import type { MeetingView } from '@circlewise/shared/meeting';
import type { Refusal } from '@circlewise/shared/rules';
import { refusal } from './decideEngine';

/** Someone at the door: a device the meeting knows (its participant id), or a new one with a name. */
export type Joiner = { participantId: string } | { name: string };

/**
 * What happens to a join: `in` (a new participant, or one who is back: record the join),
 * `here` (already present: nothing to record), `wait` (a new device at a locked door, or one
 * still waiting), or the refusal the phone shows.
 */
export type JoinVerdict = { let: 'in' | 'here' | 'wait' } | Refusal;

// [S12]
/**
 * The door of a meeting. A removed or refused token opens nothing. A known participant comes
 * back in, locked or not. A new device needs a name that is its own and passes for no role, and
 * room under the cap; while the meeting is locked it waits for the facilitator.
 */
export function joinVerdict(view: MeetingView, joiner: Joiner, cap: number): JoinVerdict {
  if ('participantId' in joiner) {
    const id = joiner.participantId;
    if (view.refused?.includes(id)) {
      return refusal('removed', 'not_admitted');
    }
    if (view.waiting?.[id]) return { let: 'wait' };
    const me = view.participants[id];
    if (me?.removed) return refusal('removed', 'removed_you');
    return me?.present ? { let: 'here' } : { let: 'in' };
  }
  const name = nameRefusal(view, joiner.name);
  if (name) return name;
  if (headcount(view) >= cap) {
    return refusal('meeting_full', 'meeting_full', { cap });
  }
  return view.locked ? { let: 'wait' } : { let: 'in' };
}

/** Everyone who holds a place: participants not removed (present or not), and those waiting. */
export function headcount(view: MeetingView): number {
  const people = Object.values(view.participants).filter((p) => !p.removed).length;
  return people + Object.keys(view.waiting ?? {}).length;
}

/** Words no participant's name may contain: they would pass for a role in the minutes. */
const RESERVED = [
  'facilitator',
  'facilitation',
  'moderator',
  'host',
  'admin',
  'administrator',
  'system',
  'circlewise',
];

/** Names compare without case and without whitespace: "Ana Maria" is "anamaria". */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, '');
}

/** A name that is someone else's, or passes for a role, is refused with what to do instead. */
export function nameRefusal(view: MeetingView, name: string): Refusal | null {
  const words = name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}]+/u);
  const role = words.find((w) => RESERVED.includes(w));
  if (role) {
    return refusal('name_taken', 'name_passes_for_role', { name, role });
  }
  const key = nameKey(name);
  const taken = [
    ...Object.values(view.participants).filter((p) => !p.removed),
    ...Object.values(view.waiting ?? {}),
  ].find((p) => nameKey(p.name) === key);
  if (taken) {
    return refusal('name_taken', 'name_taken', { name: taken.name });
  }
  return null;
}

/** The facilitator's commands about the door, checked against the meeting as it is. */
export function doorRule(view: MeetingView, event: MeetingEvent): Refusal | null {
  switch (event.type) {
    case 'meeting.locked':
      return view.locked ? refusal('not_allowed', 'meeting_already_locked') : null;
    case 'meeting.unlocked':
      return view.locked ? null : refusal('not_allowed', 'meeting_not_locked');
    case 'participant.waiting':
      return view.participants[event.participantId] || view.waiting?.[event.participantId]
        ? refusal('not_allowed', 'device_already_known')
        : null;
    case 'participant.admitted':
    case 'participant.refused':
      return view.waiting?.[event.participantId] ? null : refusal('not_found', 'nobody_waiting_with_id');
    case 'participant.removed': {
      const who = view.participants[event.participantId];
      if (!who || who.removed) return refusal('not_found', 'no_such_participant_to_remove');
      return view.facilitatorId === who.id
        ? refusal('not_allowed', 'remove_facilitator_first', { name: who.name })
        : null;
    }
    case 'participant.joined':
      // A removed participant's join is never recorded, however it is asked.
      return view.participants[event.participantId]?.removed
        ? refusal('removed', 'participant_removed')
        : null;
    default:
      return null;
  }
}
