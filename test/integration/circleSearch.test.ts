/**
 * Search over a circle's minutes and agreements through the real server (SQLite FTS5): it finds
 * what was said in public and what was agreed, never what is still sealed (A6), and takes
 * whatever a person types as plain words.
 */
import type { SearchHit } from '@circlewise/shared/circles';
import type { MeetingEvent } from '@circlewise/shared/events';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server';
import {
  adopt,
  type CircleMeeting,
  call,
  createCircle,
  expectRefusal,
  openCircleMeeting,
  overview,
} from './circleSupport';
import { ok, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

let key: string;
let held: CircleMeeting;
const SECRET = 'Pistachio gelato every Friday';

async function search(q: string): Promise<SearchHit[]> {
  const answer = await call<{ hits: SearchHit[] }>(
    server,
    'GET',
    `/api/circle/search?q=${encodeURIComponent(q)}`,
    undefined,
    key,
  );
  expect(answer.status, answer.text).toBe(200);
  return answer.json.hits;
}

beforeAll(async () => {
  key = (await createCircle(server, { name: 'Kitchen' })).memberKey;
  held = await openCircleMeeting(server, key, ['Ana', 'Ben'], 'Kitchen meeting');
  const fac = held.facilitator;
  ok(
    await fac.command({
      type: 'proposal.edit',
      title: 'Dishwasher rota',
      driver: 'Dirty mugs pile up by the sink.',
      text: 'Whoever is in first empties the dishwasher.',
    }),
  );
  // Ben asks a question; Ana reacts while reactions are hidden (sealed). The tests below go on
  // from there, in order: the reveal, then the adoption.
  await adopt(held, {
    question: 'Does the rota include weekends?',
    sealedReaction: SECRET,
    stopBeforeReveal: true,
  });
});

describe('search', () => {
  it('[A6] a sealed reaction is not found, nor readable by the circle, before its reveal; it is after', async () => {
    expect(await search('pistachio')).toEqual([]);
    expect(await search('gelato friday')).toEqual([]);
    const events = await call<{ events: MeetingEvent[] }>(
      server,
      'GET',
      `/api/circle/meetings/${held.meeting.code}/events`,
      undefined,
      key,
    );
    expect(events.text).not.toContain('Pistachio');
    expect(events.json.events.some((e) => e.type === 'reaction.given')).toBe(true);

    ok(await held.facilitator.command({ type: 'responses.reveal' }));
    await held.sync();
    const hits = await search('pistachio');
    expect(hits).toEqual([
      {
        kind: 'minutes',
        meetingCode: held.meeting.code,
        title: 'Kitchen meeting',
        snippet: '[Pistachio] gelato every Friday',
        at: expect.any(Number),
      },
    ]);
  });

  it('[R1] a question’s words are found, with the match marked and its meeting named', async () => {
    const hits = await search('weekends');
    expect(hits).toEqual([
      expect.objectContaining({
        kind: 'minutes',
        meetingCode: held.meeting.code,
        snippet: 'Does the rota include [weekends]?',
      }),
    ]);
    // Words are ANDed; the last one is a prefix, as typed in a search box.
    expect(await search('rota weekend')).toHaveLength(1);
    expect(await search('rota marmalade')).toEqual([]);
  });

  it('[R3] an agreement’s words are found as the agreement once adopted', async () => {
    expect((await search('dishwasher')).map((h) => h.kind)).toEqual(['minutes']);
    await held.facilitator.until((v) => v.reactionsRevealed);
    const [ana, ben] = held.people as [CircleMeeting['people'][0], CircleMeeting['people'][0]];
    ok(await held.facilitator.command({ type: 'stage.advance', from: 'reactions' }));
    for (const p of [ana, ben]) ok(await p.command({ type: 'response.give', kind: 'consent' }));
    ok(await held.facilitator.command({ type: 'responses.reveal' }));
    ok(await held.facilitator.command({ type: 'stage.advance', from: 'objections' }));
    for (const p of [ana, ben]) ok(await p.command({ type: 'response.give', kind: 'consent' }));
    ok(await held.facilitator.command({ type: 'outcome.record', outcome: 'adopted' }));
    await held.sync();
    const agreementId = (await overview(server, key)).agreements[0]!.id;
    const hits = await search('dishwasher');
    expect(hits).toContainEqual({
      kind: 'agreement',
      meetingCode: held.meeting.code,
      title: 'Dishwasher rota',
      snippet: expect.stringContaining('[dishwasher]'),
      at: expect.any(Number),
      agreementId,
    });
    expect((await search('mugs sink')).map((h) => h.kind)).toContain('agreement');
  });

  it('[S6] query syntax is plain text: quotes, stars, AND, brackets never fail', async () => {
    for (const q of [
      '"foo* AND (',
      'NEAR(a b)',
      'title:x',
      '^rota',
      '"',
      '*',
      ')',
      'rota OR',
      "'; DROP TABLE search;--",
    ]) {
      await search(q);
    }
    expect(await search('"foo* AND (')).toEqual([]);
    // The words in it still count, as words.
    expect((await search('"weekends* (')).map((h) => h.snippet)).toEqual([
      'Does the rota include [weekends]?',
    ]);
  });

  it('[S6] an empty, missing, repeated or overlong query is a 400 with a clear message', async () => {
    for (const query of ['', '?q=', '?q=%20%20', '?q=a&q=b', `?q=${'a'.repeat(201)}`]) {
      const message = expectRefusal(
        await call(server, 'GET', `/api/circle/search${query}`, undefined, key),
        400,
        'invalid_payload',
      );
      expect(message).toMatch(/search/i);
    }
  });
});
