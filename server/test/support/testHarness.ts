/**
 * Test helper: a meeting driven the way the server drives it, through `LiveMeeting` (DECIDE on the
 * meeting's one view, then APPLY of what was decided), with a deterministic clock and id source,
 * so tests read as a sequence of commands. Permissions, which the transports check before
 * DECIDE, can be checked too. testMeeting.ts and testElection.ts build on it.
 *
 * After every recorded item event it also checks that the item's machine, taking that event,
 * lands where the reduced view says the item now is (A5: the machine decides from the view and
 * keeps no copy of it, so the two cannot drift).
 */
import { type Command, type CommandInput, commandSchema } from '@circlewise/shared/commands';
import { wireError } from '@circlewise/shared/errors';
import type { MeetingEvent, NewEvent } from '@circlewise/shared/events';
import {
  currentItem,
  type ItemView,
  isMeetingEvent,
  type MeetingView,
  type Seated,
  seated,
} from '@circlewise/shared/meeting';
import { englishRefusal, isRefusalReason } from '@circlewise/shared/refusals';
import { type AnyMachineSnapshot, getNextSnapshot, type StateValue } from 'xstate';
import { permissionError } from '../../src/access/permissions';
import { type Caller, type Decision, snapshotOf } from '../../src/decision/decideEngine';
import { admits, logicOf } from '../../src/decision/meetingDecide';
import { LiveMeeting } from '../../src/meeting/liveMeeting';

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

/** Where the current item is, as its machine sees it, and what it would take next. */
export interface ItemState {
  value: StateValue;
  status: 'active' | 'done';
  /** Would the meeting record this event now (the same check DECIDE and replay use)? */
  can(event: MeetingEvent): boolean;
}

export interface Harness<TView extends ItemView> {
  live: LiveMeeting;
  /** Every recorded event, in order: the meeting's log. */
  log: MeetingEvent[];
  /** Participant ids by name. */
  ids: Record<string, string>;
  /** The current item with the meeting's participants beside it. */
  view(): Seated<TView>;
  /** The current item's own view, as the meeting keeps it (no participants). */
  item(): TView;
  /** The current item's state, read from the meeting's view as it is now. */
  state(): ItemState;
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

export interface HarnessOptions {
  /** Refuse what the transports' permission table refuses, before deciding. */
  checkPermissions: boolean;
}

/** The item's state as its machine sees it, for the meeting as it is (nothing kept). */
export function itemState(meeting: MeetingView): ItemState {
  const item = currentItem(meeting);
  if (!item) throw new Error('the meeting has no item');
  const { value, done } = logicOf(item).stateOf(item);
  return { value, status: done ? 'done' : 'active', can: (event) => admits(meeting, event) === null };
}

/**
 * A5: the item's machine, resolved from the view before an item event and stepped by it, is in
 * the state that the reduced view says. Throws when they differ. Meeting events are the
 * meeting's, not a machine's.
 */
export function machineAgrees(before: MeetingView, event: MeetingEvent, after: MeetingView): void {
  const item = currentItem(before);
  if (!item || isMeetingEvent(event)) return;
  const logic = logicOf(item);
  const stepped = getNextSnapshot(
    logic.machine,
    snapshotOf(logic, seated(before, item)) as never,
    event as never,
  ) as AnyMachineSnapshot;
  const reduced = currentItem(after);
  if (!reduced) throw new Error(`no item after ${event.type}`);
  const expected = logic.stateOf(reduced).value;
  if (JSON.stringify(stepped.value) !== JSON.stringify(expected)) {
    throw new Error(
      `machine and view disagree after ${event.type}: machine ${JSON.stringify(stepped.value)}, view ${JSON.stringify(expected)}`,
    );
  }
}

export function startHarness<TView extends ItemView>(options: HarnessOptions): Harness<TView> {
  const live = new LiveMeeting(MEETING_ID, 'ABC123', []);
  const log: MeetingEvent[] = [];
  const ids: Record<string, string> = {};
  let clock = T0;
  let nextId = 1;
  let nextCommand = 1;
  const newId = () => testId(nextId++, 0xaaaa);

  const append = (events: readonly MeetingEvent[]) => {
    for (const e of events) {
      const before = live.view;
      log.push(e);
      live.apply([e]);
      machineAgrees(before, e, live.view);
    }
  };

  const m: Harness<TView> = {
    live,
    log,
    ids,
    view: () => {
      const item = currentItem(live.view);
      if (!item) throw new Error('the meeting has no item');
      return seated(live.view, item) as unknown as Seated<TView>;
    },
    item: () => {
      const item = currentItem(live.view);
      if (!item) throw new Error('the meeting has no item');
      return item as TView;
    },
    state: () => itemState(live.view),
    now: () => clock,
    tick: (ms = 1000) => {
      clock += ms;
    },
    run(cmd, caller) {
      const command: Command = commandSchema.parse({ commandId: testId(nextCommand++, 0xc0de), ...cmd });
      const denied = options.checkPermissions ? permissionError(command.type, caller.role) : null;
      const d: Decision = denied
        ? { ok: false, error: wireError('forbidden', denied) }
        : live.decide(command, caller, {
            now: clock,
            newId,
            // As the command runner does: the circle's review period, as the meeting recorded it.
            ...(live.view.reviewMonths !== undefined && { reviewMonths: live.view.reviewMonths }),
          });
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
      const seq = live.view.seq;
      const d = m.run(cmd, caller);
      if (d.ok) throw new Error(`${cmd.type} was accepted: ${JSON.stringify(d.events)}`);
      if (log.length !== before || live.view.seq !== seq) throw new Error(`${cmd.type} refused but recorded`);
      if (!d.error.message.trim()) throw new Error(`${cmd.type} refused without a message`);
      // Issue 12: a reason of the table, and the English made from it and its params.
      const { reason, params, message } = d.error;
      if (!isRefusalReason(reason) || message !== englishRefusal(reason, params)) {
        throw new Error(`${cmd.type} refused without a reason of the table: ${JSON.stringify(d.error)}`);
      }
      return d.error.code;
    },
    record(body) {
      const e = {
        ...body,
        seq: live.view.seq + 1,
        at: clock,
        commandId: testId(nextCommand++, 0xc0de),
      } as MeetingEvent;
      const refused = admits(live.view, e);
      if (refused) throw new Error(`event refused: ${refused.message}: ${JSON.stringify(body)}`);
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

/**
 * A8 with A11: the log replayed into a fresh LiveMeeting, as a restart does. Fails when the
 * replay quarantines the meeting (an event of the log that the rules now refuse).
 */
export function replayed(log: readonly MeetingEvent[]): LiveMeeting {
  const live = new LiveMeeting(MEETING_ID, 'ABC123', log);
  if (live.quarantine)
    throw new Error(`replay quarantined at seq ${live.quarantine.seq}: ${live.quarantine.reason}`);
  return live;
}
