/**
 * Test helper for the model-based path tests: @xstate/graph explores a meeting whose one item is
 * of a given kind, as an actor logic whose transition is the server's own rule (`admits`, then
 * the shared reducer); every shortest path found is then replayed through a LiveMeeting, with
 * checks at each step (STYLE.md: paths generated, replayed per state, assertions at each step).
 *
 * A state is the meeting's view; `value` and `status` are the item machine's, resolved from it
 * (A5: the machine keeps no copy), and `context.view` is the item seated in its meeting.
 */
import type { MeetingEvent, NewEvent } from '@circlewise/shared/events';
import {
  currentItem,
  emptyMeetingView,
  type ItemView,
  type MeetingView,
  reduceMeeting,
  type Seated,
  seated,
} from '@circlewise/shared/meeting';
import { getShortestPaths } from '@xstate/graph';
import { expect } from 'vitest';
import type { ActorLogic, StateValue } from 'xstate';
import { admits, logicOf } from '../../src/decision/meetingDecide';
import { LiveMeeting } from '../../src/meeting/liveMeeting';
import { MEETING_ID, machineAgrees, T0, testId } from './testHarness';

export const stamp = (body: NewEvent, seq: number): MeetingEvent =>
  ({ ...body, seq, at: T0 + seq * 1000, commandId: testId(seq, 0xc0de) }) as MeetingEvent;

export interface PathSnapshot<V extends ItemView> {
  status: 'active' | 'done';
  output: undefined;
  error: undefined;
  value: StateValue;
  context: { view: Seated<V> };
  meeting: MeetingView;
}

export interface PathModel<V extends ItemView> {
  prologue: readonly MeetingEvent[];
  /** Sample events for a state: what decide could record there, and some it must refuse. */
  proposals: (snapshot: PathSnapshot<V>) => MeetingEvent[];
  /** An abstraction of the state, so the space is finite. */
  serialize: (snapshot: PathSnapshot<V>) => string;
}

export function snapshotFor<V extends ItemView>(meeting: MeetingView): PathSnapshot<V> {
  const item = currentItem(meeting);
  if (!item) throw new Error('the meeting has no item');
  const { value, done } = logicOf(item).stateOf(item);
  return {
    status: done ? 'done' : 'active',
    output: undefined,
    error: undefined,
    value,
    context: { view: seated(meeting, item) as unknown as Seated<V> },
    meeting,
  };
}

/** The meeting as an actor logic: an event the rules refuse leaves the state as it was. */
function meetingLogic<V extends ItemView>(
  prologue: readonly MeetingEvent[],
): ActorLogic<PathSnapshot<V>, MeetingEvent> {
  return {
    transition: (snapshot, event) =>
      admits(snapshot.meeting, event) ? snapshot : snapshotFor<V>(reduceMeeting(snapshot.meeting, event)),
    getInitialSnapshot: () => snapshotFor<V>(prologue.reduce(reduceMeeting, emptyMeetingView())),
    getPersistedSnapshot: (snapshot) => snapshot,
  };
}

export function shortestPaths<V extends ItemView>(model: PathModel<V>) {
  return getShortestPaths(meetingLogic<V>(model.prologue), {
    events: model.proposals as never,
    serializeState: model.serialize as never,
    limit: 200_000,
  });
}

/**
 * Replays every path through a LiveMeeting started from the prologue: each event must be one the
 * meeting takes (`can`, the check DECIDE and replay use), must lead to the state the graph
 * reached, and the item's machine stepped by it must land where the view says (A5); `check` runs
 * the invariants after each step. Shortest paths form a tree, so replaying its leaves passes
 * through every reached state; returns how many.
 */
export function replayEveryPath<V extends ItemView>(
  model: PathModel<V>,
  paths: ReturnType<typeof shortestPaths<V>>,
  check: (before: PathSnapshot<V>, event: MeetingEvent, after: PathSnapshot<V>) => void,
): number {
  const serialize = model.serialize;
  const inner = new Set(paths.flatMap((p) => p.steps.slice(0, -1).map((s) => serialize(s.state as never))));
  const leaves = paths.filter((p) => !inner.has(serialize(p.state as never)));
  const checked = new Set<string>();
  for (const path of leaves) {
    const live = new LiveMeeting(MEETING_ID, 'ABC123', model.prologue);
    const steps = path.steps.filter((s) => (s.event as { type: string }).type !== 'xstate.init');
    for (const [i, step] of steps.entries()) {
      // Renumber: the graph's representative states may sit at another seq than this replay.
      const seq = model.prologue.length + i + 1;
      const event = { ...(step.event as MeetingEvent), seq, at: T0 + seq * 1000 } as MeetingEvent;
      const before = snapshotFor<V>(live.view);
      expect(live.can(event), `${event.type} after ${serialize(before)}`).toBe(true);
      live.apply([event]);
      const after = snapshotFor<V>(live.view);
      machineAgrees(before.meeting, event, after.meeting);
      expect(serialize(after)).toBe(serialize(step.state as never));
      check(before, event, after);
      checked.add(serialize(after));
    }
  }
  return checked.size;
}
