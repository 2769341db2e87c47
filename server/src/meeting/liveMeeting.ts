/**
 * One live meeting in memory: its XState actor (whose context is the reducer's view) and who is
 * connected. Built by replaying the log (A8); afterwards only recorded events move it (A1).
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import type { MeetingView } from '@circlewise/shared/view';
import { type Actor, createActor } from 'xstate';
import { consentDecisionMachine } from '../decision/consentDecisionMachine';
import type { DecisionSnapshot } from '../decision/decide';

export class LiveMeeting {
  private readonly actor: Actor<typeof consentDecisionMachine>;
  /** Open connections per participant: presence is shown, not recorded (M2). */
  private readonly connections = new Map<string, number>();

  constructor(
    readonly id: string,
    readonly code: string,
    history: readonly MeetingEvent[],
  ) {
    this.actor = createActor(consentDecisionMachine, { input: {} }).start();
    this.apply(history);
  }

  get snapshot(): DecisionSnapshot {
    return this.actor.getSnapshot();
  }

  get view(): MeetingView {
    return this.actor.getSnapshot().context.view;
  }

  /** APPLY: only events already in the log come here. */
  apply(events: readonly MeetingEvent[]): void {
    for (const event of events) this.actor.send(event);
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
