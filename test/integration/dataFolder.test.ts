/**
 * The data folder at start, with real server processes (server/src/main.ts, as an operator runs
 * it): A10, one server per data folder, whose lock the OS drops when the holder is killed; and a
 * damaged database, refused in one line that says what to do, not with a stack trace.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '@circlewise/server/app';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../support/server';
import { freePort, type ServerProcess, startMainProcess } from '../support/serverProcess';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ServerProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of children.splice(0)) await c.kill();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'circlewise-folder-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<ServerProcess> {
  const child = await startMainProcess(dataDir, await freePort());
  children.push(child);
  return child;
}

/** main.ts on this data folder, expected to refuse: its exit code and everything it wrote. */
function startRefused(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main.ts did not exit within 15 s:\n${output}`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** One line, no stack trace. */
function expectOneLine(output: string): string {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m);
  return lines[0] ?? '';
}

describe('the data folder at start', () => {
  it('[A10] a second server on the same data folder is refused in one line; after kill -9 of the first, a new one starts', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const made = await createMeeting(first.url, 'Held');

    const second = await startRefused(dataDir);
    expect(second.code).toBe(1);
    const line = expectOneLine(second.output);
    expect(line).toContain(dataDir);
    expect(line).toMatch(/in use by another Circlewise server/);
    expect(line).toMatch(/Stop that server first, or set DATA_DIR/);
    // The first server is untouched and still answers.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    // Killed with -9, the first leaves its lock file behind, and the OS has dropped its lock.
    await first.kill('SIGKILL');
    const third = await start(dataDir);
    const events = await fetch(`${third.url}/api/meetings/${made.code}/events`, {
      headers: { authorization: `Bearer ${made.facilitatorKey}` },
    });
    expect(events.status).toBe(200);
  });

  it('[A9] a damaged database, or a file that is no database, is refused in one line naming the file and the way back', async () => {
    // A real database with a meeting in it, its header then overwritten with garbage.
    const damaged = tempDir();
    const file = join(damaged, 'circlewise.db');
    const app = createApp({ store: openSqliteStore(file) });
    app.meetings.create('Soon damaged');
    await app.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 0);
    closeSync(fd);

    // Something else entirely where the database should be.
    const notADatabase = tempDir();
    writeFileSync(join(notADatabase, 'circlewise.db'), 'name,code\nnot,a database\n'.repeat(200));

    for (const dataDir of [damaged, notADatabase]) {
      const started = await startRefused(dataDir);
      expect(started.code).toBe(1);
      const line = expectOneLine(started.output);
      expect(line).toContain(join(dataDir, 'circlewise.db'));
      expect(line).toMatch(/is damaged/);
      expect(line).toContain('docs/operations.md');
    }
  });
});
