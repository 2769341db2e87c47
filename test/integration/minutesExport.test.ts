/**
 * R2: the minutes export. Golden files hold the Markdown of two fixed logs (a decision whose
 * objection an amendment resolves, and an election), so any change to how minutes read shows up
 * here as a diff to look at; then the two export routes against the real server, including A6.
 */
import { readFileSync } from 'node:fs';
import type { MeetingEvent, NewEvent } from '@circlewise/shared/events';
import { buildMeetingMinutes, MEETING_MINUTES_JSON_FORMAT } from '@circlewise/shared/meetingMinutes';
import { buildMinutes } from '@circlewise/shared/minutes';
import { meetingMinutesToMarkdown, minutesToMarkdown } from '@circlewise/shared/minutesMarkdown';
import { eventFor } from '@circlewise/shared/visibility';
import { describe, expect, it } from 'vitest';
import { createMeeting, type TestClient, type TestServer, uuid } from '../support/server';
import { advance, ok, openMeeting, settle, withServer } from './helpers';

const ANA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const CLEO = '00000000-0000-4000-8000-00000000000c';
const OBJECTION = '00000000-0000-4000-8000-0000000000d1';
const CONCERN = '00000000-0000-4000-8000-0000000000d2';
/** 14 March 2025, 09:00 UTC; each event a minute after the one before. */
const START = Date.UTC(2025, 2, 14, 9, 0);

function fixedLog(bodies: NewEvent[]): MeetingEvent[] {
  return bodies.map((body, i) => ({
    ...body,
    seq: i + 1,
    at: START + i * 60_000,
    commandId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  }));
}

const joined: NewEvent[] = [
  { type: 'participant.joined', participantId: ANA, name: 'Ana', by: ANA },
  { type: 'participant.joined', participantId: BEN, name: 'Ben', by: BEN },
  { type: 'participant.joined', participantId: CLEO, name: 'Cleo', by: CLEO },
];

/** A decision: one question, hidden reactions, Ben's objection resolved by version 2, adopted. */
const decision = fixedLog([
  { type: 'meeting.created', meetingId: 'm-1', code: 'PLNT42', title: 'Plant care', by: 'system' },
  ...joined,
  {
    type: 'proposal.edited',
    title: 'Watering rota',
    driver: 'The office plants are dying.',
    text: 'Ana waters the plants every Monday.',
    by: 'facilitator',
  },
  { type: 'stage.changed', from: 'proposal', to: 'clarifying', reason: 'advance', by: 'facilitator' },
  {
    type: 'question.asked',
    questionId: 'q-1',
    participantId: CLEO,
    text: 'Which plants?',
    version: 1,
    by: CLEO,
  },
  { type: 'question.answered', questionId: 'q-1', text: 'All on the second floor.', by: 'facilitator' },
  { type: 'stage.changed', from: 'clarifying', to: 'reactions', reason: 'advance', by: 'facilitator' },
  {
    type: 'reaction.given',
    participantId: BEN,
    version: 1,
    sealed: true,
    text: 'Mondays are busy.',
    gesture: 'sideways',
    by: BEN,
  },
  { type: 'reaction.given', participantId: CLEO, version: 1, sealed: true, text: 'Good idea.', by: CLEO },
  {
    type: 'responses.revealed',
    stage: 'reactions',
    reactions: [
      { participantId: BEN, text: 'Mondays are busy.', gesture: 'sideways' },
      { participantId: CLEO, text: 'Good idea.' },
    ],
    responses: [],
    by: 'facilitator',
  },
  { type: 'stage.changed', from: 'reactions', to: 'objections', reason: 'advance', by: 'facilitator' },
  {
    type: 'response.given',
    responseId: OBJECTION,
    participantId: BEN,
    stage: 'objections',
    version: 1,
    sealed: true,
    kind: 'objection',
    reason: 'Ana is away in March.',
    by: BEN,
  },
  {
    type: 'response.given',
    responseId: CONCERN,
    participantId: CLEO,
    stage: 'objections',
    version: 1,
    sealed: true,
    kind: 'concern',
    reason: 'Overwatering.',
    by: CLEO,
  },
  {
    type: 'responses.revealed',
    stage: 'objections',
    reactions: [],
    responses: [
      { responseId: OBJECTION, participantId: BEN, kind: 'objection', reason: 'Ana is away in March.' },
      { responseId: CONCERN, participantId: CLEO, kind: 'concern', reason: 'Overwatering.' },
    ],
    by: 'facilitator',
  },
  { type: 'objection.tested', objectionId: OBJECTION, verdict: 'qualifies', by: 'facilitator' },
  {
    type: 'proposal.amended',
    version: 2,
    driver: 'The office plants are dying.',
    text: 'Ana waters the plants every Monday; Cleo in March.',
    resolves: [OBJECTION],
    by: 'facilitator',
  },
  { type: 'stage.changed', from: 'objections', to: 'consent', reason: 'advance', by: 'facilitator' },
  {
    type: 'response.given',
    responseId: 'r-ana',
    participantId: ANA,
    stage: 'consent',
    version: 2,
    sealed: false,
    kind: 'consent',
    by: ANA,
  },
  {
    type: 'response.given',
    responseId: 'r-ben',
    participantId: BEN,
    stage: 'consent',
    version: 2,
    sealed: false,
    kind: 'consent',
    by: BEN,
  },
  {
    type: 'response.given',
    responseId: 'r-cleo',
    participantId: CLEO,
    stage: 'consent',
    version: 2,
    sealed: false,
    kind: 'consent',
    by: CLEO,
  },
  { type: 'outcome.recorded', outcome: 'adopted', version: 2, reviewDate: '2025-09-14', by: 'facilitator' },
]);

