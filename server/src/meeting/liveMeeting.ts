/**
 * One live meeting in memory: its one view (shared/meeting.ts, A5), built by replaying its log
 * (A8) and afterwards moved only by recorded events (A1), and who is connected. Deciding is the
 * decision layer's (meetingDecide.ts); nothing here keeps a second copy of any item.
 *
 * Each event of the log is checked on replay as it was when it was decided. An event the rules
 * refuse quarantines the meeting (A11): its view is still the replay of its whole log, and it is
 * served read-only, with the seq and the reason reported. A damaged row (not JSON, not an event
 * by the shared schema, a gap in seqs) quarantines it too; its view is then the replay of the log
 * up to that row.
 */
import type { ItemKind } from '@circlewise/shared/constants';
import { wireError } from '@circlewise/shared/errors';
import { eventProblem } from '@circlewise/shared/eventSchema';
import type { MeetingEvent } from '@circlewise/shared/events';
import { currentItem, emptyMeetingView, type MeetingView, reduceMeeting } from '@circlewise/shared/meeting';
import type { Caller, DecideEnv, Decision } from '../decision/decideEngine';
import { type Joiner, type JoinVerdict, joinVerdict } from '../decision/joinRules';
import { admits, decideMeeting, type InternalCommand } from '../decision/meetingDecide';

export type { InternalCommand };

/** Where a meeting's log stopped replaying, and why (A11). */
export interface Quarantine {
  seq: number;
  reason: string;
}

export class LiveMeeting {
  private meeting: MeetingView = emptyMeetingView();
  /** Set when the log holds an event the rules refuse: the meeting is read-only (A11). */
  readonly quarantine: Quarantine | undefined;
  /** The time of the last event replayed or applied: how long the meeting has been idle (A7). */
  private lastAt: number | undefined;
  /** Open connections per participant: presence is shown, not recorded (M2). */
  private readonly connections = new Map<string, number>();

  constructor(
    readonly id: string,
    readonly code: string,
    history: readonly MeetingEvent[],
    /** A row of the log that could not be read back (the store's DamagedRowError), after `history`. */
    damaged?: Quarantine,
  ) {
    let quarantine: Quarantine | undefined;
    // [A11]
    for (const event of history) {
      // A damaged event (not an event, or out of place) is not replayed, nor anything after it.
      const damage = damageOf(this.meeting, event);
      if (damage) {
        quarantine ??= { seq: this.meeting.seq + 1, reason: damage };
        break;
      }
      const refused = quarantine ? null : admits(this.meeting, event);
      if (refused) quarantine = { seq: event.seq, reason: `${event.type}: ${refused.message}` };
      try {
        this.meeting = reduceMeeting(this.meeting, event);
        this.lastAt = event.at;
      } catch (error) {
        quarantine ??= { seq: event.seq, reason: `${event.type} cannot be replayed: ${String(error)}` };
        break;
      }
    }
    this.quarantine = quarantine ?? damaged;
  }

  get view(): MeetingView {
    return this.meeting;
  }

  /** The first item's kind: what the meeting was created as. */
  get kind(): ItemKind {
    return this.meeting.items[0]?.kind ?? 'decision';
  }

  /** The view of the item the meeting is on. */
  get current() {
    return currentItem(this.meeting);
  }

  /** May this event be recorded now? (A quarantined meeting records nothing.) */
  can(event: MeetingEvent): boolean {
    return this.quarantine === undefined && admits(this.meeting, event) === null;
  }

  /** S12: what happens to someone at the door now, under this participant cap. */
  door(joiner: Joiner, cap: number): JoinVerdict {
    return joinVerdict(this.meeting, joiner, cap);
  }

  /** DECIDE, on the meeting as it is now. */
  decide(command: InternalCommand, caller: Caller, env: DecideEnv): Decision {
    if (this.quarantine) {
      return { ok: false, error: wireError('read_only', 'read_only') };
    }
    return decideMeeting(this.meeting, command, caller, {
      ...env,
      ...(this.lastAt !== undefined && { lastEventAt: this.lastAt }),
    });
  }

  /** The time of the meeting's last recorded event (A7: idleness is measured from the log). */
  get lastEventAt(): number | undefined {
    return this.lastAt;
  }

  /** APPLY: only events already in the log come here, each decided before it was appended. */
  apply(events: readonly MeetingEvent[]): void {
    for (const event of events) {
      this.meeting = reduceMeeting(this.meeting, event);
      this.lastAt = event.at;
    }
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

/** Why this event of a log cannot be replayed after `view`, or null: the row is not a recorded event, or its seq leaves a gap. */
function damageOf(view: MeetingView, event: MeetingEvent): string | null {
  const problem = eventProblem(event);
  if (problem) return `a damaged event (${problem})`;
  const expected = view.seq + 1;
  return event.seq === expected ? null : `a gap in seqs: seq ${expected} is missing, found ${event.seq}`;
}
