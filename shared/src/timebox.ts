/**
 * Timeboxes (T1, A7): the facilitator may put a deadline on the current item's current stage.
 * The deadline is an absolute time (ms since the epoch, server clock) recorded in an event, so a
 * restart neither loses nor resets it. The meeting's view holds at most one timebox, and only
 * while the stage it was set for is current: leaving that stage (or that item) ends it, so no
 * screen counts down for a stage the meeting has left. Time never moves a stage (T2).
 */
import type { ItemKind } from './constants';

/** Any stage a timebox can be set on: a decision's, an election's, or an open round. */
export type TimeboxStage = string;

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

/**
 * Default timebox per stage, in minutes, pre-filled on the console. Not yet a circle setting:
 * one constant for every meeting (issue 10, T1 "defaults per stage" is partly built).
 */
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

/** The default minutes for a stage of an item of this kind (any stage not named: 5). */
export function defaultTimeboxMinutes(stage: string, _kind?: ItemKind): number {
  return DEFAULT_TIMEBOX_MINUTES[stage] ?? 5;
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
