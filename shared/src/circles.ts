/**
 * Circles and their records (S3, R3): the REST contract between the server and the circle pages.
 * No accounts: a circle's member key (in its member link, `/c#<key>`) opens its records, and only
 * its own (S3). It reaches the API in an `Authorization: Bearer <key>` header, never in a path
 * (S10). Rotating the key needs the circle's keeper key and makes the old link stop working at once.
 */
import { z } from 'zod';
import { DEFAULT_REVIEW_MONTHS, LIMITS, MEETING_KINDS, type ReviewResult } from './constants';
import { TIMEBOX_MINUTES_MAX, TIMEBOX_STAGES, type TimeboxMinutes } from './timebox';

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, { error: `${what} must not be empty.` })
    .max(max, { error: `${what} must be at most ${max} characters.` });

/** A circle's details, each with the rules it has at creation and at every change. */
const details = {
  name: text(LIMITS.title, 'The circle’s name'),
  /** The circle's aim and domain, in the circle's own words. */
  aim: z
    .string({ error: 'The aim must be text.' })
    .trim()
    .max(LIMITS.text, { error: `The aim must be at most ${LIMITS.text} characters.` }),
  /** Months from adoption to an agreement's review, unless the decision sets its own date. */
  reviewMonths: z
    .number({ error: 'reviewMonths must be a number.' })
    .int({ error: 'reviewMonths must be a whole number.' })
    .min(1, { error: 'reviewMonths must be at least 1.' })
    .max(60, { error: 'reviewMonths must be at most 60.' }),
  /** T1: the circle's default timebox per stage, in whole minutes; copied into each new meeting. */
  timeboxMinutes: z.partialRecord(
    z.enum(TIMEBOX_STAGES, { error: `A timebox default is for a stage: ${TIMEBOX_STAGES.join(', ')}.` }),
    z
      .number({ error: 'A timebox default must be a number of minutes.' })
      .int({ error: 'A timebox default is a whole number of minutes.' })
      .min(1, { error: 'A timebox default is at least 1 minute.' })
      .max(TIMEBOX_MINUTES_MAX, { error: `A timebox default is at most ${TIMEBOX_MINUTES_MAX} minutes.` }),
  ),
  members: z
    .array(text(LIMITS.name, 'A member’s name'))
    .max(200, { error: 'A circle may list at most 200 members.' })
    // Names are how the records name people: two the same could not be told apart.
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
      error: 'Each member is listed once: two members with the same name cannot be told apart.',
    }),
};

/** POST /api/circles */
export const createCircleSchema = z.strictObject({
  name: details.name,
  aim: details.aim.default(''),
  reviewMonths: details.reviewMonths.default(DEFAULT_REVIEW_MONTHS),
  members: details.members.default([]),
  timeboxMinutes: details.timeboxMinutes.optional(),
});
export type CreateCircleRequest = z.input<typeof createCircleSchema>;

/**
 * PATCH /api/circle: the details to change, each optional, with creation's rules. A field
 * left out stays as it is, so two members changing different details do not undo each other.
 * A new review period applies to meetings made afterwards: each meeting keeps the period it was
 * created with (its `meeting.created` event), so an open meeting is not changed under it.
 */
export const updateCircleSchema = z
  .strictObject({
    name: details.name.optional(),
    aim: details.aim.optional(),
    reviewMonths: details.reviewMonths.optional(),
    members: details.members.optional(),
    timeboxMinutes: details.timeboxMinutes.optional(),
  })
  .refine((changes) => Object.values(changes).some((v) => v !== undefined), {
    error: 'Give at least one detail to change: name, aim, reviewMonths or members.',
  });
export type UpdateCircleRequest = z.input<typeof updateCircleSchema>;
/** The details a circle's member may change; the rest (id, creation time, key) never change. */
export type CircleChanges = Partial<
  Pick<Circle, 'name' | 'aim' | 'reviewMonths' | 'members' | 'timeboxMinutes'>
>;

/** POST /api/circle/meetings: a meeting held in the circle, its first item of `kind`. */
export const createCircleMeetingSchema = z.strictObject({
  title: text(LIMITS.title, 'The title').optional(),
  kind: z.enum(MEETING_KINDS, { error: 'kind must be decision or election.' }).default('decision'),
});

