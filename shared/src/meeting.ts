/**
 * Any kind of meeting: the view is a decision's or an election's, chosen by the first event
 * (`meeting.created`'s kind); `reduceMeeting` sends each event to the right reducer (A5).
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
