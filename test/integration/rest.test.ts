/**
 * The small REST surface: create a meeting, health, and errors that are always
 * `{ error: { code, message } }` (validation failures may also carry `ok: false`), never a stack.
 */
import { LIMITS } from '@circlewise/shared/constants';
import type { ErrorCode } from '@circlewise/shared/errors';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server';
import { client, log, ok, withServer } from './helpers';

let server: TestServer;

withServer({ set: (s) => (server = s), current: () => server });

async function post(body: string | undefined, contentType = 'application/json') {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    ...(body !== undefined && { body }),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

function expectRestError(answer: { json: Record<string, unknown>; text: string }, code: ErrorCode): void {
  expect(answer.json).toMatchObject({ error: { code, message: expect.any(String) } });
  expect((answer.json.error as { message: string }).message.length).toBeGreaterThan(0);
  expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('REST', () => {
  it('POST /api/meetings creates a meeting: 201 {meetingId, code, facilitatorKey}', async () => {
    const created = await post(JSON.stringify({ title: 'Quarterly budget' }));
    expect(created.status).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(['code', 'facilitatorKey', 'meetingId']);
    const { meetingId, code, facilitatorKey } = created.json as Record<string, string>;
    expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(facilitatorKey!.length).toBeGreaterThanOrEqual(32);

    // The meeting is live, logged, and the key opens it as its facilitator (S1).
    expect(log(server, meetingId!)).toMatchObject([
      { seq: 1, type: 'meeting.created', title: 'Quarterly budget', code },
    ]);
    const desk = client(server, facilitatorKey);
    const joined = ok(await desk.join(code!));
    expect(joined).toMatchObject({
      role: 'facilitator',
      view: { meetingId, code, title: 'Quarterly budget', seq: 1 },
    });
    // Its agenda is one item, a decision (the default kind), whose id is the meeting's, and the
    // meeting is on it (M1): as a meeting was before it had an agenda.
    expect(joined.view).toMatchObject({
      items: [{ id: meetingId, kind: 'decision', title: 'Quarterly budget' }],
      currentItemId: meetingId,
      views: { [meetingId!]: { kind: 'decision', stage: 'proposal', seq: 1 } },
    });
    expect(joined.participantId).toBeUndefined();

    // No title, or no body at all: an untitled meeting, each with its own code and key.
    const untitled = await post('{}');
    expect(untitled.status).toBe(201);
    const bare = await post(undefined);
    expect(bare.status).toBe(201);
    expect(new Set([code, untitled.json.code, bare.json.code]).size).toBe(3);
    expect(new Set([facilitatorKey, untitled.json.facilitatorKey, bare.json.facilitatorKey]).size).toBe(3);
    expect(log(server, untitled.json.meetingId as string)[0]).toMatchObject({ title: 'Untitled meeting' });
  });

  it.each([
    {
      name: 'a title over the limit',
      body: JSON.stringify({ title: 't'.repeat(LIMITS.title + 1) }),
      status: 400,
      code: 'invalid_payload',
    },
    { name: 'a blank title', body: JSON.stringify({ title: '   ' }), status: 400, code: 'invalid_payload' },
    {
      name: 'a title that is a number',
      body: JSON.stringify({ title: 42 }),
      status: 400,
      code: 'invalid_payload',
    },
    {
      name: 'an unknown field',
      body: JSON.stringify({ title: 'x', facilitatorKey: 'mine' }),
      status: 400,
      code: 'invalid_payload',
    },
    { name: 'an array body', body: '[]', status: 400, code: 'invalid_payload' },
    { name: 'JSON null', body: 'null', status: 400, code: 'invalid_payload' },
    { name: 'a bare string', body: '"hello"', status: 400, code: 'invalid_payload' },
    { name: 'broken JSON', body: '{"title": ', status: 400, code: 'invalid_payload' },
    {
      name: 'a body over 32 KB',
      body: JSON.stringify({ title: 'x'.repeat(40 * 1024) }),
      status: 413,
      code: 'payload_too_large',
    },
  ] as const)('POST /api/meetings with $name answers $status $code', async ({ body, status, code }) => {
    const before = server.app.meetings.count();
    const answer = await post(body);
    expect(answer.status).toBe(status);
    expectRestError(answer, code);
    expect(server.app.meetings.count()).toBe(before);
  });

  it('[S8] GET /api/health is ok and says the version, and nothing else: no counts, no addresses', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ ok: true, version: expect.any(String) });
  });

  it('an unknown API route is a 404 not_found in the same shape', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['DELETE', '/api/meetings'],
      ['GET', '/api/meetings'],
    ] as const) {
      // A write as the app sends it (JSON), so the route, not the write guard, answers.
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
      });
      const text = await res.text();
      expect(res.status).toBe(404);
      expectRestError({ text, json: JSON.parse(text) }, 'not_found');
    }
  });
});
