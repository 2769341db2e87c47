import { describe, expect, it } from 'vitest';
import type { MeetingEvent, NewEvent } from './events';
import { buildMinutes, MINUTES_JSON_FORMAT, minutesFromEvents, minutesToJson } from './minutes';
import { minutesToMarkdown } from './minutesMarkdown';
import { eventFor, type Viewer } from './visibility';

const ANA = 'p-ana';
const BEN = 'p-ben';
const CLEO = 'p-cleo';
const START = Date.UTC(2025, 0, 15, 9, 0);

function log(bodies: NewEvent[]): MeetingEvent[] {
  return bodies.map((b, i) => ({ ...b, seq: i + 1, at: START + i * 60_000, commandId: `c${i + 1}` }));
}

const asReader = (events: MeetingEvent[], viewer: Viewer) => events.map((e) => eventFor(e, viewer));
const lines = (events: MeetingEvent[]) => minutesFromEvents(events).entries.map((e) => `${e.who}: ${e.text}`);

const people: NewEvent[] = [
  { type: 'participant.joined', participantId: ANA, name: 'Ana', by: ANA },
  { type: 'participant.joined', participantId: BEN, name: 'Ben', by: BEN },
  { type: 'participant.joined', participantId: CLEO, name: 'Cleo', by: CLEO },
];

function decision(): MeetingEvent[] {
  return log([
    { type: 'meeting.created', meetingId: 'm1', code: 'ABC234', title: 'Plant care', by: 'system' },
    ...people,
    {
      type: 'proposal.edited',
      title: 'Watering',
      driver: 'Dry plants.',
      text: 'Ana waters.',
      by: 'facilitator',
    },
    { type: 'stage.changed', from: 'proposal', to: 'clarifying', reason: 'advance', by: 'facilitator' },
    { type: 'stage.changed', from: 'clarifying', to: 'reactions', reason: 'advance', by: 'facilitator' },
    {
      type: 'reaction.given',
      participantId: BEN,
      version: 1,
      sealed: true,
      text: 'Good',
      gesture: 'up',
      by: BEN,
    },
    {
      type: 'responses.revealed',
      stage: 'reactions',
      reactions: [{ participantId: BEN, text: 'Good', gesture: 'up' }],
      responses: [],
      by: 'facilitator',
    },
    { type: 'stage.changed', from: 'reactions', to: 'objections', reason: 'advance', by: 'facilitator' },
    {
      type: 'response.given',
      responseId: 'r1',
      participantId: BEN,
      stage: 'objections',
      version: 1,
      sealed: true,
      kind: 'objection',
      reason: 'Away in March',
      by: BEN,
    },
    {
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [{ responseId: 'r1', participantId: BEN, kind: 'objection', reason: 'Away in March' }],
      by: 'facilitator',
    },
  ]);
}

function election(): MeetingEvent[] {
  return log([
    {
      type: 'meeting.created',
      meetingId: 'e1',
      code: 'ELE234',
      title: 'Lead',
      kind: 'election',
      by: 'system',
    },
    ...people,
    {
      type: 'role.set',
      role: 'Lead',
      description: '',
      termStart: '2025-02-01',
      termEnd: '2026-01-31',
      by: 'facilitator',
    },
    { type: 'stage.changed', from: 'role', to: 'nominations', reason: 'advance', by: 'facilitator' },
    // E2: Ben first nominates Cleo, then replaces it with Ana before the reveal.
    { type: 'nomination.given', participantId: BEN, sealed: true, nomineeId: CLEO, reason: 'First', by: BEN },
    {
      type: 'nomination.given',
      participantId: BEN,
      sealed: true,
      nomineeId: ANA,
      reason: 'Knows it',
      by: BEN,
    },
    {
      type: 'nominations.revealed',
      nominations: [{ participantId: BEN, nomineeId: ANA, reason: 'Knows it' }],
      by: 'facilitator',
    },
  ]);
}

describe('minutes of a reader who got sealed submissions redacted [R1, A6, C10]', () => {
  it('fill a reaction and a response with what the reveal showed', () => {
    const ana = lines(asReader(decision(), { role: 'participant', participantId: ANA }));
    expect(ana).toContain('Ben: Reacted: Good (Thumbs up)');
    expect(ana).toContain('Ben: Objection on version 1: Away in March');
    expect(ana.join('\n')).not.toContain('shown when revealed');
  });

  it('read the same for the reader as for the author, who saw it all along', () => {
    const ana = lines(asReader(decision(), { role: 'participant', participantId: ANA }));
    const ben = lines(asReader(decision(), { role: 'participant', participantId: BEN }));
    const strip = (l: string[]) => l.filter((x) => !x.includes('revealed.'));
    expect(strip(ana)).toEqual(strip(ben));
  });

  it('still wait for the reveal when there has been none yet', () => {
    const events = decision().slice(0, -1);
    const ana = lines(asReader(events, { role: 'participant', participantId: ANA }));
    expect(ana).toContain('Ben: Responded to version 1 (shown when revealed).');
    expect(ana.join('\n')).not.toContain('Away in March');
  });

  it('[E2] fill the nomination that was revealed, never the one it replaced', () => {
    const events = asReader(election(), { role: 'participant', participantId: CLEO });
    expect(JSON.stringify(events.filter((e) => e.type === 'nomination.given'))).not.toContain('First');
    const cleo = lines(events);
    expect(cleo).toContain('Ben: Nominated someone (replaced before the reveal).');
    expect(cleo).toContain('Ben: Nominated Ana, because Knows it');
    expect(cleo.join('\n')).not.toMatch(/Cleo, because First|First/);
  });

  it('say a response was not revealed when its round was revealed without it (C5)', () => {
    const events = decision();
    // The proposal is amended before the reveal: Ben's hidden response to version 1 no longer counts.
    const amended = log([
      ...events.slice(0, -1),
      {
        type: 'proposal.amended',
        version: 2,
        driver: 'Dry plants.',
        text: 'Cleo waters.',
        resolves: [],
        by: 'facilitator',
      },
      {
        type: 'responses.revealed',
        stage: 'objections',
        reactions: [],
        responses: [],
        by: 'facilitator',
      },
    ] as NewEvent[]);
    const ana = lines(asReader(amended, { role: 'participant', participantId: ANA }));
    expect(ana).toContain('Ben: Responded to version 1 (not revealed).');
  });
});

