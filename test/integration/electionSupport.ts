/**
 * Helpers for the election integration tests: open an election with a facilitator and named
 * participants over real sockets, unwrap acks, wait for every screen, read the server's log and
 * the REST answers.
 */

import type { ElectionView } from '@circlewise/shared/election';
import type { ErrorCode } from '@circlewise/shared/errors';
import type { MeetingEvent } from '@circlewise/shared/events';
import { currentItem } from '@circlewise/shared/meeting';
import type { CreatedMeeting, Failure } from '@circlewise/shared/protocol';
import { expect } from 'vitest';
import { createMeeting, TestClient, type TestServer } from '../support/server';

export type ElectionClient = TestClient<ElectionView>;

const opened = new Set<ElectionClient>();

export function electionClient(server: TestServer, token?: string): ElectionClient {
  const c = new TestClient<ElectionView>(server.url, token);
  opened.add(c);
  return c;
}

export function closeElectionClients(): void {
  for (const c of opened) c.close();
  opened.clear();
}

export interface OpenElection {
  meeting: CreatedMeeting;
  facilitator: ElectionClient;
  /** Participants by name, in the order given. */
  people: Record<string, ElectionClient>;
  /** What each client got when it joined (its snapshot), keyed by client. */
  joins: Map<ElectionClient, unknown>;
}

/** Creates an election over REST, joins its facilitator and one participant per name. */
export async function openElection(server: TestServer, names: string[]): Promise<OpenElection> {
  const meeting = await createMeeting(server.url, 'Circle lead', 'election');
  const joins = new Map<ElectionClient, unknown>();
  const facilitator = electionClient(server, meeting.facilitatorKey);
  const joined = ok(await facilitator.join(meeting.code));
  expect(joined.role).toBe('facilitator');
  // Made the old way: its one item, the election, is the one the meeting is on.
  expect(currentItem(joined.view)?.kind).toBe('election');
  joins.set(facilitator, joined);
  const people: Record<string, ElectionClient> = {};
  for (const name of names) {
    const p = electionClient(server);
    const result = ok(await p.join(meeting.code, name));
    expect(result.role).toBe('participant');
    joins.set(p, result);
    people[name] = p;
  }
  await settle([facilitator, ...Object.values(people)], lastSeq(server, meeting.meetingId));
  return { meeting, facilitator, people, joins };
}

/** Unwraps a successful ack, failing the test with the server's message otherwise. */
export function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) {
    const { error } = result as unknown as Failure;
    throw new Error(`expected ok, got ${error.code}: ${error.message}`);
  }
  return result as Extract<T, { ok: true }>;
}

/** Asserts an error ack with a stable code and a readable message (S6). */
export function expectError(result: unknown, code: ErrorCode): void {
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect((result as Failure).error.message.trim().length).toBeGreaterThan(0);
}

/** Resolves once every client's view has applied the event with this seq. */
export async function settle(clients: ElectionClient[], seq: number): Promise<void> {
  await Promise.all(clients.map((c) => c.until((v) => v.seq >= seq)));
}

export function log(server: TestServer, meetingId: string): MeetingEvent[] {
  return server.app.meetings.store.events(meetingId);
}

export function lastSeq(server: TestServer, meetingId: string): number {
  return log(server, meetingId).at(-1)?.seq ?? 0;
}

export function pid(c: ElectionClient): string {
  if (!c.participantId) throw new Error('this client has not joined as a participant');
  return c.participantId;
}

/** GET /api/meetings/:code/<path> with a bearer token. */
export async function rest(
  server: TestServer,
  code: string,
  path: 'events' | 'roles',
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/meetings/${code}/${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}