export interface CircleCreated {
  circleId: string;
  /** The capability: whoever has it reads the circle's records. Shown once; kept in the link. */
  memberKey: string;
  /**
   * Needed, with the member link, to make a new member link (rotation). Shown once, kept by the
   * person who looks after the circle; only its hash is stored.
   */
  keeperKey: string;
}

export interface Circle {
  id: string;
  name: string;
  aim: string;
  reviewMonths: number;
  members: string[];
  createdAt: number;
  /** T1: default timebox minutes per stage; absent: the app's defaults. */
  timeboxMinutes?: TimeboxMinutes;
}

export interface CircleMeeting {
  code: string;
  title: string;
  createdAt: number;
  /** Set once the meeting is closed; an open meeting is where "put on the agenda" adds items. */
  closedAt: number | null;
}

/** Where an agreement stands against its review date, on the day asked. */
export type ReviewDue = 'overdue' | 'due' | 'later' | 'none';

export interface AgreementReview {
  at: number;
  result: ReviewResult;
  meetingCode: string;
  /** The review date set by this review (absent for a drop). */
  reviewDate?: string;
}

/** R3: an agreement in the circle's register, as it stands after its latest review. */
export interface Agreement {
  id: string;
  title: string;
  driver: string;
  text: string;
  concerns: string[];
  /** Who is responsible for it; absent when its adoption (and reviews) named no one. */
  responsible?: string;
  /** How the circle will know it works: the criteria its review looks at; absent when none given. */
  evaluation?: string;
  adoptedAt: number;
  reviewDate: string | null;
  status: 'active' | 'dropped';
  /** `due`: the review date is within the next 30 days; `overdue`: it has passed. */
  due: ReviewDue;
  /** The meeting where it was adopted (its minutes link: /c/m/<code>#<key>). */
  meetingCode: string;
  reviews: AgreementReview[];
}

/** R3 / E5: a role held in the circle. */
export interface CircleRole {
  role: string;
  person: string;
  termStart: string;
  termEnd: string;
  electedAt: number;
  meetingCode: string;
}

/** GET /api/circle — agreements due or overdue first, then by review date. */
export interface CircleOverview {
  circle: Circle;
  meetings: CircleMeeting[];
  agreements: Agreement[];
  roles: CircleRole[];
  /**
   * Whether rotating the member link needs a keeper key. False only for a circle made before
   * keeper keys: its next rotation mints one and returns it once.
   */
  hasKeeperKey: boolean;
}

/** GET /api/circle/search?q= — FTS5 over the circle's minutes and agreements. */
export interface SearchHit {
  kind: 'minutes' | 'agreement';
  meetingCode: string;
  title: string;
  /** The matching text with the matches wrapped in [ and ]. */
  snippet: string;
  at: number;
  agreementId?: string;
}

/** POST /api/circle/agreements/:id/review */
export interface ReviewScheduled {
  meetingCode: string;
  itemId: string;
  /** Set when no meeting was open, so a new one was made: the key of its facilitator. */
  facilitatorKey?: string;
}

/** POST /api/circle/rotate: the keeper key, in the body (never in a path; S10). */
export const rotateCircleSchema = z.strictObject({
  keeperKey: z.string({ error: 'The keeper key must be text.' }).trim().max(200).optional(),
});
export type RotateCircleRequest = z.input<typeof rotateCircleSchema>;

/** POST /api/circle/rotate */
export interface KeyRotated {
  memberKey: string;
  /** Set only when the circle had no keeper key yet (made before them): the new one, shown once. */
  keeperKey?: string;
}

/** S10: a circle's page; the key in the fragment, which the browser never sends to a server. */
export function circlePath(key: string): string {
  return `/c#${encodeURIComponent(key)}`;
}

/** A meeting's minutes read through its circle: `/c/m/<code>#<key>`. */
export function circleMinutesPath(key: string, code: string): string {
  return `/c/m/${encodeURIComponent(code)}#${encodeURIComponent(key)}`;
}
