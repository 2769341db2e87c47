/**
 * Limits (S4, S5) against the real server: secrets stored only as hashes, the Origin allowlist
 * on the handshake, the socket's message size cap, and the per-socket flood guard that
 * throttles, then cuts, a flooding socket without troubling a normal phone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp } from '@circlewise/server/app';
import { hashSecret, sameHash } from '@circlewise/server/auth/secrets';
import { openSqliteStore } from '@circlewise/server/store/sqliteStore';
import type { CommandResult } from '@circlewise/shared/protocol';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting, TestClient, uuid } from '../support/server';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(options: Omit<AppOptions, 'store'> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'circlewise-limits-'));
  const dbFile = join(dataDir, 'circlewise.db');
  const app = createApp({ store: openSqliteStore(dbFile, { synchronous: 'normal' }), ...options });
  const port = await app.listen(0, '127.0.0.1');
  cleanups.push(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, url: `http://127.0.0.1:${port}`, dbFile, dataDir };
}

function client(url: string, token?: string): TestClient {
  const c = new TestClient(url, token);
  cleanups.push(() => c.close());
  return c;
}

async function joinedRoom(url: string) {
  const created = await createMeeting(url);
  const facilitator = client(url);
  expect((await facilitator.join(created.code, undefined, { token: created.facilitatorKey })).ok).toBe(true);
  const phone = client(url);
  expect((await phone.join(created.code, 'Phone')).ok).toBe(true);
  return { created, facilitator, phone };
}

/** Tries a handshake with the given Origin header; resolves to connected or refused. */
function handshake(url: string, origin?: string): Promise<'connected' | 'refused'> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(origin && { extraHeaders: { origin } }),
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', () => {
      socket.close();
      resolve('refused');
    });
  });
}

describe('[S4] secrets', () => {
  it('[S4] tokens and facilitator keys are stored only as hashes', async () => {
    const { url, dbFile, dataDir } = await serve();
    const { created, phone } = await joinedRoom(url);
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT token_hash FROM tokens').all() as Array<{ token_hash: string }>;
    db.close();
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.map((r) => r.token_hash).sort()).toEqual(
      [hashSecret(created.facilitatorKey), hashSecret(phone.token)].sort(),
    );
    // Not in any table, nor anywhere in the database files (main, WAL).
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file)).toString('latin1');
      expect(bytes.includes(created.facilitatorKey), file).toBe(false);
      expect(bytes.includes(phone.token), file).toBe(false);
    }
  });

  it('[S4] hashes are compared in constant time, and only whole', () => {
    const a = hashSecret('a'.repeat(43));
    expect(sameHash(a, hashSecret('a'.repeat(43)))).toBe(true);
    expect(sameHash(a, hashSecret('b'.repeat(43)))).toBe(false);
    expect(sameHash(a, a.slice(0, 32))).toBe(false);
    expect(sameHash(a, '')).toBe(false);
  });
});

describe('[S5] Origin allowlist on the handshake', () => {
  it('[S5] refuses a foreign Origin; lets in an allowed one, the page’s own, and none', async () => {
    const { url } = await serve({ allowedOrigins: ['https://circle.example'] });
    expect(await handshake(url, 'https://evil.example')).toBe('refused');
    expect(await handshake(url, 'null')).toBe('refused');
    expect(await handshake(url, 'https://circle.example')).toBe('connected');
    expect(await handshake(url, url)).toBe('connected');
    expect(await handshake(url)).toBe('connected');
  });

  it('[S5] with no allowlist configured, only the page’s own Origin (or none) is let in', async () => {
    const { url } = await serve();
    expect(await handshake(url, 'http://evil.example')).toBe('refused');
    expect(await handshake(url, 'null')).toBe('refused');
    expect(await handshake(url, url)).toBe('connected');
    expect(await handshake(url)).toBe('connected');
  });
});

