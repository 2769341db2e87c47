/**
 * Test helper: a meeting of either kind driven the way the gateway drives it (permissions →
 * validate → decide → apply), with a deterministic clock and id source, so tests read as a
 * sequence of commands. testMeeting.ts and testElection.ts build on it. Not used by the server.
 */
import { type Command, type CommandInput, commandSchema } from '@circlewise/shared/commands';
import type { MeetingEvent, NewEvent } from '@circlewise/shared/events';
import { type Actor, type AnyStateMachine, createActor, type SnapshotFrom } from 'xstate';
import { permissionError } from '../access/permissions';
import type { Caller, DecideEnv, Decision } from './decideEngine';

/** A valid v4 uuid made from a counter: readable in failures, stable across runs. */
export function testId(n: number, prefix = 0): string {
  const hex = `${prefix.toString(16).padStart(4, '0')}${n.toString(16).padStart(8, '0')}`;
  return `00000000-0000-4000-8000-${hex}`;
}

export const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
export const MEETING_ID = testId(1, 0xfeed);
export const facilitator: Caller = { role: 'facilitator' };
export const participant = (participantId: string): Caller => ({ role: 'participant', participantId });

/** Command without its id: the helper gives each one a fresh commandId. */
export type Cmd = CommandInput extends infer C
  ? C extends { commandId: string }
    ? Omit<C, 'commandId'>
    : never
  : never;

/** The reducer's view a machine keeps as its context. */
export type ViewOf<TLogic extends AnyStateMachine> =
  SnapshotFrom<TLogic> extends { context: { view: infer V } } ? V : never;

/** What the harness itself needs of either machine's snapshot. */
interface CheckedSnapshot {
  context: { view: { seq: number } };
  can(event: MeetingEvent): boolean;
}

export interface Harness<TLogic extends AnyStateMachine> {
  actor: Actor<TLogic>;
  /** Every recorded event, in order: the meeting's log. */
  log: MeetingEvent[];
  /** Participant ids by name. */
  ids: Record<string, string>;
  view(): ViewOf<TLogic>;
  /** Validate, decide and (when accepted) apply one command; returns the decision. */
  run(cmd: Cmd, caller: Caller): Decision;
  /** Like run, but fails the test when refused. */
  ok(cmd: Cmd, caller: Caller): MeetingEvent[];
  /** Like run, but fails the test unless refused; returns the error code. Nothing is recorded. */
  refused(cmd: Cmd, caller: Caller): string;
  /** Record a bare event, as a replay or the server itself would (join, leave). */
  record(body: NewEvent): MeetingEvent;
  join(name: string): string;
  /** Who is `name`, as a caller. */
  as(name: string): Caller;
  id(name: string): string;
  /** The clock: each event is a second after the last unless moved. */
  tick(ms?: number): void;
  now(): number;
}

export interface HarnessOptions<TLogic extends AnyStateMachine> {
  machine: TLogic;
  decide: (snapshot: SnapshotFrom<TLogic>, command: Command, caller: Caller, env: DecideEnv) => Decision;
  /** Refuse what the gateway's permission table refuses, before deciding. */
  checkPermissions: boolean;
}

export function startHarness<TLogic extends AnyStateMachine>(
  options: HarnessOptions<TLogic>,
): Harness<TLogic> {
  const actor = createActor(options.machine, { input: undefined }).start() as Actor<TLogic>;
  const log: MeetingEvent[] = [];
  const ids: Record<string, string> = {};
  let clock = T0;
  let nextId = 1;
  let nextCommand = 1;
  const newId = () => testId(nextId++, 0xaaaa);
  const snapshot = () => actor.getSnapshot() as SnapshotFrom<TLogic>;
  const checked = () => actor.getSnapshot() as unknown as CheckedSnapshot;

  const append = (events: MeetingEvent[]) => {
    for (const e of events) {
      log.push(e);
      actor.send(e as never);
    }
  };

  const m: Harness<TLogic> = {
    actor,
    log,
    ids,
    view: () => checked().context.view as ViewOf<TLogic>,
    now: () => clock,
    tick: (ms = 1000) => {
      clock += ms;
    },
    run(cmd, caller) {
      const command = commandSchema.parse({ commandId: testId(nextCommand++, 0xc0de), ...cmd });
      const denied = options.checkPermissions ? permissionError(command.type, caller.role) : null;
      const d: Decision = denied
        ? { ok: false, error: { code: 'forbidden', message: denied } }
        : options.decide(snapshot(), command, caller, { now: clock, newId });
      if (d.ok) append(d.events);
      clock += 1000;
      return d;
    },
    ok(cmd, caller) {
      const d = m.run(cmd, caller);
      if (!d.ok) throw new Error(`${cmd.type} refused: ${d.error.code}: ${d.error.message}`);
      return d.events;
    },
    refused(cmd, caller) {
      const before = log.length;
      const seq = checked().context.view.seq;
      const d = m.run(cmd, caller);
      if (d.ok) throw new Error(`${cmd.type} was accepted: ${JSON.stringify(d.events)}`);
      if (log.length !== before || checked().context.view.seq !== seq)
        throw new Error(`${cmd.type} refused but recorded`);
      if (!d.error.message.trim()) throw new Error(`${cmd.type} refused without a message`);
      return d.error.code;
    },
    record(body) {
      const e = {
        ...body,
        seq: checked().context.view.seq + 1,
        at: clock,
        commandId: testId(nextCommand++, 0xc0de),
      } as MeetingEvent;
      if (!checked().can(e)) throw new Error(`event refused: ${JSON.stringify(body)}`);
      append([e]);
      clock += 1000;
      return e;
    },
    join(name) {
      const id = ids[name] ?? newId();
      ids[name] = id;
      m.record({ type: 'participant.joined', participantId: id, name, by: id });
      return id;
    },
    id(name) {
      const id = ids[name];
      if (!id) throw new Error(`nobody called ${name}`);
      return id;
    },
    as: (name) => participant(m.id(name)),
  };
  return m;
}
