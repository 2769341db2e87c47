/**
 * Timeboxes (T1, A7): the facilitator may put a deadline on the current item's current stage.
 * The deadline is an absolute time (ms since the epoch, server clock) recorded in an event, so a
 * restart neither loses nor resets it. The meeting's view holds at most one timebox, and only
 * while the stage it was set for is current: leaving that stage (or that item) ends it, so no
 * screen counts down for a stage the meeting has left. Time never moves a stage (T2).
 */
import { CONSENT_STAGES, ELECTION_STAGES } from './constants';

/** Every stage a timebox can be set on: a decision's, an election's, and a round's open stage. */
export const TIMEBOX_STAGES = [...new Set<string>([...CONSENT_STAGES, ...ELECTION_STAGES, 'open'])] as [
  string,
  ...string[],
];
/** Any stage a timebox can be set on: a decision's, an election's, or an open round. */
export type TimeboxStage = string;

/** A circle's default timebox per stage, in whole minutes (T1); a stage left out has the app's default. */
export type TimeboxMinutes = Partial<Record<string, number>>;
export const TIMEBOX_MINUTES_MAX = 240;

export interface Timebox {
  itemId: string;
  stage: TimeboxStage;
  /** Absolute deadline, server clock (A7). */
  deadline: number;
  /** When the timebox was set or last extended, server clock. */
  setAt: number;
}

/** Bounds of a timebox's duration, in seconds (zod validates commands against these). */
export const TIMEBOX_LIMITS = { minSeconds: 10, maxSeconds: 4 * 60 * 60 } as const;

/** The app's default timebox per stage, in minutes, where the circle sets none (or outside a circle). */
export const DEFAULT_TIMEBOX_MINUTES: Record<string, number> = {
  proposal: 5,
  clarifying: 10,
  reactions: 10,
  objections: 5,
  consent: 5,
  role: 5,
  nominations: 5,
  changes: 10,
  open: 10,
};

/**
 * The minutes the console pre-fills for a stage: the circle's default for it, as the meeting
 * recorded it when it was made (A7), else the app's (any stage not named: 5).
 */
export function defaultTimeboxMinutes(stage: string, circle?: TimeboxMinutes): number {
  return circle?.[stage] ?? DEFAULT_TIMEBOX_MINUTES[stage] ?? 5;
}

/**
 * The timebox kept only while the stage it was set for is current: a view whose current item or
 * its stage moved on has none. Applied after every event, so a stage change or item change ends it.
 */
export function withLiveTimebox<
  V extends { timebox?: Timebox; currentItemId: string; views: Record<string, { stage: string }> },
>(view: V): V {
  const t = view.timebox;
  if (!t) return view;
  if (t.itemId === view.currentItemId && view.views[t.itemId]?.stage === t.stage) return view;
  const { timebox: _ended, ...rest } = view;
  return rest as V;
}
