/**
 * One agenda item's view when it is a decision or an election, chosen by the item's first event
 * (`meeting.created`'s kind); `reduceMeeting` sends each event to the right reducer (A5). The
 * names are from before agendas, when a meeting was one item: the whole meeting is `AgendaView`
 * (agenda.ts), and `ItemView` / `reduceItem` there add the round.
 */
import type { MeetingKind } from './constants';
import { type ElectionView, emptyElectionView } from './election';
import { reduceElection } from './electionReducer';
import type { MeetingEvent } from './events';
import { reduce } from './reducer';
import { emptyView, type MeetingView } from './view';

export type AnyMeetingView = MeetingView | ElectionView;

export function emptyMeetingView(kind: MeetingKind = 'decision'): AnyMeetingView {
  return kind === 'election' ? emptyElectionView() : emptyView();
}

export function reduceMeeting(view: AnyMeetingView, event: MeetingEvent): AnyMeetingView {
  if (event.type === 'meeting.created' && view.seq === 0 && (event.kind ?? 'decision') !== view.kind) {
    view = emptyMeetingView(event.kind);
  }
  return view.kind === 'election' ? reduceElection(view, event) : reduce(view, event);
}

/** A whole log, from its first event. */
export function reduceLog(events: readonly MeetingEvent[]): AnyMeetingView {
  let view = emptyMeetingView();
  for (const event of events) view = reduceMeeting(view, event);
  return view;
}
