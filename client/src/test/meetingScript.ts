/**
 * Builds meetings for tests the way the server does: a list of recorded events reduced by the
 * shared reducer, filtered for the viewer with the shared visibility rules, so a prepared view
 * stays true to the contract.
 */

import type { CommandInput } from '@circlewise/shared/commands';
import type { ConsentStage } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import { FACILITATOR, type MeetingEvent, type NewEvent } from '@circlewise/shared/events';
import {
  currentItem,
  type MeetingView,
  reduceMeetingLog,
  type Seated,
  seated,
} from '@circlewise/shared/meeting';
import type { CommandResult } from '@circlewise/shared/protocol';
import { eventFor, type Viewer } from '@circlewise/shared/visibility';
import { vi } from 'vitest';

export const ANA = '00000000-0000-4000-8000-00000000000a';
export const BEN = '00000000-0000-4000-8000-00000000000b';
export const CLEO = '00000000-0000-4000-8000-00000000000c';
export const START = Date.UTC(2025, 0, 15, 9, 0);

/** A log as the server records it: each event numbered, a minute apart, with its command id. */
export class EventScript {
  readonly events: MeetingEvent[] = [];
  protected n = 0;

  constructor(first: NewEvent) {
    this.add(first);
  }

  add(event: NewEvent): this {
    this.n += 1;
    this.events.push({ ...event, seq: this.n, at: START + this.n * 60_000, commandId: uuidFor(this.n) });
    return this;
  }

  join(participantId: string, name: string): this {
    return this.add({ type: 'participant.joined', participantId, name, by: participantId });
  }
}

export class MeetingScript extends EventScript {
  constructor(title = 'Office plants') {
    super({ type: 'meeting.created', meetingId: 'm1', code: 'ABC123', title, by: 'system' });
  }

  propose(driver = 'The plants are dying.', text = 'Ben waters the plants every Monday.'): this {
    return this.add({ type: 'proposal.edited', title: 'Plant care', driver, text, by: FACILITATOR });
  }

  move(from: ConsentStage, to: ConsentStage): this {
    return this.add({ type: 'stage.changed', from, to, reason: 'advance', by: FACILITATOR });
  }

  /** A standard meeting of Ana, Ben and Cleo, advanced to `stage`. */
  static at(stage: ConsentStage): MeetingScript {
    const s = new MeetingScript().join(ANA, 'Ana').join(BEN, 'Ben').join(CLEO, 'Cleo').propose();
    const order: ConsentStage[] = ['proposal', 'clarifying', 'reactions', 'objections', 'consent'];
    for (let i = 1; i <= order.indexOf(stage); i++) s.move(order[i - 1]!, order[i]!);
    return s;
  }

  /** The whole meeting as this viewer's join snapshot would hold it. */
  agendaFor(viewer: Viewer): MeetingView {
    return reduceMeetingLog(this.events.map((e) => eventFor(e, viewer)));
  }

  /** The decision as this viewer's screen reads it: the meeting's item, seated with its people. */
  viewFor(viewer: Viewer): Seated<DecisionView> {
    const meeting = this.agendaFor(viewer);
    const view = currentItem(meeting);
    if (view?.kind !== 'decision') throw new Error('the script did not make a decision');
    return seated(meeting, view);
  }
}

export function uuidFor(n: number): string {
  return `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
}

export function fakeSend(result: CommandResult = { ok: true, seq: 99, duplicate: false }) {
  return vi.fn<(command: CommandInput) => Promise<CommandResult>>(async () => result);
}

export function refusal(code: 'wrong_stage' | 'not_allowed' | 'forbidden', message: string): CommandResult {
  return { ok: false, error: { code, message } };
}
