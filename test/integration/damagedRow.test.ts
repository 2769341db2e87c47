/**
 * A11: one damaged row in one meeting's log (a body that is not JSON, as a torn write or a hand
 * edit leaves it) quarantines that meeting, and only that one: the real server starts on the
 * file, reports the meeting's id and the row's seq, serves the meeting read-only, and every
 * other meeting runs as usual.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, TestClient } from '../support/server';
import { freePort, type ServerProcess, startMainProcess } from '../support/serverProcess';
import { closeClients, expectError, ok, openMeeting } from './helpers';

let child: ServerProcess | undefined;
const dirs: string[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  closeClients();
  for (const c of clients.splice(0)) c.close();
  await child?.kill();
  child = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('[A11] a damaged row', () => {
  it('[A11] a row with bad JSON quarantines its meeting at that seq, reported, read-only; the others start and run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'circlewise-damaged-'));
    dirs.push(dataDir);
    const first = await startServer({ dataDir });
    const a = await openMeeting(first, ['Ada', 'Ben']);
    const b = await openMeeting(first, ['Cleo']);
    const tokens = { ada: a.participants[0]!.token, cleo: b.participants[0]!.token };
    closeClients();
    await first.stop();

    // The row of Ben's join in A is torn: its body is no longer JSON.
    const db = new Database(join(dataDir, 'circlewise.db'));
    const badSeq = 3;
    const torn = db
      .prepare(
        "UPDATE events SET body = substr(body, 1, 20) WHERE meeting_id = ? AND seq = ? AND type = 'participant.joined'",
      )
      .run(a.meeting.meetingId, badSeq);
    expect(torn.changes).toBe(1);
    db.close();

    child = await startMainProcess(dataDir, await freePort());
    const c = (token?: string) => {
      const made = new TestClient(child!.url, token);
      clients.push(made);
      return made;
    };

    // B runs as usual: its people come back and its commands are recorded.
    const bFac = c(b.meeting.facilitatorKey);
    ok(await bFac.join(b.meeting.code));
    const cleo = c(tokens.cleo);
    ok(await cleo.join(b.meeting.code));
    ok(await bFac.command({ type: 'proposal.edit', title: 'Bikes', driver: 'No room.', text: 'Yard.' }));
    ok(await bFac.command({ type: 'stage.advance', from: 'proposal' }));
    ok(await cleo.command({ type: 'question.ask', text: 'Which yard?' }));
    // A new meeting can be made and joined too.
    const created = (await (
      await fetch(`${child.url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json()) as { code: string; facilitatorKey: string };
    ok(await c(created.facilitatorKey).join(created.code));

    // A is read, not written: its people get its view as far as its log can be read; every
    // command is refused read-only, and a newcomer is not let in.
    const aFac = c(a.meeting.facilitatorKey);
    const aView = ok(await aFac.join(a.meeting.code)).view;
    expect(aView.seq).toBe(badSeq - 1);
    expectError(await aFac.command({ type: 'stage.advance', from: 'proposal' }), 'read_only');
    const ada = c(tokens.ada);
    ok(await ada.join(a.meeting.code));
    expectError(await ada.command({ type: 'participant.leave' }), 'read_only');
    expect(await c().join(a.meeting.code, 'Newcomer')).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    const minutes = await fetch(`${child.url}/api/meetings/${a.meeting.code}/minutes.md`, {
      headers: { authorization: `Bearer ${tokens.ada}` },
    });
    expect(minutes.status).toBe(200);

    // Reported with the meeting's id and the seq of the torn row; no stack trace, nothing of B.
    const output = child.output();
    expect(output).toContain(`meeting ${a.meeting.meetingId} quarantined at seq ${badSeq}`);
    expect(output).not.toContain(b.meeting.meetingId);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