/** An election: Ben's first nomination replaced before the reveal, a change, Ana elected. */
const election = fixedLog([
  {
    type: 'meeting.created',
    meetingId: 'e-1',
    code: 'LEAD42',
    title: 'Garden lead',
    kind: 'election',
    by: 'system',
  },
  ...joined,
  {
    type: 'role.set',
    role: 'Garden circle lead',
    description: 'Keeps the backlog and calls the meetings.',
    termStart: '2025-04-01',
    termEnd: '2026-03-31',
    by: 'facilitator',
  },
  { type: 'stage.changed', from: 'role', to: 'nominations', reason: 'advance', by: 'facilitator' },
  {
    type: 'nomination.given',
    participantId: ANA,
    sealed: true,
    nomineeId: BEN,
    reason: 'Ben plans well.',
    by: ANA,
  },
  {
    type: 'nomination.given',
    participantId: BEN,
    sealed: true,
    nomineeId: CLEO,
    reason: 'Cleo has time.',
    by: BEN,
  },
  {
    type: 'nomination.given',
    participantId: BEN,
    sealed: true,
    nomineeId: ANA,
    reason: 'She knows every bed.',
    by: BEN,
  },
  { type: 'nomination.given', participantId: CLEO, sealed: true, nomineeId: ANA, reason: '', by: CLEO },
  {
    type: 'nominations.revealed',
    nominations: [
      { participantId: ANA, nomineeId: BEN, reason: 'Ben plans well.' },
      { participantId: BEN, nomineeId: ANA, reason: 'She knows every bed.' },
      { participantId: CLEO, nomineeId: ANA, reason: '' },
    ],
    by: 'facilitator',
  },
  { type: 'stage.changed', from: 'nominations', to: 'changes', reason: 'reveal', by: 'facilitator' },
  {
    type: 'nomination.changed',
    participantId: ANA,
    from: BEN,
    to: ANA,
    reason: 'Ben’s reasons for me convinced me.',
    by: ANA,
  },
  { type: 'nomination.changed', participantId: CLEO, from: ANA, to: ANA, reason: '', by: CLEO },
  { type: 'stage.changed', from: 'changes', to: 'proposal', reason: 'advance', by: 'facilitator' },
  {
    type: 'candidate.proposed',
    version: 1,
    candidateId: ANA,
    termStart: '2025-04-01',
    termEnd: '2026-03-31',
    reasons: 'Ben: She knows every bed.',
    resolves: [],
    by: 'facilitator',
  },
  { type: 'stage.changed', from: 'proposal', to: 'objections', reason: 'advance', by: 'facilitator' },
  {
    type: 'response.given',
    responseId: 'er-ben',
    participantId: BEN,
    stage: 'objections',
    version: 1,
    sealed: true,
    kind: 'consent',
    by: BEN,
  },
  {
    type: 'response.given',
    responseId: 'er-cleo',
    participantId: CLEO,
    stage: 'objections',
    version: 1,
    sealed: true,
    kind: 'consent',
    by: CLEO,
  },
  {
    type: 'response.given',
    responseId: 'er-ana',
    participantId: ANA,
    stage: 'objections',
    version: 1,
    sealed: true,
    kind: 'consent',
    by: ANA,
  },
  {
    type: 'responses.revealed',
    stage: 'objections',
    reactions: [],
    responses: [
      { responseId: 'er-ben', participantId: BEN, kind: 'consent' },
      { responseId: 'er-cleo', participantId: CLEO, kind: 'consent' },
      { responseId: 'er-ana', participantId: ANA, kind: 'consent' },
    ],
    by: 'facilitator',
  },
  { type: 'stage.changed', from: 'objections', to: 'consent', reason: 'advance', by: 'facilitator' },
  {
    type: 'response.given',
    responseId: 'ec-ben',
    participantId: BEN,
    stage: 'consent',
    version: 1,
    sealed: false,
    kind: 'consent',
    by: BEN,
  },
  {
    type: 'response.given',
    responseId: 'ec-cleo',
    participantId: CLEO,
    stage: 'consent',
    version: 1,
    sealed: false,
    kind: 'consent',
    by: CLEO,
  },
  {
    type: 'response.given',
    responseId: 'ec-ana',
    participantId: ANA,
    stage: 'consent',
    version: 1,
    sealed: false,
    kind: 'consent',
    by: ANA,
  },
  {
    type: 'election.recorded',
    outcome: 'elected',
    version: 1,
    electedId: ANA,
    electedName: 'Ana',
    role: 'Garden circle lead',
    termStart: '2025-04-01',
    termEnd: '2026-03-31',
    by: 'facilitator',
  },
]);

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The Markdown the download route makes of a log: the whole meeting's minutes (one item here). */
const exported = (events: MeetingEvent[], timeZone: string) =>
  meetingMinutesToMarkdown(buildMeetingMinutes(events), { timeZone });

