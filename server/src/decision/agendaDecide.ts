/**
 * DECIDE for the meeting as a whole (M1, M3, M4): add, move and open agenda items, hand over
 * facilitation, close the meeting. The agenda is a list rather than a process, so its rules are
 * a handful of checks over the view instead of a machine; each item's process is its machine's.
 */

import type { CommandOf } from '@circlewise/shared/commands';
import { type ErrorCode, wireError } from '@circlewise/shared/errors';
import { type EventBody, FACILITATOR, type MeetingEvent, SYSTEM } from '@circlewise/shared/events';
import type { MeetingView } from '@circlewise/shared/meeting';
import type { DecideEnv, Decision } from './decideEngine';

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

export type AgendaCommand =
  | AgendaAdd
  | CommandOf<'agenda.move'>
  | CommandOf<'agenda.open'>
  | CommandOf<'facilitation.handOver'>
  | CommandOf<'meeting.close'>;

const refuse = (code: ErrorCode, message: string): Decision => ({
  ok: false,
  error: wireError(code, message),
});

export function decideAgenda(view: MeetingView, command: AgendaCommand, env: DecideEnv): Decision {
  if (view.closedAt !== undefined) {
    return refuse('meeting_closed', 'This meeting is closed; its minutes are the record of it.');
  }
  const events = bodies(view, command, env);
  if ('error' in events) return refuse(events.code, events.error);
  const by = command.type === 'agenda.add' && command.reviewOf ? SYSTEM : FACILITATOR;
  return {
    ok: true,
    events: events.map(
      (body, i) =>
        ({ ...body, by, seq: view.seq + 1 + i, at: env.now, commandId: command.commandId }) as MeetingEvent,
    ),
  };
}

function bodies(
  view: MeetingView,
  command: AgendaCommand,
  env: DecideEnv,
): EventBody[] | { code: ErrorCode; error: string } {
  switch (command.type) {
    case 'agenda.add': {
      if (view.items.length >= MAX_ITEMS) {
        return { code: 'not_allowed', error: `An agenda holds at most ${MAX_ITEMS} items.` };
      }
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
    }
    case 'agenda.move': {
      const from = view.items.findIndex((i) => i.id === command.itemId);
      if (from < 0) return { code: 'not_allowed', error: 'There is no such item on this agenda.' };
      const index = Math.min(command.index, view.items.length - 1);
      if (index === from) return { code: 'not_allowed', error: 'The item is already in that place.' };
      return [{ type: 'agenda.item.moved', itemId: command.itemId, index }];
    }
    case 'agenda.open': {
      if (!view.views[command.itemId]) {
        return { code: 'not_allowed', error: 'There is no such item on this agenda.' };
      }
      if (command.itemId === view.currentItemId) {
        return { code: 'not_allowed', error: 'The meeting is already on this item.' };
      }
      return [{ type: 'agenda.item.opened', itemId: command.itemId, from: view.currentItemId }];
    }
    case 'facilitation.handOver': {
      const to = command.participantId;
      if (to === view.facilitatorId) {
        return {
          code: 'not_allowed',
          error:
            to === null
              ? 'The holder of the facilitator key already facilitates.'
              : 'This person already facilitates.',
        };
      }
      if (to !== null && !view.participants[to]?.present) {
        return { code: 'not_allowed', error: 'Facilitation can be handed only to someone present.' };
      }
      return [{ type: 'facilitation.handed', from: view.facilitatorId, to }];
    }
    case 'meeting.close':
      return [{ type: 'meeting.closed' }];
  }
}