describe('structured minutes [R1, R2]', () => {
  it('name people, objections with their fate and the nominations', () => {
    const m = buildMinutes(decision());
    // The proposal's title names the decision once it is written.
    expect(m).toMatchObject({ kind: 'decision', code: 'ABC234', title: 'Watering' });
    expect(m.objections).toEqual([
      expect.objectContaining({
        by: 'Ben',
        reason: 'Away in March',
        status: 'raised',
        fate: 'Raised, waiting to be tested',
      }),
    ]);
    const e = buildMinutes(asReader(election(), { role: 'participant', participantId: CLEO }));
    if (e.kind !== 'election') throw new Error('not an election');
    expect(e.nominations).toEqual([expect.objectContaining({ by: 'Ben', nominee: 'Ana', hidden: false })]);
  });

  it('export JSON in a named format, as a copy', () => {
    const m = buildMinutes(decision());
    const json = minutesToJson(m);
    expect(json.format).toBe(MINUTES_JSON_FORMAT);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    json.log.length = 0;
    expect(m.log.length).toBeGreaterThan(0);
  });
});

describe('O3 the minutes keep who spoke from the queue, and when', () => {
  const queued = () =>
    log([
      { type: 'meeting.created', meetingId: 'm1', code: 'ABC234', title: 'Plant care', by: 'system' },
      ...people,
      {
        type: 'proposal.edited',
        title: 'Watering',
        driver: 'Dry plants.',
        text: 'Ana waters.',
        by: 'facilitator',
      },
      { type: 'stage.changed', from: 'proposal', to: 'clarifying', reason: 'advance', by: 'facilitator' },
      { type: 'hand.raised', participantId: BEN, stage: 'clarifying', by: BEN },
      { type: 'hand.raised', participantId: CLEO, stage: 'clarifying', by: CLEO },
      { type: 'hand.lowered', participantId: CLEO, by: CLEO },
      { type: 'hand.called', participantId: BEN, stage: 'clarifying', by: 'facilitator' },
    ]);

  it('[O3] a log line for each raise, lower and call, and the speakers with their times', () => {
    const events = queued();
    expect(lines(events).slice(-4)).toEqual([
      'Ben: Raised a hand to speak (Clarifying questions).',
      'Cleo: Raised a hand to speak (Clarifying questions).',
      'Cleo: Lowered their hand.',
      'Facilitator: Called Ben to speak (Clarifying questions).',
    ]);
    const minutes = buildMinutes(events);
    if (minutes.kind !== 'decision') throw new Error('not a decision');
    const called = events[events.length - 1]!;
    expect(minutes.speakers).toEqual([{ by: 'Ben', at: called.at, stage: 'Clarifying questions' }]);
    expect(minutesToMarkdown(minutes)).toContain('## Who spoke\n\n- 09:');
  });

  it('[O3] minutes without a queue have no speakers at all', () => {
    const minutes = buildMinutes(decision());
    expect(minutes).not.toHaveProperty('speakers');
    expect(minutesToMarkdown(minutes)).not.toContain('Who spoke');
  });
});

describe('O1, O2 the minutes keep a reactions round in turn', () => {
  it('[O1] a log line for the order of the reactions round and for each pass', () => {
    const events = log([
      { type: 'meeting.created', meetingId: 'm1', code: 'ABC234', title: 'Plant care', by: 'system' },
      ...people,
      {
        type: 'proposal.edited',
        title: 'Watering',
        driver: 'Dry plants.',
        text: 'Ana waters.',
        by: 'facilitator',
      },
      { type: 'stage.changed', from: 'proposal', to: 'clarifying', reason: 'advance', by: 'facilitator' },
      { type: 'stage.changed', from: 'clarifying', to: 'reactions', reason: 'advance', by: 'facilitator' },
      { type: 'round.ordered', order: [CLEO, BEN], shuffled: false, by: 'facilitator' },
      { type: 'round.passed', participantId: CLEO, by: CLEO },
    ]);
    expect(lines(events).slice(-2)).toEqual([
      'Facilitator: Set the order of the reactions round: Cleo, Ben.',
      'Cleo: Passed in the reactions round.',
    ]);
  });
});
