/**
 * A12: a graceful stop. The server as an operator runs it (server/src/main.ts, its default
 * configuration: synchronous=FULL, group commit, the rate limits) gets SIGTERM while phones are
 * submitting and a slow request is open: it exits with 0 well within 10 s, every screen is told
 * it is restarting, and every acknowledged submission is in the log of the next server on the
 * same data folder. In-process: a request under way when the stop begins is finished, and one
 * that comes after gets 503 `server_restarting`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandResult, RestartingNotice } from '@circlewise/shared/protocol';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, startServer, TestClient, type TestServer } from '../support/server';
import { type ServerProcess, startServerProcess } from '../support/serverProcess';
import { log, ok } from './helpers';

let child: ServerProcess | undefined;
let server: TestServer | undefined;
let dataDir: string | undefined;
const cleanups: Array<() => void> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  await child?.kill();
  await server?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  child = server = dataDir = undefined;
});

function connectClient(url: string, token?: string): TestClient {
  const c = new TestClient(url, token);
  cleanups.push(() => c.close());
  return c;
}

/** A POST whose body never finishes: the slow request a stop must not wait for. */
function slowRequest(port: number) {
  const socket = connect({ port, host: '127.0.0.1' });
  socket.on('error', () => {});
  let answer = '';
  socket.on('data', (d) => {
    answer += d.toString();
  });
  const closed = new Promise<void>((done) => socket.once('close', () => done()));
  const ready = new Promise<void>((done) => socket.once('connect', () => done()));
  socket.write(
    'POST /api/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"title":"slow',
  );
  cleanups.push(() => socket.destroy());
  return { socket, closed, ready, answer: () => answer };
}

describe('[A12] graceful stop', () => {
  it('[A12][A1] SIGTERM with a slow request open and submissions in flight exits 0 within 10 s, losing nothing acknowledged', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'circlewise-stop-'));
    child = await startServerProcess({
      entry: 'server/src/main.ts',
      env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    });
    const meeting = await createMeeting(child.url, 'Stop');
    const fac = connectClient(child.url, meeting.facilitatorKey);
    ok(await fac.join(meeting.code));
    const phones = ['Ada', 'Ben', 'Cleo'].map(() => connectClient(child!.url));
    for (const [i, p] of phones.entries()) ok(await p.join(meeting.code, `P${i}`));
    ok(await fac.command({ type: 'proposal.edit', title: 'Stop', driver: 'D', text: 'T' }));
    ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));
    const notices: RestartingNotice[] = [];
    for (const c of [fac, ...phones]) c.socket.on('server:restarting', (n) => notices.push(n));

    // Each phone asks a question every 60 ms (under the rate limit), until its socket is closed.
    const acked: Array<{ commandId: string; seq: number }> = [];
    const refused: string[] = [];
    let sending = true;
    const loops = phones.map(async (p, i) => {
      for (let n = 0; sending && p.socket.connected; n++) {
        const commandId = crypto.randomUUID();
        const r = await (p.socket as unknown as Socket)
          .timeout(5000)
          .emitWithAck('meeting:command', { commandId, type: 'question.ask', text: `Q${i}.${n}` })
          .catch(() => undefined);
        const result = r as CommandResult | undefined;
        if (result?.ok) acked.push({ commandId, seq: result.seq });
        else if (result) refused.push(result.error.code);
        await new Promise((done) => setTimeout(done, 60));
      }
    });
    await fac.until(() => acked.length >= 30, 10_000);

    const slow = slowRequest(child.port);
    await slow.ready;
    await new Promise((done) => setTimeout(done, 100));
    const stoppedAt = Date.now();
    child.child.kill('SIGTERM');
    const exit = await Promise.race([
      child.exited,
      new Promise<'still running'>((done) => setTimeout(() => done('still running'), 12_000)),
    ]);
    const tookMs = Date.now() - stoppedAt;
    sending = false;
    await Promise.all(loops);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(10_000);
    await slow.closed;
    // Every screen was told, once, before its connection closed.
    expect(notices).toHaveLength(4);
    expect(notices[0]?.message).toMatch(/restarting/);
    // A submission during the stop is refused with the stop's own code, never anything else.
    expect(refused.every((code) => code === 'server_restarting')).toBe(true);

    // A new server on the same data folder: everything acknowledged is there, in its place.
    const told = acked.slice();
    server = await startServer({ dataDir, groupCommit: true });
    dataDir = undefined; // destroy() removes it now
    const bySeq = new Map(log(server, meeting.meetingId).map((e) => [e.seq, e]));
    for (const { commandId, seq } of told) expect(bySeq.get(seq)?.commandId).toBe(commandId);
    expect(told.length).toBeGreaterThanOrEqual(30);
  });

  it('[A12] during the stop a request under way is finished, and a new one gets 503 server_restarting', async () => {
    server = await startServer();
    const port = Number(new URL(server.url).port);
    const slow = slowRequest(port);
    await slow.ready;
    await new Promise((done) => setTimeout(done, 50));
    const stopped = server.app.close();
    // The rest of the body, and a second request behind it on the same connection.
    const title = '{"title":"slow';
    slow.socket.write(`"}${' '.repeat(1000 - title.length - 2)}`);
    slow.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await slow.closed;
    await stopped;
    const [first, second] = slow.answer().split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 201 /);
    expect(second).toMatch(/^HTTP\/1\.1 503 /);
    expect(second).toMatch(/Retry-After: \d+/i);
    expect(second).toContain('"code":"server_restarting"');
    // The meeting it created is on disk.
    server = await server.restart();
    const code = /"code":"([A-Z0-9]+)"/.exec(first ?? '')?.[1];
    expect(code && server.app.meetings.byCode(code)).toBeTruthy();
  });
});