// The command cap (LIMITS.commandBytes, payload_too_large) is a row of badInput.test.ts's table,
// which also checks the refusal's message, the unchanged log and the same socket's next command.
describe('[S5] message size', () => {
  it('[S5] a message past the socket cap (well under 1 MB) closes that socket only; the meeting goes on', async () => {
    const { app, url } = await serve();
    const { created, facilitator, phone } = await joinedRoom(url);
    const flooder = client(url);
    expect((await flooder.join(created.code, 'Flooder')).ok).toBe(true);
    const before = app.meetings.store.events(created.meetingId);
    const closed = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    (flooder.socket as unknown as Socket).emit('meeting:command', {
      type: 'reaction.give',
      commandId: uuid(),
      text: 'x'.repeat(200 * 1024),
    });
    expect(await closed).toBe('transport close');
    expect(app.meetings.store.events(created.meetingId)).toEqual(before);
    // The meeting and everyone else carry on: their sockets stay, and the next event reaches them.
    expect(phone.socket.connected).toBe(true);
    expect((await facilitator.resync(0)).ok).toBe(true);
    const edit = await facilitator.command({ type: 'proposal.edit', title: 'T', driver: 'D', text: 'P' });
    if (!edit.ok) throw new Error(`edit refused: ${edit.error.message}`);
    expect(app.meetings.store.events(created.meetingId).length).toBe(before.length + 1);
    expect((await phone.until((v) => v.seq >= edit.seq)).title).toBe('T');
  });
});

describe('[S5] flood guard', () => {
  const rateLimit = { burst: 10, perSecond: 5, cutAfter: 20 };

  it('[S5] a normal phone, a message every few hundred ms, is never throttled', async () => {
    const { url } = await serve({ rateLimit });
    const { phone } = await joinedRoom(url);
    for (let i = 0; i < 12; i++) {
      const r = await phone.resync(0);
      expect(r.ok).toBe(true);
      await new Promise((done) => setTimeout(done, 150));
    }
    // …and a quick burst of a few taps is fine too.
    const burst = await Promise.all(Array.from({ length: 5 }, () => phone.resync(0)));
    expect(burst.every((r) => r.ok)).toBe(true);
    expect(phone.socket.connected).toBe(true);
  });

  it('[S5][S6] a flood is throttled with rate_limited acks, then cut; others carry on', async () => {
    const { app, url } = await serve({ rateLimit });
    const { created, facilitator, phone } = await joinedRoom(url);
    const flooder = client(url);
    expect((await flooder.join(created.code, 'Flooder')).ok).toBe(true);
    const before = app.meetings.store.events(created.meetingId).length;

    const disconnected = new Promise<string>((resolve) => flooder.socket.once('disconnect', resolve));
    const acks: Array<CommandResult | 'lost'> = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      pending.push(
        new Promise<void>((resolve) => {
          (flooder.socket as unknown as Socket)
            .timeout(3000)
            .emit(
              'meeting:command',
              { type: 'participant.leave', commandId: uuid() },
              (err: Error | null, r: unknown) => {
                acks.push(err ? 'lost' : (r as CommandResult));
                resolve();
              },
            );
        }),
      );
    }
    await Promise.all(pending);
    expect(await disconnected).toBe('io server disconnect');

    const limited = acks.filter((a) => a !== 'lost' && !a.ok && a.error.code === 'rate_limited');
    const through = acks.filter((a) => a !== 'lost' && !(a.ok === false && a.error.code === 'rate_limited'));
    // The burst got through to the gateway; then refusals; then the cut (the rest unanswered).
    expect(through.length).toBeLessThanOrEqual(rateLimit.burst + 1);
    expect(limited.length).toBeGreaterThanOrEqual(rateLimit.cutAfter - 1);
    expect(acks.filter((a) => a === 'lost').length).toBeGreaterThan(0);
    // At most one leave was recorded; the meeting is fine and the others are untouched.
    expect(app.meetings.store.events(created.meetingId).length).toBeLessThanOrEqual(before + 1);
    expect(phone.socket.connected).toBe(true);
    const edit = await facilitator.command({ type: 'proposal.edit', title: 'T', driver: 'D', text: 'P' });
    expect(edit.ok).toBe(true);
  });

  it('[S5] the limit is per socket: a second phone is not throttled by a first one’s flood', async () => {
    const { url } = await serve({ rateLimit });
    const { phone } = await joinedRoom(url);
    const other = client(url);
    await other.join((await createMeeting(url)).code, 'Other');
    await Promise.all(Array.from({ length: 25 }, () => other.resync(0)));
    expect((await phone.resync(0)).ok).toBe(true);
  });
});
