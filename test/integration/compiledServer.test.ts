/**
 * The server as `npm start` runs it (README): server/dist/main.js, compiled by `npm run build`,
 * in a process of its own with plain node, so no TypeScript loader at run time. It serves the
 * page and the API, opens its store (the SQL migrations are read from the compiled location)
 * and lets a facilitator join. With HOST=127.0.0.1 it is reachable from this machine only, so
 * every address it prints, or hands the projector to show phones, is a loopback one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPILED_MAIN, requireBuild, scriptOf } from '../support/compiled';
import { createMeeting, TestClient } from '../support/server';
import { freePort, type ServerProcess, startServerProcess } from '../support/serverProcess';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

let server: ServerProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  await server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  server = undefined;
  dataDir = undefined;
});

describe('the compiled server', () => {
  it('[S8] runs from server/dist with plain node, serves the page and the API, and with HOST=127.0.0.1 advertises only loopback addresses', async () => {
    requireBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'circlewise-compiled-'));
    // A fixed port: with PORT=0 the server would advertise no address to phones whatever HOST says.
    const port = await freePort();
    server = await startServerProcess({
      entry: COMPILED_MAIN,
      env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_OPTIONS: '' },
    });

    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = await fetch(`${server.url}${scriptOf(html)}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { ok: boolean; joinOrigins?: string[] };
    expect(body.ok).toBe(true);

    const meeting = await createMeeting(server.url, 'Compiled');
    const facilitator = new TestClient(server.url, meeting.facilitatorKey);
    try {
      const joined = await facilitator.join(meeting.code);
      expect(joined.ok && joined.role).toBe('facilitator');
    } finally {
      facilitator.close();
    }

    // Every address it printed and every one it would show phones is this machine's own.
    const printed = [...server.output().matchAll(/https?:\/\/(\[[^\]]+\]|[^/:\s]+)/g)].map((m) => m[1]);
    expect(printed.length).toBeGreaterThan(0);
    const advertised = [...printed, ...(body.joinOrigins ?? []).map((o) => new URL(o).hostname)];
    expect(advertised.filter((host) => !LOOPBACK.has(host ?? ''))).toEqual([]);
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a?.address ?? '');
    for (const address of lan) expect(server.output()).not.toContain(address);
    expect(server.output()).not.toMatch(/Phones on the same network/);
  });
});
