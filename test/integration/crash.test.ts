/**
 * A1 under a real crash: the server process is killed with SIGKILL while commands are in flight
 * (no close, no flush). Whatever anyone was told, by an ack or a broadcast, must be in the log
 * when a new server opens the same file; the meeting then goes on. Run with and without group
 * commit, which delays acks until the shared COMMIT.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import type { CommandResult } from '@circlewise/shared/protocol';
import { eventFor } from '@circlewise/shared/visibility';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, startServer, TestClient, type TestServer } from '../support/server';
import { type ServerProcess, startAppProcess } from '../support/serverProcess';
import { closeClients, log, ok, pid } from './helpers';

let child: ServerProcess | undefined;
let server: TestServer | undefined;
let dataDir: string | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  closeClients();
  await child?.kill();
  await server?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  child = server = dataDir = undefined;
});

function connect(url: string, token?: string): TestClient {
  const c = new TestClient(url, token);
  clients.push(c);
  return c;
}

describe.each([{ groupCommit: false }, { groupCommit: true }])(
  'crash, group commit $groupCommit',
  ({ groupCommit }) => {
    it('[A1][A8] a killed server process loses nothing it acknowledged or broadcast', async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'circlewise-crash-'));
      child = await startAppProcess(dataDir, { groupCommit });
      const meeting = await createMeeting(child.url, 'Crash');
      const fac = connect(child.url, meeting.facilitatorKey);
      ok(await fac.join(meeting.code));
      const phones = ['Ada', 'Ben', 'Cleo'].map(() => connect(child!.url));
      for (const [i, p] of phones.entries()) ok(await p.join(meeting.code, `P${i}`));
      ok(await fac.command({ type: 'proposal.edit', title: 'Crash', driver: 'D', text: 'T' }));
      ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));

      // A burst of questions; the process dies once some are acknowledged and others are not.
      const acked: Array<{ commandId: string; seq: number }> = [];
      const total = 600;
      for (let i = 0; i < total; i++) {
        const p = phones[i % phones.length]!;
        const commandId = crypto.randomUUID();
        void p
          .command({ commandId, type: 'question.ask', text: `Question ${i}` })
          .then((r: CommandResult) => {
            if (r.ok) acked.push({ commandId, seq: r.seq });
          })
          .catch(() => undefined);
      }
      await fac.until(() => acked.length >= 50, 10_000);
      await child.kill();
      const told = acked.slice();
      expect(told.length).toBeGreaterThanOrEqual(50);

      // A new server on the same file: the log is the truth.
      server = await startServer({ dataDir, groupCommit });
      dataDir = undefined; // destroy() removes it now
      const events = log(server, meeting.meetingId);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      const bySeq = new Map(events.map((e) => [e.seq, e]));
      for (const { commandId, seq } of told) expect(bySeq.get(seq)?.commandId).toBe(commandId);
      // Every broadcast anyone received is in the log, exactly as that recipient was sent it.
      for (const c of [fac, ...phones]) {
        const viewer = c.participantId
          ? { role: 'participant' as const, participantId: c.participantId }
          : { role: 'facilitator' as const };
        for (const e of c.received.flat()) {
          const recorded = bySeq.get(e.seq);
          expect(recorded, `seq ${e.seq} was broadcast but is not in the log`).toBeDefined();
          expect(e).toEqual(eventFor(recorded!, viewer));
        }
      }
      expect(server.app.meetings.get(meeting.meetingId)?.view).toEqual(reduceMeetingLog(events));

      // The meeting goes on: the same people rejoin and the facilitator moves to reactions.
      const fac2 = connect(server.url, meeting.facilitatorKey);
      ok(await fac2.join(meeting.code));
      const ada2 = connect(server.url, phones[0]!.token);
      expect(ok(await ada2.join(meeting.code)).participantId).toBe(pid(phones[0]!));
      const moved = ok(await fac2.command({ type: 'stage.advance', from: 'clarifying' }));
      expect(moved.seq).toBe(events.length + 1);
      await ada2.until((v) => v.seq >= moved.seq);
      expect(ada2.view?.stage).toBe('reactions');
      expect(ada2.view?.questions.length).toBeGreaterThanOrEqual(told.length);
    });
  },
);
