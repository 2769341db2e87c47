/**
 * Helpers for the circle integration tests: real HTTP calls to the circle REST API, a meeting
 * held in a circle with a facilitator and named phones over real sockets, and a decision driven
 * to adoption the way a facilitator would.
 */
import type { CircleCreated, CircleOverview, CreateCircleRequest } from '@circlewise/shared/circles';
import type { MeetingKind, ReviewResult } from '@circlewise/shared/constants';
import type { ErrorCode } from '@circlewise/shared/errors';
import type { CreatedMeeting, Failure } from '@circlewise/shared/protocol';
import { expect } from 'vitest';
import type { TestClient, TestServer } from '../support/server';
import { advance, client, expectReason, lastSeq, ok, settle } from './helpers';

export interface Answer<T = unknown> {
  status: number;
  /** The parsed JSON body, or undefined when the body is not JSON (Markdown). */
  json: T;
  text: string;
}

/**
 * One real HTTP request; `body` is sent as JSON unless it is already a string. `key`, a circle's
 * member key, goes in the Authorization header (S10: never in the path).
 */
export async function call<T = Record<string, unknown>>(
  server: TestServer,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  body?: unknown,
  key?: string,
): Promise<Answer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(key !== undefined && { authorization: `Bearer ${key}` }),
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: T;
  try {
    json = JSON.parse(text) as T;
  } catch {
    json = undefined as T;
  }
  return { status: res.status, json, text };
}

/** A refusal in the one shape (S6): `{ error: { code, message } }`, a message, no stack trace. */
export function expectRefusal(answer: Answer, status: number, code: ErrorCode): string {
  expect(answer.status).toBe(status);
  expect(answer.json).toMatchObject({ error: { code, message: expect.any(String) } });
  const { error } = answer.json as Failure;
  const message = error.message;
  expect(message.trim().length).toBeGreaterThan(0);
  expectReason(error);
  expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+/);
  return message;
}

export const UNKNOWN_CIRCLE_MESSAGE =
  'This link no longer opens this circle. Ask a member of the circle for its current link.';

export async function createCircle(
  server: TestServer,
  request: CreateCircleRequest = { name: 'Kitchen circle' },
): Promise<CircleCreated> {
  const answer = await call<CircleCreated>(server, 'POST', '/api/circles', request);
  expect(answer.status, answer.text).toBe(201);
  return answer.json;
}

export async function overview(server: TestServer, key: string): Promise<CircleOverview> {
  const answer = await call<CircleOverview>(server, 'GET', `/api/circle`, undefined, key);
  expect(answer.status, answer.text).toBe(200);
  return answer.json;
}

export interface CircleMeeting {
  meeting: CreatedMeeting;
  facilitator: TestClient;
  people: TestClient[];
  everyone: TestClient[];
  /** Waits until every screen has what the server recorded. */
  sync(): Promise<void>;
}

/** A meeting held in the circle, its facilitator and one phone per name joined. */
export async function openCircleMeeting(
  server: TestServer,
  key: string,
  names: string[],
  title = 'Circle meeting',
  kind: MeetingKind = 'decision',
): Promise<CircleMeeting> {
  const answer = await call<CreatedMeeting>(server, 'POST', `/api/circle/meetings`, { title, kind }, key);
  expect(answer.status, answer.text).toBe(201);
  return joinMeeting(server, answer.json, names);
}

export async function joinMeeting(
  server: TestServer,
  meeting: CreatedMeeting,
  names: string[],
): Promise<CircleMeeting> {
  const facilitator = client(server, meeting.facilitatorKey);
  ok(await facilitator.join(meeting.code));
  const people: TestClient[] = [];
  for (const name of names) {
    const p = client(server);
    ok(await p.join(meeting.code, name));
    people.push(p);
  }
  const everyone = [facilitator, ...people];
  const sync = () => settle(everyone, lastSeq(server, meeting.meetingId));
  await sync();
  return { meeting, facilitator, people, everyone, sync };
}

export interface Adoption {
  /** Written as version 1 unless the decision is already pre-filled (a review). */
  proposal?: { title: string; driver: string; text: string };
  /** An amendment in the reactions round: version 2. */
  amend?: string;
  /** The first person's response in the objection round: a concern with this reason. */
  concern?: string;
  /** A clarifying question the last person asks. */
  question?: string;
  /** A reaction of the first person, given while reactions are hidden (sealed). */
  sealedReaction?: string;
  /** Stop before revealing the sealed reaction: the decision stays in reactions. */
  stopBeforeReveal?: boolean;
  reviewDate?: string;
  review?: ReviewResult;
  /** R3: who is responsible, and the evaluation criteria, given with the outcome. */
  responsible?: string;
  evaluation?: string;
}

/** Runs the meeting's current decision to `adopted`, everyone consenting; any meeting will do. */
export async function adopt(
  m: Pick<CircleMeeting, 'facilitator' | 'people' | 'sync'>,
  a: Adoption = {},
): Promise<void> {
  const fac = m.facilitator;
  const [first, ...rest] = m.people as [TestClient, ...TestClient[]];
  if (a.proposal) ok(await fac.command({ type: 'proposal.edit', ...a.proposal }));
  await advance(fac, 'proposal');
  if (a.question)
    ok(await (m.people.at(-1) as TestClient).command({ type: 'question.ask', text: a.question }));
  await advance(fac, 'clarifying');
  if (a.sealedReaction) ok(await first.command({ type: 'reaction.give', text: a.sealedReaction }));
  if (a.stopBeforeReveal) return m.sync();
  if (a.sealedReaction) ok(await fac.command({ type: 'responses.reveal' }));
  if (a.amend) ok(await fac.command({ type: 'proposal.amend', text: a.amend }));
  await advance(fac, 'reactions');
  ok(
    await first.command(
      a.concern
        ? { type: 'response.give', kind: 'concern', reason: a.concern }
        : { type: 'response.give', kind: 'consent' },
    ),
  );
  for (const p of rest) ok(await p.command({ type: 'response.give', kind: 'consent' }));
  ok(await fac.command({ type: 'responses.reveal' }));
  await advance(fac, 'objections');
  for (const p of m.people) ok(await p.command({ type: 'response.give', kind: 'consent' }));
  ok(
    await fac.command({
      type: 'outcome.record',
      outcome: 'adopted',
      ...(a.reviewDate !== undefined && { reviewDate: a.reviewDate }),
      ...(a.review !== undefined && { review: a.review }),
      ...(a.responsible !== undefined && { responsible: a.responsible }),
      ...(a.evaluation !== undefined && { evaluation: a.evaluation }),
    }),
  );
  await m.sync();
}

/** The date `days` from today (UTC), as review dates are written. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
