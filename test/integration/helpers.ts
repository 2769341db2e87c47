/**
 * Small helpers shared by the integration tests: open a meeting with a facilitator and named
 * participants, unwrap acks, wait for every screen to reach a seq, read the server's log.
 */

import type { ConsentStage } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import type { ErrorCode } from '@circlewise/shared/errors';
import type { MeetingEvent } from '@circlewise/shared/events';
import {
  currentItem,
  type ItemView,
  type MeetingView,
  type Seated,
  seated,
} from '@circlewise/shared/meeting';
import type { CreatedMeeting, Failure } from '@circlewise/shared/protocol';
import { englishRefusal, isRefusalReason } from '@circlewise/shared/refusals';
import { agendaFor, type Viewer } from '@circlewise/shared/visibility';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createMeeting, startServer, TestClient, type TestServer } from '../support/server';

export interface OpenMeeting {
  meeting: CreatedMeeting;
  facilitator: TestClient;
  participants: TestClient[];
}

/** Every client made through here, so a file's afterEach/afterAll can close them all. */
const opened = new Set<TestClient>();

export function client(server: TestServer, token?: string): TestClient {
  const c = new TestClient(server.url, token);
  opened.add(c);
  return c;
}

export function closeClients(): void {
  for (const c of opened) c.close();
  opened.clear();
}

/** Creates a meeting over REST, joins its facilitator and one participant per name. */
export async function openMeeting(server: TestServer, names: string[], title?: string): Promise<OpenMeeting> {
  const meeting = await createMeeting(server.url, title);
  const facilitator = client(server, meeting.facilitatorKey);
  const joined = ok(await facilitator.join(meeting.code));
  expect(joined.role).toBe('facilitator');
  const participants: TestClient[] = [];
  for (const name of names) {
    const p = client(server);
    const result = ok(await p.join(meeting.code, name));
    expect(result.role).toBe('participant');
    participants.push(p);
  }
  await settle([facilitator, ...participants], lastSeq(server, meeting.meetingId));
  return { meeting, facilitator, participants };
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
export function expectError(result: unknown, code: ErrorCode): Failure['error'] {
  expect(result).toMatchObject({ ok: false, error: { code } });
  const { error } = result as Failure;
  expect(typeof error.message).toBe('string');
  expect(error.message.trim().length).toBeGreaterThan(0);
  expectReason(error);
  return error;
}

/**
 * Issue 12: a refusal names a reason of shared/src/refusals.ts, and its English `message` is that
 * reason's sentence with its params put in.
 */
export function expectReason(error: Failure['error']): void {
  expect(isRefusalReason(error.reason), `reason ${String(error.reason)}`).toBe(true);
  if (isRefusalReason(error.reason)) expect(error.message).toBe(englishRefusal(error.reason, error.params));
}

/** Resolves once every client's view has applied the event with this seq. */
export async function settle(clients: TestClient[], seq: number): Promise<void> {
  await Promise.all(clients.map((c) => c.until((v) => v.seq >= seq)));
}

export function log(server: TestServer, meetingId: string): MeetingEvent[] {
  return server.app.meetings.store.events(meetingId);
}

export function lastSeq(server: TestServer, meetingId: string): number {
  return log(server, meetingId).at(-1)?.seq ?? 0;
}

/** The whole meeting the server holds (agenda, every item's view), as this viewer may see it. */
export function serverMeeting(server: TestServer, meetingId: string, viewer: Viewer): MeetingView {
  const meeting = server.app.meetings.get(meetingId);
  if (!meeting) throw new Error(`no live meeting ${meetingId}`);
  return agendaFor(meeting.view, viewer);
}

/**
 * The view of the item a meeting is on, with the meeting's seq: what `TestClient.view` is, so the
 * two compare as they are.
 */
export function itemView<V extends ItemView = DecisionView>(meeting: MeetingView): Seated<V> {
  const item = currentItem(meeting);
  if (!item) throw new Error(`meeting ${meeting.meetingId} is on no item`);
  return { ...seated(meeting, item), seq: meeting.seq } as unknown as Seated<V>;
}

/** The view the server holds of the item this meeting is on, as this viewer may see it. */
export function serverView(server: TestServer, meetingId: string, viewer: Viewer): Seated<DecisionView> {
  // The meetings these helpers open are decisions.
  return itemView(serverMeeting(server, meetingId, viewer));
}

export function asViewer(c: TestClient): Viewer {
  if (!c.participantId) throw new Error('this client has not joined as a participant');
  return { role: 'participant', participantId: c.participantId };
}

/** The facilitator moves the meeting one stage on from `from`; returns the recorded seq. */
export async function advance(facilitator: TestClient, from: ConsentStage): Promise<number> {
  return ok(await facilitator.command({ type: 'stage.advance', from })).seq;
}

/** The participant id of a client that joined as a participant. */
export function pid(c: TestClient): string {
  if (!c.participantId) throw new Error('this client has not joined as a participant');
  return c.participantId;
}

/** Every event this client received over the wire, flattened. */
export function receivedEvents(c: TestClient): MeetingEvent[] {
  return c.received.flat();
}

/**
 * A real server for this file's tests (or a fresh one per test), and the clients they opened
 * closed afterwards. `set` hands the server to the file's own variable; teardown destroys the
 * one `current` returns, which may be a restarted server (A8 tests restart mid-test).
 */
export function withServer(
  slot: { set: (server: TestServer) => void; current: () => TestServer | undefined },
  options: { perTest?: boolean; groupCommit?: boolean; closeClients?: () => void } = {},
): void {
  (options.perTest ? beforeEach : beforeAll)(async () => {
    slot.set(
      await startServer(options.groupCommit === undefined ? {} : { groupCommit: options.groupCommit }),
    );
  });
  (options.perTest ? afterEach : afterAll)(async () => {
    (options.closeClients ?? closeClients)();
    await slot.current()?.destroy();
  });
}
