/**
 * The whole meeting's reducer (A5) and who is in it (M2): participants are kept once, in the
 * meeting, and an item is read with them by seating it. So the join snapshot grows with items
 * plus participants, never items times participants.
 */
import { describe, expect, it } from 'vitest';
import type { ItemKind } from './constants';
import type { DecisionView } from './decision';
import { FACILITATOR, type MeetingEvent, type NewEvent } from './events';
import {
  isMeetingEvent,
  itemSeed,
  type MeetingView,
  reduceMeeting,
  reduceMeetingLog,
  seated,
} from './meeting';
import { agendaFor } from './visibility';

const START = Date.UTC(2025, 0, 15, 9, 0);

/** Stamps bodies with consecutive seqs from 100 (every seq here has three digits), a second apart. */
function log(...bodies: NewEvent[]): MeetingEvent[] {
  return bodies.map(
    (b, i) => ({ ...b, seq: 100 + i, at: START + i * 1_000, commandId: `c${100 + i}` }) as MeetingEvent,
  );
}

/** The event that comes next in this meeting's log. */
function next(meeting: MeetingView, body: NewEvent): MeetingEvent {
  const seq = meeting.seq + 1;
  return { ...body, seq, at: START + (seq - 100) * 1_000, commandId: `c${seq}` } as MeetingEvent;
}

const person = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const created: NewEvent = {
  type: 'meeting.created',
  meetingId: 'm1',
  code: 'ABC234',
  title: 'Circle meeting',
  by: 'system',
};
const join = (i: number): NewEvent => ({
  type: 'participant.joined',
  participantId: person(i),
  name: `Person ${i}`,
  by: person(i),
});
const leave = (i: number): NewEvent => ({
  type: 'participant.left',
  participantId: person(i),
  reason: 'left',
  by: person(i),
});
const KINDS: ItemKind[] = ['decision', 'election', 'round'];
const add = (i: number): NewEvent => ({
  type: 'agenda.item.added',
  itemId: `item-${i}`,
  kind: KINDS[i % KINDS.length]!,
  title: `Item ${i}`,
  by: FACILITATOR,
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A meeting where `people` join, then `items` more items are added (the first is the meeting's). */
const meetingWith = (people: number, items: number) =>
  reduceMeetingLog(log(created, ...range(people).map(join), ...range(items).map(add)));

/** The join snapshot as a participant gets it (A6), in characters: all ASCII here, so bytes. */
const snapshotSize = (meeting: MeetingView) =>
  JSON.stringify(agendaFor(meeting, { role: 'participant', participantId: person(1) })).length;

describe('who is in the meeting (M2)', () => {
  it('[M2] item views hold no participants; joins and leaves change the meeting’s only', () => {
    const before = reduceMeetingLog(log(created, join(1), join(2), add(1), add(2), add(3)));
    for (const view of Object.values(before.views)) expect(view).not.toHaveProperty('participants');
    const joined = reduceMeeting(before, next(before, join(3)));
    expect(joined.views).toBe(before.views);
    expect(joined.participants).not.toBe(before.participants);
    expect(joined.participants[person(1)]).toBe(before.participants[person(1)]);
    expect(joined.participants[person(3)]).toMatchObject({ name: 'Person 3', present: true });
    const left = reduceMeeting(joined, next(joined, leave(2)));
    expect(left.views).toBe(before.views);
    expect(left.participants[person(2)]?.present).toBe(false);
  });

  it('[M2] an item’s own event leaves the meeting’s participants as they are', () => {
    const before = reduceMeetingLog(log(created, join(1)));
    const after = reduceMeeting(
      before,
      next(before, { type: 'proposal.edited', title: 'Lunch', driver: 'D', text: 'T', by: FACILITATOR }),
    );
    expect(after.participants).toBe(before.participants);
    expect(after.views[after.currentItemId]).not.toBe(before.views[before.currentItemId]);
  });

  it('[M2] comings and goings are meeting events; a new item’s seed carries nobody', () => {
    const [joined, left] = log(join(1), leave(1));
    expect(isMeetingEvent(joined!)).toBe(true);
    expect(isMeetingEvent(left!)).toBe(true);
    const before = reduceMeetingLog(log(created, join(1), join(2), leave(2)));
    const added = next(before, add(1)) as Extract<MeetingEvent, { type: 'agenda.item.added' }>;
    expect(itemSeed(before, added).map((e) => e.type)).toEqual(['meeting.created']);
  });

  it('[M2] seated: the item with the meeting’s participants beside it, both shared, neither copied', () => {
    const meeting = reduceMeetingLog(log(created, join(1), join(2)));
    const item = meeting.views[meeting.currentItemId] as DecisionView;
    const view = seated(meeting, item);
    expect(view.participants).toBe(meeting.participants);
    expect(view.versions).toBe(item.versions);
    expect({ ...view, participants: undefined }).toEqual({ ...item, participants: undefined });
    expect(item).not.toHaveProperty('participants');
  });
});

describe('the join snapshot’s size (M2, A4)', () => {
  it('[A4] a join snapshot grows with items plus participants, not items times participants', () => {
    const full = meetingWith(50, 9);
    expect(full.items).toHaveLength(10);
    expect(Object.keys(full.participants)).toHaveLength(50);
    // No item holds a copy of who is there, in the meeting or in the snapshot a participant gets.
    const snapshot = agendaFor(full, { role: 'participant', participantId: person(1) });
    for (const view of Object.values(snapshot.views)) expect(view).not.toHaveProperty('participants');
    // Ten more items add the same bytes whether nobody or 50 people are in the meeting.
    const growth = (people: number) =>
      snapshotSize(meetingWith(people, 19)) - snapshotSize(meetingWith(people, 9));
    expect(growth(50)).toBe(growth(0));
    // And 50 people cost their own record once, not once per item: with each of the 10 items
    // carrying them, the people alone would take ten times that.
    const people = JSON.stringify(full.participants).length;
    expect(snapshotSize(full)).toBeLessThan(snapshotSize(meetingWith(0, 9)) + 2 * people);
    expect(snapshotSize(full)).toBeLessThan(10 * people);
  });

  it('[M2] adding items adds the same bytes whether 0, 5 or 50 people are in the meeting', () => {
    const growth = (people: number) =>
      snapshotSize(meetingWith(people, 10)) - snapshotSize(meetingWith(people, 0));
    expect(growth(5)).toBe(growth(0));
    expect(growth(50)).toBe(growth(0));
  });

  it('[M2] with 10 items, each participant is in the snapshot once', () => {
    const empty = meetingWith(0, 9);
    const full = meetingWith(50, 9);
    expect(full.items).toHaveLength(10);
    // The only difference 50 people make is the meeting's record of them, written once.
    const people = JSON.stringify(full.participants).length - JSON.stringify({}).length;
    expect(snapshotSize(full) - snapshotSize(empty)).toBe(people);
    // Before, every item's view held a copy: the same snapshot with the people seated in each item.
    const copied = JSON.stringify({
      ...full,
      views: Object.fromEntries(Object.entries(full.views).map(([id, v]) => [id, seated(full, v)])),
    }).length;
    expect(copied - snapshotSize(full)).toBeGreaterThan(9 * people);
  });
});
