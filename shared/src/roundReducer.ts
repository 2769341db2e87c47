/**
 * The round's reducer (A5): `(view, event) -> view`, pure and immutable like the decision's and
 * the election's. An item's log starts with its seed (`meeting.created` with the item's title)
 * and goes on with the round's own events. Who is present is the meeting's (meeting.ts), which
 * also notes who was there when the round closed.
 */

import type { MeetingEvent } from './events';
import type { RoundView } from './round';

export function reduceRound(view: RoundView, event: MeetingEvent): RoundView {
  const next = apply(view, event);
  // seq moves even when nothing else does, so clients see no false gap (A3).
  return { ...next, seq: event.seq };
}

function apply(view: RoundView, e: MeetingEvent): RoundView {
  switch (e.type) {
    case 'meeting.created':
      return { ...view, meetingId: e.meetingId, code: e.code, title: e.title, createdAt: e.at };
    case 'round.spoken': {
      // One entry per person: speaking again replaces what they said (and when), and keeps their
      // place in the round, so the round reads as each person's last word in the order they spoke.
      // The log still holds every turn (R1); the minutes' log lines show the earlier words too.
      const entry = { participantId: e.participantId, text: e.text, at: e.at };
      const i = view.entries.findIndex((x) => x.participantId === e.participantId);
      const entries = i < 0 ? [...view.entries, entry] : view.entries.map((x, j) => (j === i ? entry : x));
      return { ...view, entries };
    }
    case 'round.closed':
      return { ...view, stage: 'outcome', closedAt: e.at };
    case 'round.ordered':
      return { ...view, order: e.order };
    case 'round.passed':
      return { ...view, passes: [...(view.passes ?? []), e.participantId] };
    default:
      // A decision's or an election's own events change nothing in a round, nor do comings and
      // goings: who is in the meeting is the meeting's (meeting.ts, M2).
      return view;
  }
}
