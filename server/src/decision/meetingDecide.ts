/**
 * DECIDE for a whole meeting: the one entry from a command to the events it would record, and
 * the one check of an event against the meeting as it is (`admits`), used both when deciding and
 * when a log is replayed (A11). The meeting's own rules (M1, M2, M4: the agenda, who is present,
 * facilitation, closing) are a handful of checks over its view, written here; an agenda item's
 * process is its kind's machine (`logicOf`). Pure: the clock and the ids come in `DecideEnv`.
 */
import { type Command, type CommandOf, isMeetingCommand } from '@circlewise/shared/commands';
import type { ItemKind } from '@circlewise/shared/constants';
import { type EventBody, type MeetingEvent, SYSTEM } from '@circlewise/shared/events';
import {
  currentItem,
  type ItemView,
  isDoorEvent,
  isMeetingEvent,
  type MeetingView,
  reduceMeeting,
  seated,
} from '@circlewise/shared/meeting';
import type { Refusal } from '@circlewise/shared/rules';
import {
  admitsInItem,
  authorOf,
  type Caller,
  type DecideEnv,
  type Decision,
  type ItemLogic,
  refusal,
  stamp,
} from './decideEngine';
import { decisionLogic } from './decisionDecide';
import { electionLogic } from './electionDecide';
import { doorRule } from './joinRules';
import { roundLogic } from './roundDecide';
import { timeboxEvents, timeboxRule } from './timeboxRules';

/** How many items an agenda may hold: a long meeting, not a backlog. */
export const MAX_ITEMS = 40;

/**
 * `agenda.add` as the server itself may send it: the review of an agreement comes pre-filled
 * with the agreement's text (R3). Clients cannot send these fields: the schema refuses them.
 */
export type AgendaAdd = CommandOf<'agenda.add'> & {
  proposal?: { title: string; driver: string; text: string };
  reviewOf?: string;
};

/**
 * The server's own command: close a meeting whose log has had no event for `afterMs` (its
 * abandonment time). No client can send it (it is in no schema of shared/commands.ts); the
 * server's lifetime sweep runs it (commands/lifetime.ts).
 */
export interface AbandonCommand {
  type: 'meeting.abandon';
  commandId: string;
  afterMs: number;
}

/**
 * A command as the server may run it: what clients send, a review pre-filled with its text, and
 * the closing of an abandoned meeting.
 */
export type InternalCommand = Command | AgendaAdd | AbandonCommand;

const DAY_MS = 24 * 60 * 60 * 1000;

const LOGIC: Record<ItemKind, ItemLogic<never>> = {
  decision: decisionLogic as unknown as ItemLogic<never>,
  election: electionLogic as unknown as ItemLogic<never>,
  round: roundLogic as unknown as ItemLogic<never>,
};

/** The decide logic of an item's kind. */
export function logicOf(item: ItemView): ItemLogic<ItemView> {
  return LOGIC[item.kind] as unknown as ItemLogic<ItemView>;
}

/**
 * DECIDE: the command's events, stamped with the meeting's next seqs, each admitted by the
 * meeting as the events before it leave it, so that a command of two events (a late objection
 * reopens the stage first) is taken whole or not at all.
 */
export function decideMeeting(
  view: MeetingView,
  command: InternalCommand,
  caller: Caller,
  env: DecideEnv,
): Decision {
  if (view.closedAt !== undefined) return { ok: false, error: refusal('meeting_closed', 'meeting_closed') };
  const byServer =
    command.type === 'meeting.abandon' ||
    (command.type === 'agenda.add' && 'reviewOf' in command && command.reviewOf);
  const by = byServer ? SYSTEM : authorOf(caller);
  const bodies =
    command.type === 'meeting.abandon' ? abandonEvents(view, command, env) : bodiesOf(view, command, by, env);
  if (!Array.isArray(bodies)) return { ok: false, error: bodies };
  const events = stamp(bodies, view.seq, by, env, command.commandId);
  let step = view;
  for (const event of events) {
    const refused = admits(step, event);
    if (refused) return { ok: false, error: refused };
    step = reduceMeeting(step, event);
  }
  return { ok: true, events };
}

function bodiesOf(
  view: MeetingView,
  command: Command | AgendaAdd,
  by: string,
  env: DecideEnv,
): EventBody[] | Refusal {
  const door = doorEvents(view, command);
  if (door) return door;
  if (isMeetingCommand(command.type)) return agendaEvents(view, command as AgendaCommand, env);
  switch (command.type) {
    case 'participant.leave':
      return [{ type: 'participant.left', participantId: by, reason: 'left' }];
    case 'participant.markAbsent':
      return [{ type: 'participant.left', participantId: command.participantId, reason: 'marked_absent' }];
    case 'timebox.set':
    case 'timebox.extend':
    case 'timebox.clear':
      return timeboxEvents(view, command, env);
  }
  const item = currentItem(view);
  if (!item) return refusal('not_allowed', 'no_item_open');
  const logic = logicOf(item);
  if (logic.stateOf(item).done) return refusal('meeting_closed', logic.finished);
  return logic.toEvents(seated(view, item), command as Command, by, env);
}

type AgendaCommand =
  | AgendaAdd
  | CommandOf<'agenda.move'>
  | CommandOf<'agenda.open'>
  | CommandOf<'facilitation.handOver'>
  | CommandOf<'meeting.close'>;

