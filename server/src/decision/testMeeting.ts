/**
 * Test helper: a meeting driven the way the gateway drives it (validate → decide → apply), with a
 * deterministic clock and id source, so tests read as a sequence of commands. Not used by the
 * server itself.
 */
import { type CommandInput, commandSchema } from '@circlewise/shared/commands';
import type { ConsentStage } from '@circlewise/shared/constants';
import { FACILITATOR, type MeetingEvent, type NewEvent } from '@circlewise/shared/events';
import type { MeetingView } from '@circlewise/shared/view';
import { type Actor, createActor } from 'xstate';
import { consentDecisionMachine } from './consentDecisionMachine';
import { type Caller, type Decision, decide } from './decide';

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
type Cmd = CommandInput extends infer C
  ? C extends { commandId: string }
    ? Omit<C, 'commandId'>
    : never
  : never;

export interface TestMeeting {
  actor: Actor<typeof consentDecisionMachine>;
  /** Every recorded event, in order: the meeting's log. */
  log: MeetingEvent[];
  /** Participant ids by name. */
  ids: Record<string, string>;
  view(): MeetingView;
  /** Validate, decide and (when accepted) apply one command; returns the decision. */
  run(cmd: Cmd, caller: Caller): Decision;
  /** Like run, but fails the test when refused. */
  ok(cmd: Cmd, caller: Caller): MeetingEvent[];
  /** Record a bare event, as a replay or the server itself would (join, leave). */
  record(body: NewEvent): MeetingEvent;
  join(name: string): string;
  /** Advance one stage at a time until `stage`, failing on any refusal. */
  advanceTo(stage: ConsentStage): void;
  /** The clock: each event is a second after the last unless moved. */
  tick(ms?: number): void;
  now(): number;
}

export function startMeeting(names: string[] = ['Ana', 'Ben', 'Cleo'], opts: { present?: boolean } = {}) {
  const actor = createActor(consentDecisionMachine, { input: undefined }).start();
  const log: MeetingEvent[] = [];
  const ids: Record<string, string> = {};
  let clock = T0;
  let nextId = 1;
  let nextCommand = 1;
  const newId = () => testId(nextId++, 0xaaaa);

  const append = (events: MeetingEvent[]) => {
    for (const e of events) {
      log.push(e);
      actor.send(e);
    }
  };

  const m: TestMeeting = {
    actor,
    log,
    ids,
    view: () => actor.getSnapshot().context.view,
    now: () => clock,
    tick: (ms = 1000) => {
      clock += ms;
    },
    run(cmd, caller) {
      const command = commandSchema.parse({ commandId: testId(nextCommand++, 0xc0de), ...cmd });
      const d = decide(actor.getSnapshot(), command, caller, { now: clock, newId });
      if (d.ok) append(d.events);
      clock += 1000;
      return d;
    },
    ok(cmd, caller) {
      const d = m.run(cmd, caller);
      if (!d.ok) throw new Error(`${cmd.type} refused: ${d.error.code}: ${d.error.message}`);
      return d.events;
    },
    record(body) {
      const e = {
        ...body,
        seq: m.view().seq + 1,
        at: clock,
        commandId: testId(nextCommand++, 0xc0de),
      } as MeetingEvent;
      if (!actor.getSnapshot().can(e)) throw new Error(`event refused: ${JSON.stringify(body)}`);
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
    advanceTo(stage) {
      while (m.view().stage !== stage) {
        const from = m.view().stage;
        if (from === 'outcome') throw new Error('meeting is finished');
        m.ok({ type: 'stage.advance', from }, facilitator);
      }
    },
  };

  m.record({
    type: 'meeting.created',
    meetingId: MEETING_ID,
    code: 'ABC123',
    title: 'Lunch',
    by: FACILITATOR,
  });
  if (opts.present !== false) for (const name of names) m.join(name);
  m.ok(
    { type: 'proposal.edit', title: 'Lunch', driver: 'We skip lunch.', text: 'A shared lunch at noon.' },
    facilitator,
  );
  return m;
}

/** The facilitator's view of who said what is complete; these read it conveniently. */
export function objectionOf(view: MeetingView, participantId: string) {
  return view.objections.find((o) => o.participantId === participantId);
}
