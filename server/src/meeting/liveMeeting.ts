/**
 * One live meeting in memory: the XState actor of its kind (a consent decision or a role
 * election), whose context is the reducer's view, and who is connected. Built by replaying the
 * log (A8); afterwards only recorded events move it (A1).
 */
import type { Command } from '@circlewise/shared/commands';
import type { MeetingKind } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { AnyMeetingView } from '@circlewise/shared/meeting';
import { type Actor, createActor } from 'xstate';
import { consentDecisionMachine } from '../decision/consentDecisionMachine';
import { type Caller, type DecideEnv, type Decision, decide } from '../decision/decide';
import { decideElection } from '../decision/electionDecide';
import { electionMachine } from '../decision/electionMachine';

type Logic =
  | { kind: 'decision'; actor: Actor<typeof consentDecisionMachine> }
  | { kind: 'election'; actor: Actor<typeof electionMachine> };

export class LiveMeeting {
  private readonly logic: Logic;
  /** Open connections per participant: presence is shown, not recorded (M2). */
  private readonly connections = new Map<string, number>();

  constructor(
    readonly id: string,
    readonly code: string,
    history: readonly MeetingEvent[],
  ) {
    const first = history[0];
    const kind: MeetingKind = first?.type === 'meeting.created' ? (first.kind ?? 'decision') : 'decision';
    this.logic =
      kind === 'election'
        ? { kind, actor: createActor(electionMachine, { input: {} }).start() }
        : { kind, actor: createActor(consentDecisionMachine, { input: {} }).start() };
    this.apply(history);
  }

  get kind(): MeetingKind {
    return this.logic.kind;
  }

  get view(): AnyMeetingView {
    return this.logic.actor.getSnapshot().context.view;
  }

  /** Would the machine accept this event now? */
  can(event: MeetingEvent): boolean {
    return this.logic.actor.getSnapshot().can(event);
  }

  /** DECIDE with the machine of this meeting's kind. */
  decide(command: Command, caller: Caller, env: DecideEnv): Decision {
    return this.logic.kind === 'election'
      ? decideElection(this.logic.actor.getSnapshot(), command, caller, env)
      : decide(this.logic.actor.getSnapshot(), command, caller, env);
  }

  /** APPLY: only events already in the log come here. */
  apply(events: readonly MeetingEvent[]): void {
    for (const event of events) this.logic.actor.send(event as never);
  }

  online(): string[] {
    return [...this.connections.keys()];
  }

  /** Returns true when this is the participant's first open connection. */
  connect(participantId: string): boolean {
    const n = this.connections.get(participantId) ?? 0;
    this.connections.set(participantId, n + 1);
    return n === 0;
  }

  /** Returns true when the participant's last connection closed. */
  disconnect(participantId: string): boolean {
    const n = this.connections.get(participantId) ?? 0;
    if (n <= 1) {
      this.connections.delete(participantId);
      return n === 1;
    }
    this.connections.set(participantId, n - 1);
    return false;
  }
}
