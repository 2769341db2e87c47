/**
 * S7 against the real server on loopback: connections are capped per address and in total, and
 * a connection that sends nothing, half its headers or a trickled body is cut within seconds,
 * while a WebSocket is not; the command rate holds per identity and per address across sockets.
 * Small caps and short time-outs keep every test to a few dozen sockets and a few seconds.
 * Linux routes all of 127/8 to loopback, so 127.0.0.2 stands in for another client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket as NetSocket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp } from '@circlewise/server/app';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import type { CommandResult } from '@circlewise/shared/protocol';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, PROTOCOL_VERSION, TestClient, uuid } from '../support/server';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(options: Omit<AppOptions, 'store'> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'circlewise-conn-'));
  const app = createApp({
    store: openSqliteStore(join(dataDir, 'circlewise.db'), { synchronous: 'normal' }),
    stopGraceMs: 0,
    ...options,
  });
  const port = await app.listen(0, '127.0.0.1');
  cleanups.push(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, port, url: `http://127.0.0.1:${port}` };
}

/** A raw TCP connection from `from`; `closedAt` resolves with the ms it lived once the server cuts it. */
function raw(port: number, from = '127.0.0.1') {
  const opened = Date.now();
  const socket: NetSocket = connect({ port, host: '127.0.0.1', localAddress: from });
  socket.on('error', () => {});
  socket.on('data', () => {});
  const closedAt = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)));
  const ready = new Promise<void>((done) => {
    socket.once('connect', () => done());
    socket.once('close', () => done());
  });
  cleanups.push(() => void socket.destroy());
  return { socket, closedAt, ready };
}

/** GET /api/health from `from`: the status, or 'cut' if the connection was refused or reset. */
function health(port: number, from: string): Promise<number | 'cut'> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/health', localAddress: from, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve('cut'));
    req.setTimeout(3000, () => req.destroy());
    req.end();
  });
}