describe('minutes as Markdown: golden files [R1, R2]', () => {
  it('a decision whose objection an amendment resolves', () => {
    // The facilitator's copy: what the facilitator's download holds. A meeting of one item reads
    // as that item's minutes, byte for byte.
    expect(exported(decision, 'UTC')).toBe(fixture('decision-minutes.md'));
    expect(minutesToMarkdown(buildMinutes(decision), { timeZone: 'UTC' })).toBe(
      fixture('decision-minutes.md'),
    );
  });

  it('an election, as a participant who saw the others’ nominations only at the reveal reads it', () => {
    // Cleo's copy (A6): others' nominations and responses arrive without content; the reveals
    // fill them, and Ben's replaced first nomination stays unread.
    const cleo = election.map((e) => eventFor(e, { role: 'participant', participantId: CLEO }));
    const markdown = exported(cleo, 'UTC');
    expect(markdown).not.toContain('Cleo has time');
    expect(markdown).toBe(fixture('election-minutes.md'));
    expect(minutesToMarkdown(buildMinutes(cleo), { timeZone: 'UTC' })).toBe(markdown);
  });

  it('reads times in the time zone asked for', () => {
    const markdown = exported(decision, 'Europe/Amsterdam');
    expect(markdown).toContain('- 10:00 Meeting “Plant care” opened (code PLNT42).');
    expect(markdown).toContain('(times Europe/Amsterdam)');
  });
});

describe('GET /api/meetings/:code/minutes.md and .json [R2, A6]', () => {
  let server: TestServer;

  withServer({ set: (s) => (server = s), current: () => server });

  const get = (code: string, file: string, token?: string) =>
    fetch(`${server.url}/api/meetings/${code}/${file}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  it('serve a participant their minutes, and only what they may read', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
    const [ada, ben] = participants as [TestClient, TestClient];
    ok(
      await fac.command({ type: 'proposal.edit', title: 'Budget', driver: 'Money left.', text: 'Spend it.' }),
    );
    await advance(fac, 'proposal');
    await advance(fac, 'clarifying');
    const secret = `reaction-secret-${uuid()}`;
    const mine = `reaction-mine-${uuid()}`;
    ok(await ben.command({ type: 'reaction.give', text: secret }));
    const last = ok(await ada.command({ type: 'reaction.give', text: mine }));
    await settle([fac, ada, ben], last.seq);

    const md = await get(meeting.code, 'minutes.md', ada.token);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toContain(`minutes-${meeting.code}.md`);
    const text = await md.text();
    expect(text).toContain('# Budget');
    expect(text).toContain(mine);
    expect(text).not.toContain(secret);
    expect(text).toContain('Gave a reaction (shown when revealed).');

    const json = await get(meeting.code, 'minutes.json', ada.token);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('content-disposition')).toContain(`minutes-${meeting.code}.json`);
    const body = await json.text();
    // The whole meeting, its one item (made the old way: id = the meeting's) a decision.
    expect(JSON.parse(body)).toMatchObject({
      format: MEETING_MINUTES_JSON_FORMAT,
      code: meeting.code,
      items: [{ id: meeting.meetingId, kind: 'decision', minutes: { kind: 'decision', code: meeting.code } }],
    });
    expect(body).toContain(mine);
    expect(body).not.toContain(secret);

    // The facilitator sees every reaction (C10), so their export holds both.
    const facText = await (await get(meeting.code, 'minutes.md', meeting.facilitatorKey)).text();
    expect(facText).toContain(secret);
    expect(facText).toContain(mine);
  });

  it('refuse a missing or wrong token with 401, an unknown time zone with 400', async () => {
    const meeting = await createMeeting(server.url, 'Closed');
    const other = await createMeeting(server.url, 'Other');
    for (const file of ['minutes.md', 'minutes.json']) {
      for (const token of [undefined, 'not-a-token', other.facilitatorKey]) {
        const res = await get(meeting.code, file, token);
        expect(res.status, `${file} with ${token}`).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'bad_token' } });
      }
      const bad = await get(meeting.code, `${file}?tz=Mars/Olympus_Mons`, meeting.facilitatorKey);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        error: { code: 'invalid_payload', message: expect.stringContaining('time zone') },
      });
      const good = await get(meeting.code, `${file}?tz=Europe/Amsterdam`, meeting.facilitatorKey);
      expect(good.status).toBe(200);
    }
    // S8: an unknown code gets the answer of a wrong token.
    const unknown = await get('ZZZZZZ', 'minutes.md', meeting.facilitatorKey);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'bad_token' } });
  });
});