function agendaEvents(view: MeetingView, command: AgendaCommand, env: DecideEnv): EventBody[] {
  switch (command.type) {
    case 'agenda.add':
      return [
        {
          type: 'agenda.item.added',
          itemId: env.newId(),
          kind: command.kind,
          title: command.title,
          ...(command.index !== undefined && { index: Math.min(command.index, view.items.length) }),
          ...(command.proposal && command.kind === 'decision' && { proposal: command.proposal }),
          ...(command.reviewOf && { reviewOf: command.reviewOf }),
        },
      ];
    case 'agenda.move':
      return [
        {
          type: 'agenda.item.moved',
          itemId: command.itemId,
          index: Math.min(command.index, view.items.length - 1),
        },
      ];
    case 'agenda.open':
      return [{ type: 'agenda.item.opened', itemId: command.itemId, from: view.currentItemId }];
    case 'facilitation.handOver':
      return [{ type: 'facilitation.handed', from: view.facilitatorId, to: command.participantId }];
    case 'meeting.close':
      return [{ type: 'meeting.closed' }];
  }
}

/**
 * May this event be recorded next? Null if so; otherwise the refusal of the rule that says no.
 * The same check decides a command and vets a log on replay, so a log its rules would refuse
 * today is found, not replayed into a meeting that drifts from its record (A11).
 */
export function admits(view: MeetingView, event: MeetingEvent): Refusal | null {
  if (event.type === 'meeting.created') {
    return view.seq === 0 ? null : refusal('not_allowed', 'meeting_exists');
  }
  if (view.closedAt !== undefined) return refusal('meeting_closed', 'meeting_closed');
  if (isMeetingEvent(event)) return meetingRule(view, event);
  const item = currentItem(view);
  if (!item) return refusal('not_allowed', 'no_item_open');
  return admitsInItem(logicOf(item), seated(view, item), event);
}

function meetingRule(view: MeetingView, event: MeetingEvent): Refusal | null {
  if (isDoorEvent(event)) return doorRule(view, event);
  switch (event.type) {
    case 'participant.left':
      return view.participants[event.participantId]?.present
        ? null
        : refusal('not_found', 'participant_not_present');
    case 'agenda.item.added':
    case 'agenda.item.moved':
    case 'agenda.item.opened':
      return agendaRule(view, event);
    case 'facilitation.handed':
      return handsOver(view, event);
    case 'participant.joined':
      return doorRule(view, event);
    case 'timebox.set':
    case 'timebox.cleared':
      return timeboxRule(view, event);
    default:
      return null;
  }
}

// [A7]
/**
 * A meeting is abandoned once its log has had no event for its abandonment time: idleness is
 * measured from the last recorded event's time (time is data), never from a timer in memory, so a
 * restart neither resets nor loses it.
 */
function abandonEvents(view: MeetingView, command: AbandonCommand, env: DecideEnv): EventBody[] | Refusal {
  const since = env.lastEventAt ?? view.createdAt;
  const idle = env.now - since;
  if (idle < command.afterMs) {
    return refusal('not_allowed', 'meeting_not_abandoned');
  }
  return [{ type: 'meeting.abandoned', lastActivityAt: since, idleDays: Math.floor(idle / DAY_MS) }];
}

/** S12: the facilitator's commands about who is in the meeting; undefined for any other command. */
function doorEvents(view: MeetingView, command: Command | AgendaAdd): EventBody[] | undefined {
  switch (command.type) {
    case 'meeting.lock':
      return [{ type: 'meeting.locked' }];
    case 'meeting.unlock':
      return [{ type: 'meeting.unlocked' }];
    case 'participant.admit':
      // Admitted, then present: the join is recorded as every other join is (M2).
      return [
        { type: 'participant.admitted', participantId: command.participantId },
        {
          type: 'participant.joined',
          participantId: command.participantId,
          name: view.waiting?.[command.participantId]?.name ?? '',
        },
      ];
    case 'participant.refuse':
      return [{ type: 'participant.refused', participantId: command.participantId }];
    case 'participant.remove':
      return [{ type: 'participant.removed', participantId: command.participantId }];
    default:
      return undefined;
  }
}

// [M1]
/** An agenda is a list of at most MAX_ITEMS items, run one at a time: moved and opened by id. */
function agendaRule(view: MeetingView, event: MeetingEvent): Refusal | null {
  switch (event.type) {
    case 'agenda.item.added':
      return view.items.length < MAX_ITEMS ? null : refusal('not_allowed', 'agenda_full', { max: MAX_ITEMS });
    case 'agenda.item.moved': {
      const from = view.items.findIndex((i) => i.id === event.itemId);
      if (from < 0) return refusal('not_allowed', 'no_such_item');
      return event.index === from ? refusal('not_allowed', 'item_already_there') : null;
    }
    case 'agenda.item.opened':
      if (!view.views[event.itemId]) return refusal('not_allowed', 'no_such_item');
      return event.itemId === view.currentItemId ? refusal('not_allowed', 'item_already_open') : null;
    default:
      return null;
  }
}

// [M4]
/** Facilitation goes to someone present, or back to the key's holder, and not to who has it. */
function handsOver(view: MeetingView, event: MeetingEvent): Refusal | null {
  if (event.type !== 'facilitation.handed') return null;
  const to = event.to;
  if (to === view.facilitatorId) {
    return refusal('not_allowed', to === null ? 'key_holder_facilitates' : 'already_facilitates');
  }
  return to === null || view.participants[to]?.present
    ? null
    : refusal('not_allowed', 'hand_over_to_present_only');
}
