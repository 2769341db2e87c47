/**
 * A round's view (M3): the reducer over a round item's events, pure and immutable (A5), and the
 * readings of it every screen and the minutes share.
 */
import { describe, expect, it } from 'vitest';
import { FACILITATOR, type MeetingEvent, type NewEvent } from './events';
import { emptyMeetingView, type MeetingView, reduceMeeting, type Seated, seated } from './meeting';
import { canSpeak, emptyRoundView, entryOf, notYetSpoken, type RoundView, roundPresent } from './round';
import { roundLogText, roundMinutes } from './roundMinutes';
import { reduceRound } from './roundReducer';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const START = Date.UTC(2025, 0, 15, 9, 0);

/** Stamps bodies with consecutive seqs, a minute apart. */
function log(...bodies: NewEvent[]): MeetingEvent[] {
  return bodies.map(
    (b, i) => ({ ...b, seq: i + 1, at: START + i * 60_000, commandId: `c${i + 1}` }) as MeetingEvent,
  );
}

const reduceDecisionLog = (events: MeetingEvent[], from = emptyRoundView()) =>
  events.reduce(reduceRound, from);

/**
 * A meeting on this one round, its events reduced as the meeting reduces them: who is present is
 * the meeting's (M2), the round's own events go to the round. The first event is the round's seed.
 */
function meetingOf(events: MeetingEvent[]): MeetingView {
  const [created, ...rest] = events;
  if (created?.type !== 'meeting.created') throw new Error('A round starts with its seed.');
  let meeting: MeetingView = {
    ...emptyMeetingView(),
    meetingId: created.meetingId,
    code: created.code,
    seq: created.seq,
    items: [{ id: 'r1', kind: 'round', title: created.title, addedAt: created.at, openedAt: created.at }],
    views: { r1: reduceRound(emptyRoundView(), created) },
    currentItemId: 'r1',
  };
  for (const e of rest) meeting = reduceMeeting(meeting, e);
  return meeting;
}

const roundOf = (meeting: MeetingView) => meeting.views.r1 as RoundView;

/** The round as a screen reads it: seated in its meeting. */
const seatedLog = (events: MeetingEvent[]): Seated<RoundView> => {
  const meeting = meetingOf(events);
  return seated(meeting, roundOf(meeting));
};

const left = (participantId: string): NewEvent => ({
  type: 'participant.left',
  participantId,
  reason: 'left',
  by: participantId,
});

/** The item's seed (the meeting's id and code with the round's title), then who joins the meeting. */
const seed: NewEvent[] = [
  { type: 'meeting.created', meetingId: 'm1', code: 'ABC234', title: 'Check-in', by: FACILITATOR },
  { type: 'participant.joined', participantId: A, name: 'Ana', by: A },
  { type: 'participant.joined', participantId: B, name: 'Ben', by: B },
  { type: 'participant.joined', participantId: C, name: 'Cleo', by: C },
];

const spoke = (participantId: string, text: string): NewEvent => ({
  type: 'round.spoken',
  participantId,
  text,
  by: participantId,
});

function next(view: RoundView, body: NewEvent): MeetingEvent {
  return {
    ...body,
    seq: view.seq + 1,
    at: START + 3_600_000 + view.seq,
    commandId: `n${view.seq + 1}`,
  } as MeetingEvent;
}

/** Deep-freezes a value so any mutation by the reducer throws. */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

