import { ITEM_KIND_LABELS, STAGE_LABELS } from '@circlewise/shared/constants';
import { type AgendaItem, isFinished, type MeetingView } from '@circlewise/shared/meeting';

/** An item's place in the meeting, in words: for the agenda lists on every screen. */
export function itemStatus(meeting: MeetingView, item: AgendaItem): string {
  const view = meeting.views[item.id];
  if (!view) return '';
  if (item.id === meeting.currentItemId) {
    return isFinished(view) ? 'Now · finished' : `Now · ${STAGE_LABELS[view.stage]}`;
  }
  if (isFinished(view)) return 'Finished';
  return item.openedAt === undefined ? 'Not started' : `Paused at ${STAGE_LABELS[view.stage]}`;
}

export function itemLabel(item: AgendaItem): string {
  return item.reviewOf ? `${ITEM_KIND_LABELS[item.kind]} (review)` : ITEM_KIND_LABELS[item.kind];
}

/** "Item 2 of 4". */
export function position(meeting: MeetingView): string {
  const at = meeting.items.findIndex((i) => i.id === meeting.currentItemId);
  return `Item ${at + 1} of ${meeting.items.length}`;
}
