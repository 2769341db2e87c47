/**
 * The generic DECIDE step every kind of agenda item shares: a command becomes the events it would
 * record, and the item's machine says whether each may happen. Pure: the clock and the id source
 * are passed in.
 */
import type { Command } from '@circlewise/shared/commands';
import type { WireError } from '@circlewise/shared/errors';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import { FACILITATOR } from '@circlewise/shared/events';
import { type AnyMachineSnapshot, type AnyStateMachine, getNextSnapshot, type SnapshotFrom } from 'xstate';

export type Caller = { role: 'facilitator' } | { role: 'participant'; participantId: string };

export type Decision = { ok: true; events: MeetingEvent[] } | { ok: false; error: WireError };

export interface DecideEnv {
  now: number;
  newId: () => string;
  /** The circle's review period (R3, C9): months from adoption to review when none is given. */
  reviewMonths?: number;
}

/** What differs between the kinds of meeting when a command is decided. */
export interface KindOfMeeting<TLogic extends AnyStateMachine> {
  machine: TLogic;
  /** Said when a command arrives after the outcome. */
  finished: string;
  toEvents: (view: SnapshotFrom<TLogic>['context']['view'], by: string) => EventBody[] | WireError;
  explain: (view: SnapshotFrom<TLogic>['context']['view'], event: MeetingEvent) => WireError;
}

/**
 * DECIDE for any kind of meeting: nothing after the outcome; the command's events, each checked
 * against the machine in order on a stepped copy of the snapshot, so a command that records two
 * events (a late objection reopens the stage first) is accepted whole or not at all.
 */
export function decideWith<TLogic extends AnyStateMachine>(
  kind: KindOfMeeting<TLogic>,
  snapshot: SnapshotFrom<TLogic>,
  command: Command,
  caller: Caller,
  env: DecideEnv,
): Decision {
  const view = (snapshot as { context: { view: { seq: number; stage: string } } }).context.view;
  if ((snapshot as AnyMachineSnapshot).status === 'done' || view.stage === 'outcome') {
    return { ok: false, error: { code: 'meeting_closed', message: kind.finished } };
  }
  const by = caller.role === 'facilitator' ? FACILITATOR : caller.participantId;
  const bodies = kind.toEvents(view as SnapshotFrom<TLogic>['context']['view'], by);
  if ('code' in bodies) return { ok: false, error: bodies };
  const events: MeetingEvent[] = [];
  let step = snapshot as AnyMachineSnapshot;
  for (const [i, body] of bodies.entries()) {
    const event = {
      ...body,
      by,
      seq: view.seq + i + 1,
      at: env.now,
      commandId: command.commandId,
    } as MeetingEvent;
    if (!step.can(event)) return { ok: false, error: kind.explain(step.context.view, event) };
    step = getNextSnapshot(kind.machine, step as SnapshotFrom<TLogic>, event as never) as AnyMachineSnapshot;
    events.push(event);
  }
  return { ok: true, events };
}
