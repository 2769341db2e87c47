/**
 * A9 over real sockets and REST, with group commit as the server runs by default: the store is
 * capped at its size (SQLite's max_page_count, as a full disk), so writes are refused with
 * `storage_full` (a socket ack, a 507) while reads and joins of known devices go on; nobody hears
 * of a refused event; once there is room again, writes resume in the same process, and after a
 * restart everything that was acknowledged is in the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '@circlewise/server/app';
import { openSqliteStore, type SqliteStore } from '@circlewise/server/store/sqliteStore';
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import type { CommandResult } from '@circlewise/shared/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, TestClient, uuid } from '../support/server';
import { expectError, ok } from './helpers';

let app: App | undefined;
let dataDir: string | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = dataDir = undefined;
});

async function serve(dbFile: string): Promise<{ store: SqliteStore; url: string }> {
  const store = openSqliteStore(dbFile, { synchronous: 'normal', groupCommit: true });
  app = createApp({ store });
  const port = await app.listen(0, '127.0.0.1');
  return { store, url: `http://127.0.0.1:${port}` };
}

function connect(url: string, token?: string): TestClient {
  const c = new TestClient(url, token);
  clients.push(c);
  return c;
}

/** A question long enough to need pages of its own (its body spills to overflow pages). */
const question = (i: number, commandId = uuid()) => ({
  commandId,
  type: 'question.ask' as const,
  text: `Question ${i} `.padEnd(1900, '?'),
});

const post = (url: string, title: string) =>
  fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });

describe('[A9] a full store over real sockets', () => {
  it('[A9] a full store refuses writes with storage_full, reads and known joins go on, writes resume, nothing acknowledged is lost', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'circlewise-full-'));
    const dbFile = join(dataDir, 'circlewise.db');
    const { store, url } = await serve(dbFile);
    const meeting = await createMeeting(url, 'Full disk');
    const fac = connect(url, meeting.facilitatorKey);
    ok(await fac.join(meeting.code));
    const [ada, ben] = [connect(url), connect(url)];
    ok(await ada.join(meeting.code, 'Ada'));
    ok(await ben.join(meeting.code, 'Ben'));
    ok(await fac.command({ type: 'proposal.edit', title: 'Full', driver: 'D', text: 'T' }));
    ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));

    /** Every command acknowledged as recorded: its id, its sender (A2) and seq (checked after the restart). */
    const acked = new Map<string, { sender: string; seq: number }>();
    const send = async (c: TestClient, command: ReturnType<typeof question>): Promise<CommandResult> => {
      const result = await c.command(command);
      if (result.ok)
        acked.set(command.commandId, { sender: c.participantId ?? 'facilitator', seq: result.seq });
      return result;
    };
    ok(await send(ada, question(0)));

    // The disk is full: the store may not grow past the pages it has.
    store.capPages(store.capPages(1_000_000));
    const refused = question(1);
    expectError(await send(ada, refused), 'storage_full');

    // A burst from several phones in one turn shares one group commit. The long questions need
    // new pages and are refused; a short one may fit in what is left of a page, but if a long one
    // breaks the shared transaction after it, it is lost with it and must be refused too.
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2 ? send(ada, question(10 + i)) : send(ben, { ...question(10 + i), text: `Short ${i}` }),
      ),
    );
    for (const [i, result] of burst.entries()) {
      if (i % 2 === 0 && result.ok) continue;
      const error = expectError(result, 'storage_full');
      expect(error.message).toMatch(/disk is full/);
    }
    const shortOnes = burst.filter((r) => r.ok).length;

    // REST writes are refused as 507 with the same code, once the slack in the pages is used.
    let created = 0;
    let full: Response | undefined;
    for (let i = 0; i < 100 && !full; i++) {
      const res = await post(url, `Meeting ${i}`);
      if (res.status === 201) created++;
      else full = res;
    }
    expect(full?.status).toBe(507);
    expect(await full?.json()).toMatchObject({ error: { code: 'storage_full' } });

    // New devices are refused the same way once the slack is used; known devices still join.
    let newcomerRefused: unknown;
    const newcomers: TestClient[] = [];
    for (let i = 0; i < 100 && !newcomerRefused; i++) {
      const c = connect(url);
      const result = await c.join(meeting.code, `New ${i}`);
      if (result.ok) newcomers.push(c);
      else newcomerRefused = result;
    }
    expectError(newcomerRefused, 'storage_full');
    const adaAgain = connect(url, ada.token);
    const rejoined = ok(await adaAgain.join(meeting.code));
    expect(rejoined.participantId).toBe(ada.participantId);

    // Reads go on, and they show the log: nothing refused was applied or broadcast.
    const logSeq = store.events(meeting.meetingId).at(-1)?.seq ?? 0;
    expect(app?.meetings.get(meeting.meetingId)?.view.seq).toBe(logSeq);
    expect(rejoined.view.seq).toBe(logSeq);
    const resync = ok(await fac.resync(0));
    expect(resync).toHaveProperty('events');
    const read = await fetch(`${url}/api/meetings/${meeting.code}/events`, {
      headers: { authorization: `Bearer ${meeting.facilitatorKey}` },
    });
    expect(read.status).toBe(200);
    await fac.untilMeeting((m) => m.seq === logSeq);
    const heard = [fac, ada, ben].flatMap((c) => c.received.flat());
    expect(heard.filter((e) => e.commandId === refused.commandId)).toEqual([]);
    expect(heard.some((e) => e.seq > logSeq)).toBe(false);

    // Space comes back: writes resume in the same process, with no restart.
    store.capPages(1_000_000);
    const retried = ok(await send(ada, refused));
    expect(retried.duplicate).toBe(false);
    ok(await send(ben, question(99)));
    const late = connect(url);
    ok(await late.join(meeting.code, 'Late'));
    expect((await post(url, 'After')).status).toBe(201);
    await ada.untilMeeting((m) => m.seq >= retried.seq + 1);

    // A restart finds everything that was acknowledged, and nothing refused.
    await app?.close();
    const again = await serve(dbFile);
    for (const [commandId, { sender, seq }] of acked) {
      expect(again.store.commandSeq(meeting.meetingId, commandId, sender)).toBe(seq);
    }
    const events = again.store.events(meeting.meetingId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    // Question 0, the short ones acknowledged, the refused one once retried, and question 99.
    expect(events.filter((e) => e.type === 'question.asked')).toHaveLength(3 + shortOnes);
    // Whatever anyone heard is in the log as they heard it.
    const bySeq = new Map(events.map((e) => [e.seq, e.commandId]));
    for (const e of [fac, ada, ben].flatMap((c) => c.received.flat())) {
      expect(bySeq.get(e.seq)).toBe(e.commandId);
    }
    // Ada, Ben, the newcomers let in before the store was full, and Late.
    expect(events.filter((e) => e.type === 'participant.joined')).toHaveLength(newcomers.length + 3);
    expect(again.store.openMeetings()).toHaveLength(created + 2);
    expect(app?.meetings.get(meeting.meetingId)?.view).toEqual(reduceMeetingLog(events));
  });
});