/** Has the server closed this connection within `ms`? */
const cutWithin = (c: { closedAt: Promise<number> }, ms: number) =>
  Promise.race([c.closedAt.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('[S7] connections', () => {
  it('[S7] a flood of idle connections from one address is capped, and another address still gets answers', async () => {
    const { port } = await serve({ connectionLimits: { total: 40, perAddress: 10 } });
    const flood = Array.from({ length: 25 }, () => raw(port));
    await Promise.all(flood.map((c) => c.ready));
    const cut = await Promise.all(flood.map((c) => cutWithin(c, 1500)));
    // Exactly the cap stays open; every one past it is cut at once.
    expect(cut.filter((x) => !x)).toHaveLength(10);
    expect(cut.filter(Boolean)).toHaveLength(15);
    // The flooding address gets nothing more, while another one is answered.
    expect(await health(port, '127.0.0.1')).toBe('cut');
    expect(await health(port, '127.0.0.2')).toBe(200);
  });

  it('[S7] the total cap holds across addresses', async () => {
    const { port } = await serve({ connectionLimits: { total: 12, perAddress: 8 } });
    const first = Array.from({ length: 8 }, () => raw(port, '127.0.0.1'));
    const second = Array.from({ length: 8 }, () => raw(port, '127.0.0.2'));
    await Promise.all([...first, ...second].map((c) => c.ready));
    const cut = await Promise.all([...first, ...second].map((c) => cutWithin(c, 1500)));
    expect(cut.filter((x) => !x)).toHaveLength(12);
    expect(await health(port, '127.0.0.3')).toBe('cut');
    // Once some leave, others are let in again.
    for (const c of first) c.socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(await health(port, '127.0.0.3')).toBe(200);
  });
});

describe('[S7] time-outs', () => {
  const httpTimeouts = { headersTimeout: 600, requestTimeout: 1000, keepAliveTimeout: 500 };

  it('[S7] silence, partial headers and a trickled body are cut within seconds; a WebSocket is not', async () => {
    const { port, url } = await serve({ httpTimeouts });
    const phone = new TestClient(url);
    cleanups.push(() => phone.close());
    const created = await createMeeting(url);
    expect((await phone.join(created.code, 'Phone')).ok).toBe(true);

    const silent = raw(port);
    const partial = raw(port);
    partial.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const dribble = setInterval(() => partial.socket.writable && partial.socket.write('a'), 100);
    const trickle = raw(port);
    trickle.socket.write(
      'POST /api/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"title":"',
    );
    const drip = setInterval(() => trickle.socket.writable && trickle.socket.write('x'), 100);
    cleanups.push(() => {
      clearInterval(dribble);
      clearInterval(drip);
    });
    const lived = await Promise.all([silent.closedAt, partial.closedAt, trickle.closedAt]);
    // Each within its deadline and a margin (the body's: its headers' time, then its own).
    expect(lived[0]).toBeLessThan(httpTimeouts.headersTimeout + 2000);
    expect(lived[1]).toBeLessThan(httpTimeouts.headersTimeout + 2000);
    expect(lived[2]).toBeLessThan(httpTimeouts.requestTimeout + 2000);
    expect(Math.min(...lived)).toBeGreaterThanOrEqual(httpTimeouts.headersTimeout - 100);

    // The phone's WebSocket has outlived every deadline, and still works.
    expect(phone.socket.connected).toBe(true);
    expect((await phone.resync(0)).ok).toBe(true);
    // A whole request is answered as usual.
    expect(await health(port, '127.0.0.1')).toBe(200);
  });
});

describe('[S7] the command rate across sockets', () => {
  /** Sends `n` messages at once and sorts the acks: let through (any answer) or rate_limited. */
  async function flood(socket: Socket, n: number) {
    const acks = await Promise.all(
      Array.from({ length: n }, () =>
        socket
          .timeout(3000)
          .emitWithAck('meeting:command', { commandId: uuid(), type: 'no.such.command' })
          .catch(() => 'lost' as const),
      ),
    );
    const limited = acks.filter(
      (a) =>
        a !== 'lost' &&
        !(a as CommandResult).ok &&
        (a as { error: { code: string } }).error.code === 'rate_limited',
    );
    return { through: acks.filter((a) => a !== 'lost').length - limited.length, limited: limited.length };
  }

  function socketFrom(url: string, from?: string): Socket {
    const s = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(from && { localAddress: from }),
    });
    cleanups.push(() => void s.close());
    return s;
  }

  /** S2: a new device joins with its name and a joinId; the server mints its token (returned). */
  async function joinedNew(s: Socket, code: string, name: string): Promise<string> {
    const r = await s.emitWithAck('meeting:join', { protocol: PROTOCOL_VERSION, code, name, joinId: uuid() });
    expect(r.ok).toBe(true);
    return r.token as string;
  }

  /** The same device again, on another socket, with the token its first join was given. */
  async function joinedAgain(s: Socket, code: string, token: string) {
    const r = await s.emitWithAck('meeting:join', { protocol: PROTOCOL_VERSION, code, token });
    expect(r.ok).toBe(true);
  }

  it('[S7] one token on many sockets gets no more than one socket would', async () => {
    const rateLimit = { burst: 10, perSecond: 5, cutAfter: 1000 };
    const { url } = await serve({ rateLimit });
    const { code } = await createMeeting(url);
    const sockets = Array.from({ length: 8 }, () => socketFrom(url));
    const token = await joinedNew(sockets[0]!, code, 'Many');
    for (const s of sockets.slice(1)) await joinedAgain(s, code, token);

    const started = Date.now();
    const results = await Promise.all(sockets.map((s) => flood(s, 15)));
    const seconds = (Date.now() - started) / 1000;
    const through = results.reduce((n, r) => n + r.through, 0);
    const limited = results.reduce((n, r) => n + r.limited, 0);
    // Per socket alone would let 8 × 10 through; the token's one bucket lets its burst and refill.
    expect(through).toBeLessThanOrEqual(rateLimit.burst + Math.ceil(seconds * rateLimit.perSecond) + 1);
    expect(limited).toBeGreaterThanOrEqual(8 * 15 - through);
    expect(limited).toBeGreaterThan(0);

    // Another person in the same meeting, on the same address, is not held back by it.
    const other = socketFrom(url);
    await joinedNew(other, code, 'Other');
    expect((await flood(other, 5)).through).toBe(5);
  });

  it('[S7] one address on many tokens is held to the address rate; another address is not', async () => {
    const rateLimit = { burst: 10, perSecond: 5, cutAfter: 1000, perAddress: { burst: 12, perSecond: 2 } };
    const { url } = await serve({ rateLimit });
    const { code } = await createMeeting(url);
    const here = Array.from({ length: 4 }, () => socketFrom(url, '127.0.0.1'));
    for (const [i, s] of here.entries()) await joinedNew(s, code, `P${i}`);
    // The joins took 4 of the address's 12.
    const results = await Promise.all(here.map((s) => flood(s, 8)));
    const through = results.reduce((n, r) => n + r.through, 0);
    expect(through).toBeLessThanOrEqual(rateLimit.perAddress.burst - here.length + 2);
    expect(results.reduce((n, r) => n + r.limited, 0)).toBeGreaterThan(0);

    const there = socketFrom(url, '127.0.0.2');
    await joinedNew(there, code, 'There');
    expect((await flood(there, 8)).through).toBe(8);
  });
});
