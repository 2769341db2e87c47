/**
 * One agenda item's view when it is a decision or an election, chosen by the item's first event
 * (`meeting.created`'s kind); `reduceConsentItem` sends each event to the right reducer (A5). The
 * whole meeting is `MeetingView` (meeting.ts); `ItemView` / `reduceItem` there add the round.
 */
import type { MeetingKind } from './constants';
import { type DecisionView, emptyDecisionView } from './decision';
import { reduceDecision } from './decisionReducer';
import { type ElectionView, emptyElectionView } from './election';
import { reduceElection } from './electionReducer';
import type { MeetingEvent } from './events';

export type ConsentItemView = DecisionView | ElectionView;

export function emptyConsentItemView(kind: MeetingKind = 'decision'): ConsentItemView {
  return kind === 'election' ? emptyElectionView() : emptyDecisionView();
}

export function reduceConsentItem(view: ConsentItemView, event: MeetingEvent): ConsentItemView {
  if (event.type === 'meeting.created' && view.seq === 0 && (event.kind ?? 'decision') !== view.kind) {
    view = emptyConsentItemView(event.kind);
  }
  return view.kind === 'election' ? reduceElection(view, event) : reduceDecision(view, event);
}

/** A whole log, from its first event. */
export function reduceConsentItemLog(events: readonly MeetingEvent[]): ConsentItemView {
  let view = emptyConsentItemView();
  for (const event of events) view = reduceConsentItem(view, event);
  return view;
}
