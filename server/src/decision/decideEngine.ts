/**
 * The generic DECIDE step that every kind of agenda item shares. A command becomes the events it
 * would record (the kind's `toEvents`, which only builds them); the item's machine says whether
 * each may happen; when it says no, the refusal a person reads comes from the guard that said it
 * (one home per rule), never from a second function that works the refusal out again.
 *
 * The machine keeps no copy of the item (A5): for each decision it is given a transient snapshot
 * resolved from the meeting's one view, `stateOf(view)` for where the item is and the seated view
 * as its context. Pure: the clock and the id source come in `DecideEnv`.
 */
import type { Command } from '@circlewise/shared/commands';
import { type WireError, wireError } from '@circlewise/shared/errors';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import { FACILITATOR } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import type { PlainReason } from '@circlewise/shared/refusals';
import type { Refusal } from '@circlewise/shared/rules';
import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';

export type Caller = { role: 'facilitator' } | { role: 'participant'; participantId: string };

export type Decision = { ok: true; events: MeetingEvent[] } | { ok: false; error: WireError };

export interface DecideEnv {
  now: number;
  newId: () => string;
  /** The circle's review period (R3, C9): months from adoption to review when none is given. */
  reviewMonths?: number;
  /** The time of the meeting's last recorded event: how long it has been idle (A7). */
  lastEventAt?: number;
}

/** A refusal: the one way the decision layer says no (the wire's error, code and message). */
export const refusal = wireError;

/** The author every event of a command carries: the facilitator's role, or the participant. */
export const authorOf = (caller: Caller): string =>
  caller.role === 'facilitator' ? FACILITATOR : caller.participantId;

/** The seq is stamped here and nowhere else: each event of a command gets the meeting's next. */
export function stamp(
  bodies: readonly EventBody[],
  afterSeq: number,
  by: string,
  env: Pick<DecideEnv, 'now'>,
  commandId: string,
): MeetingEvent[] {
  return bodies.map(
    (body, i) => ({ ...body, by, seq: afterSeq + 1 + i, at: env.now, commandId }) as MeetingEvent,
  );
}

/**
 * A guard of an item's machine, written as the rule it enforces. `selects` says whether the
 * transition is the one the event asks for at all (a move's target, an outcome's kind); `allows`
 * is the rule, returning the refusal a person reads, or null. The machine's boolean guard is
 * both together (`machineGuards`), so what the machine decides and what the person reads cannot
 * disagree.
 */
export interface Guard<TView, TParams = undefined> {
  selects?: (view: TView, event: MeetingEvent, params: TParams) => boolean;
  allows: (view: TView, event: MeetingEvent, params: TParams) => Refusal | null;
}

type GuardTable<TView> = Record<string, Guard<TView, never>>;
type ParamsOf<G> = G extends Guard<never, infer P> ? P : never;

/** The guards for `setup({ guards })`: each rule as XState's boolean guard over the context's view. */
export function machineGuards<TView, G extends GuardTable<TView>>(
  guards: G,
): {
  [K in keyof G]: (
    args: { context: { view: TView }; event: MeetingEvent },
    params: ParamsOf<G[K]>,
  ) => boolean;
} {
  const out: Record<string, unknown> = {};
  for (const [name, guard] of Object.entries(guards)) {
    const g = guard as Guard<TView, unknown>;
    out[name] = ({ context, event }: { context: { view: TView }; event: MeetingEvent }, params: unknown) =>
      (g.selects?.(context.view, event, params) ?? true) && g.allows(context.view, event, params) === null;
  }
  return out as never;
}

/** What differs between the kinds of agenda item when a command is decided. */
export interface ItemLogic<TView extends { stage: string }> {
  machine: AnyStateMachine;
  guards: GuardTable<Seated<TView>>;
  /** Where the item is, as the machine's state: the machine's own part of the state (A5). */
  stateOf: (view: TView) => { value: StateValue; done: boolean };
  /** Said when a command arrives after the outcome. */
  finished: PlainReason;
  /** The events a command would record. Builds them; the machine's guards judge them. */
  toEvents: (view: Seated<TView>, command: Command, by: string, env: DecideEnv) => EventBody[] | Refusal;
  /** C3: what to say when nothing in the item's present stage takes this event. */
  notNow: (view: Seated<TView>, event: MeetingEvent) => Refusal;
  /** The item's reducer (shared/, A5): the same function every screen applies. */
  reduce: (view: TView, event: MeetingEvent) => TView;
}

/** The machine's snapshot for a view, resolved for this one decision and then dropped. */
export function snapshotOf<TView extends { stage: string }>(
  logic: ItemLogic<TView>,
  view: Seated<TView>,
): AnyMachineSnapshot {
  const { value, done } = logic.stateOf(view);
  return logic.machine.resolveState({ value, context: { view }, status: done ? 'done' : 'active' });
}

/** Would the item's machine take this event now? Null if so; otherwise the rule's refusal. */
export function admitsInItem<TView extends { stage: string }>(
  logic: ItemLogic<TView>,
  view: Seated<TView>,
  event: MeetingEvent,
): Refusal | null {
  const snapshot = snapshotOf(logic, view);
  if (snapshot.status === 'done') return refusal('meeting_closed', logic.finished);
  // Enabled transitions, not `snapshot.can`: a transition here has no actions (the machine keeps
  // no copy to assign to), and `can` counts a targetless one without actions as not taken.
  if (logic.machine.getTransitionData(snapshot as never, event as never).length > 0) return null;
  return refusalOf(logic, snapshot, view, event) ?? logic.notNow(view, event);
}

/**
 * The refusal of the guard that turned the event away: among the transitions of the active
 * states for this event, deepest state first (the order XState itself tries them), the first
 * one that the event selects. None selected: nothing here takes the event (`notNow`).
 */
function refusalOf<TView extends { stage: string }>(
  logic: ItemLogic<TView>,
  snapshot: AnyMachineSnapshot,
  view: Seated<TView>,
  event: MeetingEvent,
): Refusal | undefined {
  const nodes = [...snapshot._nodes].sort((a, b) => b.path.length - a.path.length);
  for (const node of nodes) {
    for (const transition of node.transitions.get(event.type) ?? []) {
      const ref = transition.guard as string | { type: string; params?: unknown } | undefined;
      if (ref === undefined) return undefined;
      const { type, params } = typeof ref === 'string' ? { type: ref, params: undefined } : ref;
      const guard = logic.guards[type] as Guard<Seated<TView>, unknown> | undefined;
      if (!guard) throw new Error(`guard ${type} is not written as a rule`);
      if (guard.selects && !guard.selects(view, event, params)) continue;
      return guard.allows(view, event, params) ?? undefined;
    }
  }
  return undefined;
}

/**
 * Where a decision or an election is, as its machine's state: its outcome once recorded (a final
 * state), otherwise the stage within `open`.
 */
export function consentItemState(view: { stage: string; outcome?: { outcome: string } }): {
  value: StateValue;
  done: boolean;
} {
  return view.outcome
    ? { value: view.outcome.outcome, done: true }
    : { value: { open: view.stage }, done: false };
}
