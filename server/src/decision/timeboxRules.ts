/**
 * Timeboxes (T1, A7): the facilitator's commands on the current stage's timebox become events
 * with an absolute deadline from the server's clock (`DecideEnv.now`), and one rule says whether
 * such an event may be recorded, when deciding and on replay alike. Time never moves a stage:
 * nothing here runs when a deadline passes (T2).
 */
import type { CommandOf } from '@circlewise/shared/commands';
import type { EventBody, MeetingEvent } from '@circlewise/shared/events';
import type { MeetingView } from '@circlewise/shared/meeting';
import type { Refusal } from '@circlewise/shared/rules';
import { type DecideEnv, refusal } from './decideEngine';

export type TimeboxCommand =
  | CommandOf<'timebox.set'>
  | CommandOf<'timebox.extend'>
  | CommandOf<'timebox.clear'>;

/** The command's event; it judges nothing (`timeboxRule` does). */
export function timeboxEvents(
  view: MeetingView,
  command: TimeboxCommand,
  env: Pick<DecideEnv, 'now'>,
): EventBody[] {
  const itemId = view.currentItemId;
  switch (command.type) {
    case 'timebox.set':
      return [
        {
          type: 'timebox.set',
          itemId,
          stage: command.stage,
          deadline: env.now + command.seconds * 1000,
          reason: 'set',
        },
      ];
    case 'timebox.extend': {
      // A timebox that has run out is extended from now: "two more minutes" means from here.
      const from = Math.max(view.timebox?.deadline ?? env.now, env.now);
      return [
        {
          type: 'timebox.set',
          itemId,
          stage: command.stage,
          deadline: from + command.seconds * 1000,
          reason: 'extend',
        },
      ];
    }
    case 'timebox.clear':
      return [{ type: 'timebox.cleared', itemId, stage: command.stage }];
  }
}

// [T1]
/**
 * A timebox is for the current item's current stage, while the item is not finished; a console
 * that names another stage is stale (it has not seen the stage change). Only a timebox that is
 * there can be extended or cleared.
 */
export function timeboxRule(view: MeetingView, event: MeetingEvent): Refusal | null {
  if (event.type !== 'timebox.set' && event.type !== 'timebox.cleared') return null;
  const item = view.views[event.itemId];
  if (event.itemId !== view.currentItemId || !item || item.stage !== event.stage) {
    return refusal('stale_stage', 'timebox_stage_moved_on');
  }
  if (item.stage === 'outcome') return refusal('not_allowed', 'timebox_item_finished');
  const has = view.timebox?.itemId === event.itemId && view.timebox.stage === event.stage;
  if (event.type === 'timebox.cleared' && !has) return refusal('not_found', 'no_timebox_to_clear');
  if (event.type === 'timebox.set' && event.reason === 'extend' && !has) {
    return refusal('not_found', 'no_timebox_to_extend');
  }
  return null;
}
