/**
 * Test helper for the model-based path tests of both machines: events stamped for a replay, the
 * shortest paths from a prologue, and the replay of every path on a fresh actor (STYLE.md: paths
 * generated, replayed per state, assertions at each step). Not used by the server.
 */
import type { MeetingEvent, NewEvent } from '@circlewise/shared/events';
import { getShortestPaths } from '@xstate/graph';
import { expect } from 'vitest';
import { type AnyStateMachine, createActor, type SnapshotFrom } from 'xstate';
import { T0, testId } from './testHarness';

export const stamp = (body: NewEvent, seq: number): MeetingEvent =>
  ({ ...body, seq, at: T0 + seq * 1000, commandId: testId(seq, 0xc0de) }) as MeetingEvent;

export interface PathModel<TLogic extends AnyStateMachine> {
  machine: TLogic;
  prologue: readonly MeetingEvent[];
  /** Sample events for a state: what decide could record there, and some it must refuse. */
  proposals: (snapshot: SnapshotFrom<TLogic>) => MeetingEvent[];
  /** An abstraction of the state, so the space is finite. */
  serialize: (snapshot: SnapshotFrom<TLogic>) => string;
}

function startActor<TLogic extends AnyStateMachine>(model: PathModel<TLogic>) {
  const actor = createActor(model.machine, { input: undefined }).start();
  for (const e of model.prologue) actor.send(e as never);
  return actor;
}

export function shortestPaths<TLogic extends AnyStateMachine>(model: PathModel<TLogic>) {
  return getShortestPaths(model.machine, {
    fromState: startActor(model).getSnapshot(),
    events: model.proposals as never,
    serializeState: model.serialize as never,
    limit: 200_000,
  });
}

/**
 * Replays every path on a fresh actor: each event must be accepted and lead to the state the
 * graph reached; `check` runs the invariants before and after each step. Shortest paths form a
 * tree, so replaying its leaves passes through every reached state; returns how many.
 */
export function replayEveryPath<TLogic extends AnyStateMachine>(
  model: PathModel<TLogic>,
  paths: ReturnType<typeof shortestPaths<TLogic>>,
  check: (before: SnapshotFrom<TLogic>, event: MeetingEvent, after: SnapshotFrom<TLogic>) => void,
): number {
  const serialize = model.serialize;
  const inner = new Set(paths.flatMap((p) => p.steps.slice(0, -1).map((s) => serialize(s.state as never))));
  const leaves = paths.filter((p) => !inner.has(serialize(p.state as never)));
  const checked = new Set<string>();
  for (const path of leaves) {
    const actor = startActor(model);
    const steps = path.steps.filter((s) => (s.event as { type: string }).type !== 'xstate.init');
    for (const [i, step] of steps.entries()) {
      // Renumber: the graph's representative states may sit at another seq than this replay.
      const seq = model.prologue.length + i + 1;
      const event = { ...(step.event as MeetingEvent), seq, at: T0 + seq * 1000 } as MeetingEvent;
      const before = actor.getSnapshot() as SnapshotFrom<TLogic>;
      const accepts = (before as unknown as { can(e: MeetingEvent): boolean }).can(event);
      expect(accepts, `${event.type} after ${serialize(before)}`).toBe(true);
      actor.send(event as never);
      const after = actor.getSnapshot() as SnapshotFrom<TLogic>;
      expect(serialize(after)).toBe(serialize(step.state as never));
      check(before, event, after);
      checked.add(serialize(after));
    }
  }
  return checked.size;
}
