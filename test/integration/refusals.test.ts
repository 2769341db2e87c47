/**
 * Issue 12 over the real wire: a refusal arrives as a stable code, a stable reason with its
 * params (what a translating client renders in the reader's language), and `message`, the same
 * sentence in English for clients that do not translate.
 */
import { englishRefusal } from '@circlewise/shared/refusals';
import { describe, expect, it } from 'vitest';
import type { TestClient, TestServer } from '../support/server';
import { call, createCircle } from './circleSupport';
import { advance, client, expectError, ok, openMeeting, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

describe('S6 refusals carry a reason and params (issue 12)', () => {
  it('[S6] a join to an unknown code names the code as a param', async () => {
    const zed = client(server);
    const error = expectError(await zed.join('NOPE00', 'Zed'), 'unknown_meeting');
    expect(error).toEqual({
      code: 'unknown_meeting',
      reason: 'no_meeting_with_code',
      params: { code: 'NOPE00' },
      message: 'No meeting has the code NOPE00. Check the code with your facilitator.',
    });
  });

  it('[O3][S6] a hand raised twice is refused with its place and the queue’s length', async () => {
    const { facilitator, participants } = await openMeeting(server, ['Ana', 'Ben']);
    const [ana, ben] = participants as [TestClient, TestClient];
    ok(await facilitator.command({ type: 'proposal.edit', title: 'T', driver: 'D', text: 'P' }));
    await advance(facilitator, 'proposal');
    expect((await ben.command({ type: 'hand.raise' })).ok).toBe(true);
    expect((await ana.command({ type: 'hand.raise' })).ok).toBe(true);
    const error = expectError(await ana.command({ type: 'hand.raise' }), 'not_allowed');
    expect(error).toMatchObject({ reason: 'hand_already_up', params: { place: 2, total: 2 } });
    expect(error.message).toBe('Your hand is already up: you are number 2 of 2 in the queue.');
  });

  it('[S3][S6] a REST refusal has the same shape: an overlong search names its limit', async () => {
    const { memberKey } = await createCircle(server);
    const answer = await call(server, 'GET', `/api/circle/search?q=${'a'.repeat(201)}`, undefined, memberKey);
    expect(answer.status).toBe(400);
    const { error } = answer.json as { error: { reason: 'search_too_long'; params: { max: number } } };
    expect(error).toMatchObject({ code: 'invalid_payload', reason: 'search_too_long', params: { max: 200 } });
    expect(answer.json).toMatchObject({
      error: { message: englishRefusal('search_too_long', { max: 200 }) },
    });
  });
});
