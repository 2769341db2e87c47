/**
 * The HTTP edge's rules on their own (S7, S9): which request draws on which REST bucket, the
 * token bucket and its Retry-After, the limits read from the environment, the Host and Origin
 * rule, and which URLs are bad bytes.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config';
import { cleanUrl, edgeAfter, edgeBefore } from './edge';
import { hostAllowed, originAllowed } from './hostCheck';
import { bucketOf, DEFAULT_REST_LIMITS, RestThrottle, readRestLimits } from './restLimits';

describe('[S7] the REST limit table', () => {
  it.each([
    ['POST', '/api/meetings', 'meetings'],
    ['POST', '/API/Meetings/', 'meetings'],
    ['POST', '/api/circles/KEY/meetings', 'meetings'],
    ['POST', '/api/circle/meetings', 'meetings'],
    ['POST', '/api/circles', 'circles'],
    ['GET', '/api/circles/KEY/search', 'search'],
    ['GET', '/api/circle/search', 'search'],
    ['GET', '/api/meetings/ABC234/events', 'lookups'],
    ['HEAD', '/api/meetings/ABC234/minutes.md', 'lookups'],
    ['GET', '/api/circles/KEY', 'lookups'],
    ['PATCH', '/api/circles/KEY', 'lookups'],
    ['POST', '/api/circles/KEY/rotate', 'lookups'],
    ['GET', '/api/circle', 'lookups'],
    ['GET', '/api/circle/meetings/ABC234/minutes.json', 'lookups'],
    ['POST', '/api/circle/rotate', 'lookups'],
    ['GET', '/api/health', undefined],
    ['GET', '/api/meetings', undefined],
    ['GET', '/m/ABC234', undefined],
  ] as const)('[S7] %s %s draws on %s', (method, path, bucket) => {
    expect(bucketOf(method, path)).toBe(bucket);
  });

  it('[S7] a bucket lets its burst through, then answers with the seconds until the next token', () => {
    let now = 0;
    const throttle = new RestThrottle(
      { ...DEFAULT_REST_LIMITS, meetings: { burst: 3, perMinute: 6 } },
      () => now,
    );
    expect([1, 2, 3].map(() => throttle.take('meetings', 'a'))).toEqual([0, 0, 0]);
    // 6 a minute: a token every 10 s.
    expect(throttle.take('meetings', 'a')).toBe(10);
    expect(throttle.take('meetings', 'b')).toBe(0);
    expect(throttle.take('circles', 'a')).toBe(0);
    now = 4_000;
    expect(throttle.take('meetings', 'a')).toBe(6);
    now = 10_000;
    expect(throttle.take('meetings', 'a')).toBe(0);
    expect(throttle.take('meetings', 'a')).toBe(10);
  });

  it('[S7] the limits come from the environment, each bucket overridable, all off at once', () => {
    expect(readRestLimits({})).toEqual(DEFAULT_REST_LIMITS);
    expect(readRestLimits({ CIRCLEWISE_LIMIT_MEETINGS: '60,5' })?.meetings).toEqual({
      perMinute: 60,
      burst: 5,
    });
    expect(readRestLimits({ CIRCLEWISE_REST_LIMITS: 'off' })).toBeUndefined();
    expect(() => readRestLimits({ CIRCLEWISE_LIMIT_SEARCH: '0,5' })).toThrow(/CIRCLEWISE_LIMIT_SEARCH/);
    expect(() => readRestLimits({ CIRCLEWISE_LIMIT_LOOKUPS: 'many' })).toThrow(/per minute/);
  });
});

describe('[S9] Host and Origin', () => {
  const lan = { allowedOrigins: [] };
  const proxied = { allowedOrigins: ['https://other.example'], publicOrigin: 'https://meet.example.org' };

  it('[S9] this machine’s own names are answered, with any port; other names are not', () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      '127.0.0.1:3000',
      '127.4.5.6',
      '[::1]:3000',
      undefined,
    ]) {
      expect(hostAllowed(host, lan), String(host)).toBe(true);
    }
    for (const host of [
      'rebound.example',
      'rebound.example:3000',
      'x@127.0.0.1',
      '127.0.0.1/x',
      '',
      'meet.example.org',
    ]) {
      expect(hostAllowed(host, lan), host).toBe(false);
    }
    expect(hostAllowed('meet.example.org', proxied)).toBe(true);
    expect(hostAllowed('MEET.example.org:443', proxied)).toBe(true);
    expect(hostAllowed('evil.example.org', proxied)).toBe(false);
  });

  it('[S9] an Origin is PUBLIC_URL’s, an allowed one, or the same host as the request; none is not a browser', () => {
    expect(originAllowed(undefined, 'meet.example.org', proxied)).toBe(true);
    expect(originAllowed('https://meet.example.org', 'meet.example.org', proxied)).toBe(true);
    expect(originAllowed('https://other.example', 'meet.example.org', proxied)).toBe(true);
    expect(originAllowed('http://127.0.0.1:3000', '127.0.0.1:3000', lan)).toBe(true);
    expect(originAllowed('http://127.0.0.1:3001', '127.0.0.1:3000', lan)).toBe(false);
    expect(originAllowed('https://evil.example', '127.0.0.1:3000', lan)).toBe(false);
    expect(originAllowed('null', '127.0.0.1:3000', lan)).toBe(false);
  });
});

describe('[S9] bad bytes', () => {
  it.each([
    ['/m/ABC234', true],
    ['/api/circles/k/search?q=caf%C3%A9+au+lait&x=1', true],
    ['/api/circles/k/search?q=%00', false],
    ['/api/circles/k/search?q=%0A', false],
    ['/api/circles/k/search?q=%7F', false],
    ['/%E0%A4%A', false],
    ['/api/meetings/x?q=%', false],
    ['/api/meetings/%ZZ/events', false],
  ] as const)('[S9] %s is clean: %s', (url, clean) => {
    expect(cleanUrl(url)).toBe(clean);
  });
});

describe('[S9] errors carry no stack trace', () => {
  it('[S9] a route that throws is a plain 500 page, or 500 internal under /api, logged once', async () => {
    const web = express();
    web.use(edgeBefore({ allowedOrigins: [], trustProxy: false }));
    web.get('/boom', () => {
      throw new Error('secret detail at /work/app.ts:12');
    });
    web.get('/api/boom', () => {
      throw new Error('secret detail at /work/app.ts:12');
    });
    web.use(edgeAfter());
    const logged: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    const server = web.listen(0, '127.0.0.1');
    try {
      await new Promise((r) => server.once('listening', r));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const page = await fetch(`${url}/boom`);
      expect(page.status).toBe(500);
      expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await page.text();
      expect(text).not.toMatch(/secret|app\.ts|Error/);
      expect(text.length).toBeGreaterThan(5);
      const api = await fetch(`${url}/api/boom`);
      expect(api.status).toBe(500);
      expect(await api.json()).toEqual({
        error: {
          code: 'internal',
          message: 'Something went wrong on the server.',
          reason: 'server_failed_request',
          params: {},
        },
      });
      expect(logged).toHaveLength(2);
      const missing = await fetch(`${url}/nowhere.js`, { method: 'POST' });
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toMatch(/Cannot POST|<pre>/);
    } finally {
      console.error = log;
      server.close();
    }
  });
});

describe('[S9] PUBLIC_URL', () => {
  it('[S9] is read as an origin; a path, another scheme or no address at all is refused at start', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(readConfig({ PUBLIC_URL: 'https://Meet.Example.org/' }).publicUrl).toBe(
      'https://meet.example.org',
    );
    expect(readConfig({ PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080');
    for (const bad of ['meet.example.org', 'https://meet.example.org/app', 'ftp://meet.example.org']) {
      expect(() => readConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });

  it('[S7] the REST limits and source maps come from the environment', () => {
    expect(readConfig({}).restLimits).toEqual(DEFAULT_REST_LIMITS);
    expect(readConfig({ CIRCLEWISE_REST_LIMITS: 'off' }).restLimits).toBeUndefined();
    expect(readConfig({}).sourceMaps).toBe(false);
    expect(readConfig({ CIRCLEWISE_SOURCE_MAPS: 'on' }).sourceMaps).toBe(true);
  });
});