describe('round view', () => {
  it('[M3] the seed gives the round its title, the meeting’s id and code; seated, who is present', () => {
    const view = seatedLog(log(...seed));
    expect(view).toMatchObject({
      kind: 'round',
      meetingId: 'm1',
      code: 'ABC234',
      title: 'Check-in',
      createdAt: START,
      stage: 'open',
      entries: [],
    });
    expect(Object.values(view.participants).map((p) => [p.name, p.present])).toEqual([
      ['Ana', true],
      ['Ben', true],
      ['Cleo', true],
    ]);
    expect(view.closedAt).toBeUndefined();
  });

  it('[M3] each one who speaks gets an entry, in the order they spoke, seen by all', () => {
    const view = reduceDecisionLog(log(...seed, spoke(B, 'Tired but here.'), spoke(A, 'Glad to be back.')));
    expect(view.entries).toEqual([
      { participantId: B, text: 'Tired but here.', at: START + 4 * 60_000 },
      { participantId: A, text: 'Glad to be back.', at: START + 5 * 60_000 },
    ]);
    expect(entryOf(view, A)?.text).toBe('Glad to be back.');
    expect(entryOf(view, C)).toBeUndefined();
  });

  it('[M3] speaking again replaces that person’s words and time, and keeps their place', () => {
    const view = reduceDecisionLog(
      log(...seed, spoke(B, 'Tired.'), spoke(A, 'Glad.'), spoke(B, 'Tired, but curious about item 2.')),
    );
    expect(view.entries).toEqual([
      { participantId: B, text: 'Tired, but curious about item 2.', at: START + 6 * 60_000 },
      { participantId: A, text: 'Glad.', at: START + 5 * 60_000 },
    ]);
  });

  it('[M3] who has not spoken yet: present people only, in order of joining', () => {
    let view = seatedLog(log(...seed, spoke(B, 'Here.')));
    expect(notYetSpoken(view).map((p) => p.name)).toEqual(['Ana', 'Cleo']);
    view = seatedLog(log(...seed, spoke(B, 'Here.'), left(C)));
    expect(notYetSpoken(view).map((p) => p.name)).toEqual(['Ana']);
    // Someone who spoke and then left keeps their entry: what was said stays said.
    view = seatedLog(log(...seed, spoke(B, 'Here.'), left(C), left(B)));
    expect(view.entries.map((e) => e.participantId)).toEqual([B]);
  });

  it('[M3] the facilitator’s close ends the round with its time', () => {
    const view = reduceDecisionLog(log(...seed, spoke(A, 'Hi.'), { type: 'round.closed', by: FACILITATOR }));
    expect(view.stage).toBe('outcome');
    expect(view.closedAt).toBe(START + 5 * 60_000);
    expect(view.entries).toHaveLength(1);
  });

  it('[M3][R1] a closed round keeps who was there when it closed; later comings and goings pass it by', () => {
    const D = '00000000-0000-4000-8000-00000000000d';
    const events = log(
      ...seed,
      spoke(A, 'Hi.'),
      { type: 'round.closed', by: FACILITATOR },
      { type: 'participant.joined', participantId: D, name: 'Dan', by: D },
      left(B),
    );
    const closed = meetingOf(events.slice(0, -2));
    expect(roundOf(closed).presentAtClose).toEqual([A, B, C]);
    const later = events.slice(-2).reduce(reduceMeeting, closed);
    // The meeting's people moved on; the closed round is the same object as when it closed.
    expect(later.participants[D]?.present).toBe(true);
    expect(later.participants[B]?.present).toBe(false);
    expect(roundOf(later)).toBe(roundOf(closed));
    const view = seated(later, roundOf(later));
    expect(notYetSpoken(view).map((p) => p.name)).toEqual(['Ben', 'Cleo']);
    expect(roundPresent(view).map((p) => p.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(later.seq).toBe(closed.seq + 2);
  });

  it('canSpeak: a present participant while open; otherwise a reason in words', () => {
    const open = seatedLog(log(...seed));
    expect(canSpeak(open, A)).toBeNull();
    expect(canSpeak(open, 'stranger')).toMatchObject({ code: 'not_joined' });
    const absent = seatedLog(
      log(...seed, { type: 'participant.left', participantId: A, reason: 'marked_absent', by: FACILITATOR }),
    );
    expect(canSpeak(absent, A)).toMatchObject({ code: 'forbidden' });
    const closed = seatedLog(log(...seed, { type: 'round.closed', by: FACILITATOR }));
    expect(canSpeak(closed, B)).toMatchObject({ code: 'meeting_closed', message: 'The round is closed.' });
  });

  it('[M2] comings and goings are the meeting’s: the round reducer leaves the round as it is', () => {
    const view = reduceDecisionLog(log(...seed, spoke(A, 'Hi.')));
    expect(view).not.toHaveProperty('participants');
    const joined = reduceRound(
      view,
      next(view, { type: 'participant.joined', participantId: 'd', name: 'Dan', by: 'd' }),
    );
    expect({ ...joined, seq: view.seq }).toEqual(view);
    expect(joined.entries).toBe(view.entries);
  });

  it('[A5] seq advances to each applied event, also for one that changes nothing else', () => {
    const events = log(...seed, spoke(A, 'Hi.'));
    let view = emptyRoundView();
    for (const e of events) {
      view = reduceRound(view, e);
      expect(view.seq).toBe(e.seq);
    }
    // A decision's event in a round's log changes nothing but seq.
    const other = next(view, { type: 'question.answered', questionId: 'q', text: 'x', by: FACILITATOR });
    const after = reduceRound(view, other);
    expect(after.seq).toBe(other.seq);
    expect({ ...after, seq: view.seq }).toEqual(view);
  });

  it('[A5] inputs are not mutated, and untouched parts keep their identity', () => {
    const view = freeze(reduceDecisionLog(log(...seed, spoke(A, 'Hi.'))));
    const bodies: NewEvent[] = [
      spoke(B, 'Hello.'),
      spoke(A, 'Hi again.'),
      { type: 'participant.left', participantId: C, reason: 'left', by: C },
      { type: 'round.closed', by: FACILITATOR },
    ];
    let v = view;
    for (const body of bodies) {
      const e = freeze(next(v, body));
      const copy = JSON.parse(JSON.stringify(e));
      const after = freeze(reduceRound(v, e));
      expect(e).toEqual(copy);
      if (body.type === 'participant.left') {
        expect(after.entries).toBe(v.entries);
        expect({ ...after, seq: v.seq }).toEqual(v);
      }
      v = after;
    }
    expect(v.entries.map((e) => e.text)).toEqual(['Hi again.', 'Hello.']);
  });
});

describe('round minutes', () => {
  it('[R1][M3] the section: what each said, by name and time, who did not speak, and the close', () => {
    const view = seatedLog(
      log(
        ...seed,
        spoke(B, 'Tired but here.'),
        spoke(A, 'Glad.'),
        spoke(B, 'Curious.'),
        { type: 'participant.left', participantId: A, reason: 'left', by: A },
        { type: 'round.closed', by: FACILITATOR },
      ),
    );
    expect(roundMinutes(view)).toEqual({
      kind: 'round',
      title: 'Check-in',
      createdAt: START,
      closedAt: START + 8 * 60_000,
      entries: [
        { by: 'Ben', at: START + 6 * 60_000, text: 'Curious.' },
        { by: 'Ana', at: START + 5 * 60_000, text: 'Glad.' },
      ],
      silent: ['Cleo'],
    });
  });

  it('[R1] an open round has no closedAt; nobody spoke: everyone present is silent', () => {
    const m = roundMinutes(seatedLog(log(...seed)));
    expect(m).not.toHaveProperty('closedAt');
    expect(m.entries).toEqual([]);
    expect(m.silent).toEqual(['Ana', 'Ben', 'Cleo']);
  });

  it('[R1] log lines: a second turn says it replaces the first, so the earlier words stay on record', () => {
    const events = log(...seed, spoke(A, 'Glad.'), spoke(A, 'Glad, and a bit worried.'), {
      type: 'round.closed',
      by: FACILITATOR,
    });
    const lines: string[] = [];
    let view = emptyRoundView();
    for (const e of events) {
      if (e.type === 'round.spoken' || e.type === 'round.closed') lines.push(roundLogText(view, e));
      view = reduceRound(view, e);
    }
    expect(lines).toEqual(['Said: Glad.', 'Said instead: Glad, and a bit worried.', 'Closed the round.']);
  });

  it('[R1] a name unknown to the view reads “Someone”, never an id', () => {
    const view = seatedLog(log(seed[0]!, spoke(A, 'Hi.')));
    expect(roundMinutes(view).entries[0]).toMatchObject({ by: 'Someone', text: 'Hi.' });
  });
});
