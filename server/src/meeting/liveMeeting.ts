/**
 * One live meeting in memory: the view of the whole meeting (agenda.ts), an XState actor per
 * agenda item of its kind (a consent decision, a role election or a round), whose context is
 * that item's view, and who is connected. Built by replaying the log (A8); afterwards only
 * recorded events move it (A1).
 */

import { type Command, isMeetingCommand } from '@circlewise/shared/commands';
import type { ItemKind } from '@circlewise/shared/constants';
import { wireError } from '@circlewise/shared/errors';
import type { MeetingEvent } from '@circlewise/shared/events';
import {
  currentItem,
  emptyMeetingView,
  isMeetingEvent,
  itemSeed,
  type MeetingView,
  reduceMeeting,
} from '@circlewise/shared/meeting';
import { type Actor, createActor } from 'xstate';
import { type AgendaAdd, decideAgenda } from '../decision/agendaDecide';
import { consentDecisionMachine } from '../decision/consentDecisionMachine';
import { decide } from '../decision/decide';
import type { Caller, DecideEnv, Decision } from '../decision/decideEngine';
import { decideElection } from '../decision/electionDecide';
import { electionMachine } from '../decision/electionMachine';
import { decideRound } from '../decision/roundDecide';
import { roundMachine } from '../decision/roundMachine';

type ItemLogic =
  | { kind: 'decision'; actor: Actor<typeof consentDecisionMachine> }
  | { kind: 'election'; actor: Actor<typeof electionMachine> }
  | { kind: 'round'; actor: Actor<typeof roundMachine> };

function startItem(kind: ItemKind): ItemLogic {
  switch (kind) {
    case 'decision':
      return { kind, actor: createActor(consentDecisionMachine, { input: {} }).start() };
    case 'election':
      return { kind, actor: createActor(electionMachine, { input: {} }).start() };
    case 'round':
      return { kind, actor: createActor(roundMachine, { input: {} }).start() };
  }
}

/** A command as the server may run it: what clients send, and a review pre-filled with its text. */
export type InternalCommand = Command | AgendaAdd;

export class LiveMeeting {
  private agenda: MeetingView = emptyMeetingView();
  private readonly items = new Map<string, ItemLogic>();
  /** Open connections per participant: presence is shown, not recorded (M2). */
  private readonly connections = new Map<string, number>();

  constructor(
    readonly id: string,
    readonly code: string,
    history: readonly MeetingEvent[],
  ) {
    this.apply(history);
  }

  get view(): MeetingView {
    return this.agenda;
  }

  /** The first item's kind: what the meeting was created as. */
  get kind(): ItemKind {
    return this.agenda.items[0]?.kind ?? 'decision';
  }

  /** Would the machine accept this event now? (Meeting-level events are decided by rules.) */
  can(event: MeetingEvent): boolean {
    if (isMeetingEvent(event)) return true;
    if (event.type === 'participant.joined' || event.type === 'participant.left') {
      return this.agenda.closedAt === undefined;
    }
    const item = this.items.get(this.agenda.currentItemId);
    return item?.actor.getSnapshot().can(event as never) ?? false;
  }

  /** DECIDE: the agenda's rules for meeting commands, the current item's machine for the rest. */
  decide(command: InternalCommand, caller: Caller, env: DecideEnv): Decision {
    if (isMeetingCommand(command.type)) {
      return decideAgenda(this.agenda, command as Parameters<typeof decideAgenda>[1], env);
    }
    if (this.agenda.closedAt !== undefined) {
      return {
        ok: false,
        error: wireError('meeting_closed', 'This meeting is closed; its minutes are the record of it.'),
      };
    }
    const item = this.items.get(this.agenda.currentItemId);
    if (!item) return { ok: false, error: wireError('not_allowed', 'The meeting has no item open.') };
    const decision = this.decideItem(item, command as Command, caller, env);
    // Item decide steps number their events from the item's seq; the meeting's log is one.
    if (!decision.ok) return decision;
    return {
      ok: true,
      events: decision.events.map((e, i) => ({ ...e, seq: this.agenda.seq + 1 + i })),
    };
  }

  private decideItem(item: ItemLogic, command: Command, caller: Caller, env: DecideEnv): Decision {
    switch (item.kind) {
      case 'decision':
        return decide(item.actor.getSnapshot(), command, caller, env);
      case 'election':
        return decideElection(item.actor.getSnapshot(), command, caller, env);
      case 'round':
        return decideRound(item.actor.getSnapshot(), command, caller, env);
    }
  }

  /** APPLY: only events already in the log come here. */
  apply(events: readonly MeetingEvent[]): void {
    for (const event of events) {
      const before = this.agenda;
      this.agenda = reduceMeeting(before, event);
      switch (event.type) {
        case 'meeting.created': {
          const first = startItem(event.kind ?? 'decision');
          first.actor.send(event as never);
          this.items.set(event.meetingId, first);
          break;
        }
        case 'agenda.item.added': {
          const item = startItem(event.kind);
          for (const seed of itemSeed(before, event)) item.actor.send(seed as never);
          this.items.set(event.itemId, item);
          break;
        }
        case 'participant.joined':
        case 'participant.left':
          for (const item of this.items.values()) item.actor.send(event as never);
          break;
        default:
          if (!isMeetingEvent(event)) this.items.get(before.currentItemId)?.actor.send(event as never);
      }
    }
  }

  /** The view of the item the meeting is on. */
  get current() {
    return currentItem(this.agenda);
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
