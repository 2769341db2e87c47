/**
 * Test helper: a role election driven the way the gateway drives it (permissions → validate →
 * decide → apply), with a deterministic clock and id source, so tests read as a sequence of
 * commands. The election's twin of testMeeting.ts. Not used by the server itself.
 */
import { type CommandInput, commandSchema } from '@circlewise/shared/commands';
import type { ElectionStage } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import { FACILITATOR, type MeetingEvent, type NewEvent } from '@circlewise/shared/events';
import { type Actor, createActor } from 'xstate';
import { permissionError } from '../gateway/permissions';
import type { Caller, Decision } from './decide';
import { decideElection } from './electionDecide';
import { electionMachine } from './electionMachine';
import { facilitator, MEETING_ID, participant, T0, testId } from './testMeeting';

/** Command without its id: the helper gives each one a fresh commandId. */
export type Cmd = CommandInput extends infer C
  ? C extends { commandId: string }
    ? Omit<C, 'commandId'>
    : never
  : never;

export { facilitator, participant, testId };

export const ROLE = {
  role: 'Circle lead',
  description: 'Holds the agenda and the backlog.',
  termStart: '2025-02-01',
  termEnd: '2026-01-31',
} as const;

export interface TestElection {
  actor: Actor<typeof electionMachine>;
  /** Every recorded event, in order: the meeting's log. */
  log: MeetingEvent[];
  /** Participant ids by name. */
  ids: Record<string, string>;
  view(): ElectionView;
  /** Check the caller's permission, validate, decide and (when accepted) apply one command. */
  run(cmd: Cmd, caller: Caller): Decision;
  /** Like run, but fails the test when refused. */
  ok(cmd: Cmd, caller: Caller): MeetingEvent[];
  /** Like run, but fails the test unless refused; returns the error code. Nothing is recorded. */
  refused(cmd: Cmd, caller: Caller): string;
  /** Record a bare event, as a replay or the server itself would (join). */
  record(body: NewEvent): MeetingEvent;
  join(name: string): string;
  /** Who is `name`, as a caller. */
  as(name: string): Caller;
  id(name: string): string;
  now(): number;
}

export function startElection(names: string[] = ['Ana', 'Ben', 'Cleo']): TestElection {
  const actor = createActor(electionMachine, { input: undefined }).start();
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

  const m: TestElection = {
    actor,
    log,
    ids,
    view: () => actor.getSnapshot().context.view,
    now: () => clock,
    run(cmd, caller) {
      const command = commandSchema.parse({ commandId: testId(nextCommand++, 0xc0de), ...cmd });
      clock += 1000;
      const denied = permissionError(command.type, caller.role);
      if (denied) return { ok: false, error: { code: 'forbidden', message: denied } };
      const d = decideElection(actor.getSnapshot(), command, caller, { now: clock, newId });
      if (d.ok) append(d.events);
      return d;
    },
    ok(cmd, caller) {
      const d = m.run(cmd, caller);
      if (!d.ok) throw new Error(`${cmd.type} refused: ${d.error.code}: ${d.error.message}`);
      return d.events;
    },
    refused(cmd, caller) {
      const before = log.length;
      const seq = m.view().seq;
      const d = m.run(cmd, caller);
      if (d.ok) throw new Error(`${cmd.type} was accepted: ${JSON.stringify(d.events)}`);
      if (log.length !== before || m.view().seq !== seq) throw new Error(`${cmd.type} refused but recorded`);
      if (!d.error.message.trim()) throw new Error(`${cmd.type} refused without a message`);
      return d.error.code;
    },
    record(body) {
      clock += 1000;
      const e = {
        ...body,
        seq: m.view().seq + 1,
        at: clock,
        commandId: testId(nextCommand++, 0xc0de),
      } as MeetingEvent;
      if (!actor.getSnapshot().can(e)) throw new Error(`event refused: ${JSON.stringify(body)}`);
      append([e]);
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

  m.record({
    type: 'meeting.created',
    meetingId: MEETING_ID,
    code: 'ELECT1',
    title: 'Circle lead',
    kind: 'election',
    by: FACILITATOR,
  });
  for (const name of names) m.join(name);
  return m;
}

/** The role set and the nominations round open. */
export function inNominations(names?: string[]): TestElection {
  const m = startElection(names);
  m.ok({ type: 'role.set', ...ROLE }, facilitator);
  m.ok({ type: 'stage.advance', from: 'role' }, facilitator);
  return m;
}

/**
 * Nominations given (`who` nominates `whom`, by name; null for "no one yet"), revealed, and the
 * election moved on to `stage` (changes or proposal; with a proposal of `candidate` for
 * objections and consent).
 */
export function electionAt(
  stage: Extract<ElectionStage, 'changes' | 'proposal' | 'objections' | 'consent'>,
  options: { names?: string[]; nominations?: Record<string, string | null>; candidate?: string } = {},
): TestElection {
  const m = inNominations(options.names);
  const nominations = options.nominations ?? { Ana: 'Ben', Ben: 'Ben', Cleo: 'Ana' };
  for (const [who, whom] of Object.entries(nominations)) {
    m.ok(
      {
        type: 'nomination.give',
        nomineeId: whom === null ? null : m.id(whom),
        ...(whom !== null && { reason: `${who} trusts ${whom}` }),
      },
      m.as(who),
    );
  }
  m.ok({ type: 'nominations.reveal' }, facilitator);
  if (stage === 'changes') return m;
  m.ok({ type: 'stage.advance', from: 'changes' }, facilitator);
  if (stage === 'proposal') return m;
  const candidate = options.candidate ?? 'Ben';
  m.ok(
    { type: 'candidate.propose', candidateId: m.id(candidate), reasons: `${candidate} listens well.` },
    facilitator,
  );
  m.ok({ type: 'stage.advance', from: 'proposal' }, facilitator);
  if (stage === 'objections') return m;
  // Everyone consents in the objection round, the candidate last; reveal; on to consent.
  for (const name of Object.keys(m.ids).filter((n) => n !== candidate)) {
    if (m.view().participants[m.id(name)]?.present)
      m.ok({ type: 'response.give', kind: 'consent' }, m.as(name));
  }
  m.ok({ type: 'response.give', kind: 'consent' }, m.as(candidate));
  m.ok({ type: 'responses.reveal' }, facilitator);
  m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
  return m;
}
