/**
 * `npm run backup` and `npm run verify`, run as an operator runs them (their own processes): a
 * backup taken while a server runs opens in a fresh server with the same meetings; verify finds
 * a gap, a row that is not JSON and an event the rules refuse, planted in a copy, and passes the
 * sound meetings.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '@circlewise/server/app';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import { verifyDatabase } from '@circlewise/server/tools/verifyLog';
import type { MeetingEvent } from '@circlewise/shared/events';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, startServer, TestClient, type TestServer } from '../support/server';
import { type ServerProcess, startAppProcess } from '../support/serverProcess';
import { ok } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const clients: TestClient[] = [];
let child: ServerProcess | undefined;
let restored: TestServer | undefined;

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await child?.kill();
  await restored?.destroy();
  child = restored = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'circlewise-backup-'));
  dirs.push(dir);
  return dir;
}

/** `npm run <script>`'s entry, in a process of its own: its exit code and what it printed. */
function runTool(
  tool: 'backup' | 'verify',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', `server/src/tools/${tool}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    p.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`${tool} did not finish within 15 s`));
    }, 15_000);
    p.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const joined = (seq: number, name: string): MeetingEvent => ({
  type: 'participant.joined',
  participantId: `p-${name}`,
  name,
  by: `p-${name}`,
  seq,
  at: 1,
  commandId: `c-${name}`,
});

describe('backup and verify', () => {
  it('[A8] a backup taken while the server runs opens in a fresh server with the same meetings', async () => {
    const dataDir = tempDir();
    child = await startAppProcess(dataDir, { groupCommit: true });
    const made = [await createMeeting(child.url, 'First'), await createMeeting(child.url, 'Second')];
    const fac = new TestClient(child.url, made[0]?.facilitatorKey);
    const ada = new TestClient(child.url);
    clients.push(fac, ada);
    ok(await fac.join(made[0]?.code ?? ''));
    ok(await ada.join(made[0]?.code ?? '', 'Ada'));
    const before = ok(
      await fac.command({ type: 'proposal.edit', title: 'Kept', driver: 'D', text: 'T' }),
    ).seq;

    const dest = join(tempDir(), 'copy.db');
    const backup = await runTool('backup', [dest], { DATA_DIR: dataDir });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(dest);
    // The server goes on after the backup.
    ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));

    const read = async (url: string, m: (typeof made)[number] | undefined) => {
      const res = await fetch(`${url}/api/meetings/${m?.code}/events`, {
        headers: { authorization: `Bearer ${m?.facilitatorKey}` },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { events: MeetingEvent[] }).events;
    };
    const restoreDir = tempDir();
    copyFileSync(dest, join(restoreDir, 'circlewise.db'));
    restored = await startServer({ dataDir: restoreDir });
    for (const m of made) {
      const live = await read(child.url, m);
      const fromBackup = await read(restored.url, m);
      // Everything up to the moment of the backup, and nothing after it.
      expect(fromBackup).toEqual(live.filter((e) => m === made[1] || e.seq <= before));
    }
    expect((await read(restored.url, made[0])).at(-1)?.seq).toBe(before);
  });

  it('[A11] verify reports a planted gap, a row that is not JSON and an event the rules refuse', async () => {
    const file = join(tempDir(), 'circlewise.db');
    const store = openSqliteStore(file);
    const app = createApp({ store });
    const ids = ['Gap', 'Json', 'Rule', 'Sound'].map((title) => app.meetings.create(title).meetingId);
    for (const id of ids) {
      store.append(id, 'c-ada', [joined(2, 'Ada')]);
      store.append(id, 'c-ben', [joined(3, 'Ben')]);
    }
    await app.close();
    expect(verifyDatabase(file).bad).toEqual([]);

    const [gap, json, rule, sound] = ids;
    const db = new Database(file);
    db.prepare('DELETE FROM events WHERE meeting_id = ? AND seq = 2').run(gap);
    db.prepare(`UPDATE events SET body = '{"type": "participant.jo' WHERE meeting_id = ? AND seq = 3`).run(
      json,
    );
    // Ada leaves twice: the second time she is not there to leave (the rules refuse it).
    const left = (seq: number) =>
      JSON.stringify({
        type: 'participant.left',
        participantId: 'p-Ada',
        reason: 'left',
        by: 'p-Ada',
        seq,
        at: 1,
        commandId: `l${seq}`,
      });
    const insert = db.prepare(
      "INSERT INTO events (meeting_id, seq, command_id, type, at, body) VALUES (?, ?, ?, 'participant.left', 1, ?)",
    );
    insert.run(rule, 4, 'l4', left(4));
    insert.run(rule, 5, 'l5', left(5));
    db.close();

    const verify = await runTool('verify', [file], {});
    expect(verify.code).toBe(1);
    const lines = verify.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^BAD meeting ${gap} .* at seq 2: gap`));
    expect(lines[1]).toMatch(new RegExp(`^BAD meeting ${json} .* at seq 3: the row is not JSON`));
    expect(lines[2]).toMatch(
      new RegExp(`^BAD meeting ${rule} .* at seq 5: refused on replay: participant.left`),
    );
    expect(lines[3]).toMatch(/4 meetings, 13 events checked; 3 bad\.$/);
    expect(verify.stdout).not.toContain(sound);
  });
});
