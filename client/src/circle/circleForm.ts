/**
 * The circle forms' checks ("Start a circle", and changing a circle's details), in words for the
 * person filling them in. The server checks the same limits again with createCircleSchema and
 * updateCircleSchema (their messages name fields, not people's words).
 */
import type { Circle, CircleChanges, CreateCircleRequest } from '@circlewise/shared/circles';
import { LIMITS } from '@circlewise/shared/constants';

export interface CircleDraft {
  name: string;
  aim: string;
  reviewMonths: string;
  /** One name per line, as typed. */
  members: string;
}

export type CircleField = keyof CircleDraft;

/** What the form sets; a circle's default timeboxes (T1) are not on this form yet. */
export type CircleRequest = Required<Omit<CreateCircleRequest, 'timeboxMinutes'>>;

export type Checked =
  | { ok: true; request: CircleRequest }
  | { ok: false; field: CircleField; message: string };

const MAX_MEMBERS = 200;

export function memberNames(members: string): string[] {
  return members
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function checkCircle(draft: CircleDraft): Checked {
  const name = draft.name.trim();
  if (!name) return { ok: false, field: 'name', message: 'Give the circle a name.' };
  if (name.length > LIMITS.title)
    return { ok: false, field: 'name', message: `The name can be at most ${LIMITS.title} characters.` };
  const aim = draft.aim.trim();
  if (aim.length > LIMITS.text)
    return { ok: false, field: 'aim', message: `The aim can be at most ${LIMITS.text} characters.` };
  const months = draft.reviewMonths.trim();
  const reviewMonths = Number(months);
  if (!/^\d+$/.test(months) || reviewMonths < 1 || reviewMonths > 60) {
    return {
      ok: false,
      field: 'reviewMonths',
      message: 'The review period must be a whole number of months, from 1 to 60.',
    };
  }
  const members = memberNames(draft.members);
  if (members.length > MAX_MEMBERS) {
    return { ok: false, field: 'members', message: `A circle can list at most ${MAX_MEMBERS} members.` };
  }
  const long = members.find((m) => m.length > LIMITS.name);
  if (long) {
    return {
      ok: false,
      field: 'members',
      message: `“${long.slice(0, 24)}…” is longer than ${LIMITS.name} characters: shorten that name.`,
    };
  }
  // Two lines with one name would make the register ambiguous about who is who.
  const twice = members.find((m, i) => members.indexOf(m) !== i);
  if (twice) {
    return {
      ok: false,
      field: 'members',
      message: `“${twice}” is listed twice: list each member once (add an initial to tell two apart).`,
    };
  }
  return { ok: true, request: { name, aim, reviewMonths, members } };
}

/** The form pre-filled with a circle's details as they stand: members one per line. */
export function circleDraft(circle: Circle): CircleDraft {
  return {
    name: circle.name,
    aim: circle.aim,
    reviewMonths: String(circle.reviewMonths),
    members: circle.members.join('\n'),
  };
}

/**
 * What a checked form changes in the circle, and nothing else: a detail left as it was is not
 * sent, so it cannot undo another member's change to it made meanwhile.
 */
export function circleChanges(circle: Circle, checked: CircleRequest): CircleChanges {
  const sameMembers =
    checked.members.length === circle.members.length &&
    checked.members.every((m, i) => m === circle.members[i]);
  return {
    ...(checked.name !== circle.name && { name: checked.name }),
    ...(checked.aim !== circle.aim && { aim: checked.aim }),
    ...(checked.reviewMonths !== circle.reviewMonths && { reviewMonths: checked.reviewMonths }),
    ...(!sameMembers && { members: checked.members }),
  };
}
