/**
 * The round's reducer (A5): `(view, event) -> view`, pure and immutable like the decision's and
 * the election's. An item's log starts with its seed (`meeting.created` with the item's title,
 * then who is present) and goes on with the round's own events.
 */

import { withJoined, withLeft } from './decision';
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
    // Who is present is the meeting's and reaches every item's view (M2), but a closed round
    // keeps who was there when it closed: its minutes say who did not speak, and the machine,
    // finished, takes no more events either.
    case 'participant.joined':
      return view.stage === 'outcome' ? view : withJoined(view, e);
    case 'participant.left':
      return view.stage === 'outcome' ? view : withLeft(view, e);
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
    default:
      // A decision's or an election's own events change nothing in a round.
      return view;
  }
}
