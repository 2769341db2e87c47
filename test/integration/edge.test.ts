/**
 * The HTTP edge against the real server (S7, S8, S9): security headers on every kind of answer,
 * Host and Origin checked (REST and the socket's handshake), cross-site form posts refused,
 * per-address REST limits with 429 and Retry-After, bad bytes refused before any route, no stack
 * trace anywhere, and the client served compressed, immutably cached, without source maps.
 * Requests are raw HTTP (node:http), so a test can send any Host and see the bytes as sent.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_REST_LIMITS } from '@circlewise/server/http/restLimits';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, startServer, TestClient, type TestServer } from '../support/server';
import { freePort, startMainProcess } from '../support/serverProcess';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/** One raw request to `server`: any method, path, headers (Host included) and body. */
function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString() });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };

/** S9: the headers every answer carries. */
function expectSecurityHeaders(answer: Answer, what: string): void {
  const csp = String(answer.headers['content-security-policy']);
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/img-src 'self' data:/);
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['referrer-policy'], what).toBe('no-referrer');
  expect(answer.headers['x-frame-options'], what).toBe('DENY');
  const permissions = String(answer.headers['permissions-policy']);
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    expect(permissions, what).toContain(`${feature}=()`);
  }
}

function expectNoStack(answer: Answer, what: string): void {
  expect(answer.text, what).not.toMatch(/at .*\.(ts|js):\d+|Error:|node_modules/);
}

let root: string;
let clientDir: string;
/** A client build: the page, a hashed script big enough to compress, and its source map. */
const SCRIPT = 'assets/index-AbC123xy.js';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'circlewise-edge-'));
  clientDir = join(root, 'dist');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(
    join(clientDir, 'index.html'),
    `<!doctype html><title>Circlewise</title><script type="module" src="/${SCRIPT}"></script><div id="root"></div>`,
  );
  writeFileSync(
    join(clientDir, SCRIPT),
    `export const words = ${JSON.stringify('consent '.repeat(2000))};\n`,
  );
  writeFileSync(join(clientDir, `${SCRIPT}.map`), '{"version":3,"sources":["secret.ts"]}');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.destroy();
});

async function serve(edge: NonNullable<Parameters<typeof startServer>[0]>['edge'] = {}) {
  const server = await startServer({ clientDir, edge });
  servers.push(server);
  return server;
}

describe('[S9] the page is ours', () => {
  it('[S9] every kind of answer carries the security headers: page, route, asset, API, 404, 400, 421, 429', async () => {
    const server = await serve({
      restLimits: { ...DEFAULT_REST_LIMITS, meetings: { burst: 1, perMinute: 1 } },
    });
    await createMeeting(server.url);
    const answers: [string, Answer][] = [
      ['page', await raw(server.url, '/')],
      ['client route', await raw(server.url, '/m/ABC234/facilitate')],
      ['asset', await raw(server.url, `/${SCRIPT}`)],
      ['missing asset', await raw(server.url, '/assets/nope-123.js')],
      ['API', await raw(server.url, '/api/health')],
      ['API 404', await raw(server.url, '/api/nope')],
      ['unknown method', await raw(server.url, '/somewhere', { method: 'PUT' })],
      ['bad bytes', await raw(server.url, '/%E0%A4%A')],
      ['foreign Host', await raw(server.url, '/', { headers: { host: 'rebound.example' } })],
      ['rate limited', await raw(server.url, '/api/meetings', { method: 'POST', headers: json, body: '{}' })],
    ];
    expect(answers.map(([what, a]) => [what, a.status])).toEqual([
      ['page', 200],
      ['client route', 200],
      ['asset', 200],
      ['missing asset', 404],
      ['API', 200],
      ['API 404', 404],
      ['unknown method', 404],
      ['bad bytes', 400],
      ['foreign Host', 421],
      ['rate limited', 429],
    ]);
    for (const [what, answer] of answers) {
      expectSecurityHeaders(answer, what);
      expectNoStack(answer, what);
    }
    // A missing asset is a plain 404, not the page (which would run as a script elsewhere).
    expect(answers[3]?.[1].text).not.toContain('<div id="root">');
  });

  it('[S9] Host is checked: this machine’s names are answered, another (DNS rebinding) gets 421 and changes nothing', async () => {
    const server = await serve();
    const { port } = new URL(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await raw(server.url, '/api/health', { headers: { host } })).status, host).toBe(200);
    }
    const before = server.app.meetings.count();
    for (const host of [
      `rebound.example:${port}`,
      'rebound.example',
      'evil.example@127.0.0.1',
      '1.2.3.4.nip.io',
    ]) {
      const refused = await raw(server.url, '/api/meetings', {
        method: 'POST',
        headers: { ...json, host, origin: `http://${host}` },
        body: '{}',
      });
      expect(refused.status, host).toBe(421);
      expect(refused.headers['content-type'], host).toMatch(/^text\/plain/);
      expect(refused.text.length, host).toBeGreaterThan(10);
    }
    expect(server.app.meetings.count()).toBe(before);

    // The socket's handshake by the same rule: a rebound name, or another site's page, is refused.
    const handshake = (headers: Record<string, string>) =>
      raw(server.url, '/socket.io/?EIO=4&transport=polling', { headers });
    const polled = await handshake({ host: `127.0.0.1:${port}` });
    expect(polled.status).toBe(200);
    expect(polled.headers['x-content-type-options']).toBe('nosniff');
    expect((await handshake({ host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` })).status).toBe(
      200,
    );
    expect(
      (await handshake({ host: `rebound.example:${port}`, origin: `http://rebound.example:${port}` })).status,
    ).toBe(403);
    expect((await handshake({ host: `127.0.0.1:${port}`, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('[S9] with PUBLIC_URL set, its host and origin are accepted too, and other names still refused', async () => {
    const server = await serve({ publicUrl: 'https://meet.example.org' });
    const proxied = { host: 'meet.example.org', origin: 'https://meet.example.org' };
    const created = await raw(server.url, '/api/meetings', {
      method: 'POST',
      headers: { ...json, ...proxied },
      body: '{}',
    });
    expect(created.status).toBe(201);
    expect((await raw(server.url, '/socket.io/?EIO=4&transport=polling', { headers: proxied })).status).toBe(
      200,
    );
    // The page's CSP lets its socket reach PUBLIC_URL's host over wss.
    expect(String(created.headers['content-security-policy'])).toContain('wss://meet.example.org');
    expect((await raw(server.url, '/', { headers: { host: 'other.example.org' } })).status).toBe(421);
    // A page on PUBLIC_URL's host but another origin (another scheme, another port) writes nothing.
    const crossed = await raw(server.url, '/api/meetings', {
      method: 'POST',
      headers: { ...json, host: 'meet.example.org', origin: 'https://meet.example.org:8443' },
      body: '{}',
    });
    expect(crossed.status).toBe(403);
  });

  it('[S9] a cross-site HTML form POST (urlencoded, text/plain, multipart) creates no meeting and no circle', async () => {
    const server = await serve();
    const before = server.app.meetings.count();
    const forms = [
      { type: 'application/x-www-form-urlencoded', body: 'title=Forged' },
      { type: 'text/plain', body: '{"title":"Forged","x":"=1"}' },
      {
        type: 'multipart/form-data; boundary=XyZ',
        body: '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nForged\r\n--XyZ--\r\n',
      },
    ];
    for (const path of ['/api/meetings', '/api/circles']) {
      for (const form of forms) {
        // From another site's page: the browser names it in Origin.
        const cross = await raw(server.url, path, {
          method: 'POST',
          headers: { 'content-type': form.type, origin: 'https://evil.example' },
          body: form.body,
        });
        expect(cross.status, `${path} ${form.type}`).toBe(403);
        expect(JSON.parse(cross.text)).toMatchObject({
          error: { code: 'forbidden', message: expect.any(String) },
        });
        // Even with no Origin at all, a form's body is not JSON and is refused.
        const bare = await raw(server.url, path, {
          method: 'POST',
          headers: { 'content-type': form.type },
          body: form.body,
        });
        expect(bare.status, `${path} ${form.type} without Origin`).toBe(415);
      }
      // A POST with no body and no Content-Type (fetch's no-cors shape) is no JSON either.
      expect((await raw(server.url, path, { method: 'POST' })).status).toBe(415);
    }
    expect(server.app.meetings.count()).toBe(before);
    // The app's own request, JSON from its own page, still works.
    const { port } = new URL(server.url);
    const own = await raw(server.url, '/api/meetings', {
      method: 'POST',
      headers: { ...json, origin: `http://127.0.0.1:${port}` },
      body: '{"title":"Ours"}',
    });
    expect(own.status).toBe(201);
  });

  it('[S9] bad bytes in the query or path get 400 before any route, with no stack trace', async () => {
    const server = await serve();
    const circle = await raw(server.url, '/api/circles', {
      method: 'POST',
      headers: json,
      body: '{"name":"Kitchen"}',
    });
    const { memberKey } = JSON.parse(circle.text) as { memberKey: string };
    const withKey = { headers: { authorization: `Bearer ${memberKey}` } };
    for (const path of [
      '/api/circle/search?q=%00',
      '/api/circle/search?q=%E0%A4%A',
      '/api/circle/search?q=a%1Fb',
      '/api/meetings/%E0%A4%A/events',
      '/%E0%A4%A',
      '/m/%00/facilitate',
    ]) {
      const answer = await raw(server.url, path, withKey);
      expect(answer.status, path).toBe(400);
      expectNoStack(answer, path);
      if (path.startsWith('/api/')) {
        expect(JSON.parse(answer.text), path).toMatchObject({ error: { code: 'invalid_payload' } });
      } else {
        expect(answer.headers['content-type'], path).toMatch(/^text\/plain/);
      }
    }
    // The search itself still answers a real query.
    expect((await raw(server.url, '/api/circle/search?q=budget', withKey)).status).toBe(200);
  });
});

describe('[S7] REST limits per address', () => {
  it('[S7] a creation flood from one address gets 429 with Retry-After (the default limits); others are not held up', async () => {
    const server = await serve({ restLimits: DEFAULT_REST_LIMITS, trustProxy: true });
    const before = server.app.meetings.count();
    const flood = await Promise.all(
      Array.from({ length: 50 }, () =>
        raw(server.url, '/api/meetings', {
          method: 'POST',
          headers: { ...json, 'x-forwarded-for': '203.0.113.7' },
          body: '{}',
        }),
      ),
    );
    const created = flood.filter((a) => a.status === 201).length;
    const limited = flood.filter((a) => a.status === 429);
    expect(created).toBeLessThanOrEqual(DEFAULT_REST_LIMITS.meetings.burst + 1);
    expect(limited.length).toBeGreaterThanOrEqual(50 - DEFAULT_REST_LIMITS.meetings.burst - 1);
    for (const answer of limited) {
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(answer.text)).toMatchObject({
        error: { code: 'rate_limited', message: expect.any(String) },
      });
    }
    // Nothing was made for a refused request.
    expect(server.app.meetings.count()).toBe(before + created);
    // Another address still creates, and reads from the flooding one are another bucket.
    const other = await raw(server.url, '/api/meetings', {
      method: 'POST',
      headers: { ...json, 'x-forwarded-for': '198.51.100.9' },
      body: '{}',
    });
    expect(other.status).toBe(201);
    expect(
      (await raw(server.url, '/api/health', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status,
    ).toBe(200);
  });

  it('[S7] code and key lookups are limited per address, in both shapes of a circle’s API', async () => {
    const lookups = { burst: 5, perMinute: 1 };
    const server = await serve({ restLimits: { ...DEFAULT_REST_LIMITS, lookups } });
    // A meeting's code, a circle's key in the path, and in a header: one bucket for the address.
    const paths = ['/api/meetings/ABC234/events', '/api/circles/someKeyThatIsNotOne1234', '/api/circle'];
    const statuses: number[] = [];
    for (let i = 0; i < lookups.burst + 3; i++) {
      statuses.push((await raw(server.url, paths[i % paths.length] ?? '/')).status);
    }
    expect(statuses.slice(0, lookups.burst)).not.toContain(429);
    expect(statuses.slice(lookups.burst)).toEqual([429, 429, 429]);
  });
});

describe('serving the client', () => {
  it('[S9] the JS comes gzip-encoded to a client that asks, hashed assets are immutable, the page no-cache, no .map', async () => {
    const server = await serve();
    const gz = await raw(server.url, `/${SCRIPT}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(2000);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await raw(server.url, `/${SCRIPT}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(16_000);
    const page = await raw(server.url, '/', { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['cache-control']).toBe('no-cache');
    // The source map is in the folder, but not served.
    const map = await raw(server.url, `/${SCRIPT}.map`);
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('secret.ts');
  });

  it('[S9] source maps are served only when configured', async () => {
    const server = await serve({ sourceMaps: true });
    const map = await raw(server.url, `/${SCRIPT}.map`);
    expect(map.status).toBe(200);
    expect(map.text).toContain('secret.ts');
  });
});

describe('[S8] the projector’s join addresses', () => {
  it('[S8] go to the facilitator and a screen in their join ack, never to a participant or /api/health', async () => {
    const joinOrigins = ['http://192.0.2.10:3000'];
    const server = await serve({ joinOrigins });
    const meeting = await createMeeting(server.url);
    const facilitator = new TestClient(server.url, meeting.facilitatorKey);
    const phone = new TestClient(server.url);
    try {
      const asFacilitator = await facilitator.join(meeting.code);
      expect(asFacilitator).toMatchObject({ ok: true, role: 'facilitator', joinOrigins });
      const asPhone = await phone.join(meeting.code, 'Ana');
      expect(asPhone.ok).toBe(true);
      expect(asPhone).not.toHaveProperty('joinOrigins');
      const health = await raw(server.url, '/api/health');
      expect(health.text).not.toContain('192.0.2.10');
    } finally {
      facilitator.close();
      phone.close();
    }
  });
});

describe('the server as the README starts it', () => {
  it('[S7][S9] 50 creations in a second meet 429s; `/` has the headers; health says ok and the version only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'circlewise-edge-main-'));
    const child = await startMainProcess(dataDir, await freePort());
    try {
      const flood = await Promise.all(
        Array.from({ length: 50 }, () =>
          raw(child.url, '/api/meetings', { method: 'POST', headers: json, body: '{}' }),
        ),
      );
      expect(flood.filter((a) => a.status === 429).length).toBeGreaterThan(0);
      expect(flood.filter((a) => a.status === 201).length).toBeGreaterThan(0);
      const head = await raw(child.url, '/', { method: 'HEAD' });
      expectSecurityHeaders(head, 'HEAD /');
      expect(JSON.parse((await raw(child.url, '/api/health')).text)).toEqual({
        ok: true,
        version: expect.any(String),
      });
    } finally {
      await child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
