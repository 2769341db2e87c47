/**
 * [CHAOS] The real server as a child process (`server/src/main.ts`, its default configuration:
 * SQLite with synchronous=FULL and group commit) is killed with SIGKILL at seeded random moments
 * while phones submit continuously and retry until acknowledged; each time it is started again on
 * the same data directory and port. Afterwards:
 *
 * - every acknowledged submission is in the log exactly once, at the seq its ack named (A1, A2);
 * - the log's seqs have no gaps or repeats (A3), and nothing is in it that nobody sent;
 * - the stage is intact (A8: the rebuilt meeting is where it was);
 * - every phone, having reconnected and caught up, sees exactly the server's view for it (A3, A8).
 *
 * Seed: CHAOS_SEED=<n> replays a printed run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import type { MeetingEvent } from '@circlewise/shared/events';
import { currentItem, type MeetingView, reduceMeeting } from '@circlewise/shared/meeting';
import type { CommandResult, JoinResult, ResyncResult } from '@circlewise/shared/protocol';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/random';
import { createMeeting, uuid } from '../support/server';
import { freePort, startMainProcess } from '../support/serverProcess';

const SEED = Number(process.env.CHAOS_SEED ?? 424242);
const KILLS = Number(process.env.CHAOS_KILLS ?? 4);
const PHONES = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A phone as the real client behaves: reconnects by itself, joins again with its token, keeps
 * its view with the shared reducer, and asks for what it missed when it sees a gap (A3).
 */
class Phone {
  readonly socket: Socket;
  /** S2: minted by the server in the first join's ack; until then the phone joins with its joinId. */
  token: string | undefined;
  readonly joinId = `${uuid()}${uuid()}`.replaceAll('-', '');
  /** The whole meeting as this phone holds it (its snapshot plus the events since). */
  view: MeetingView | undefined;
  joined = false;
  private catchingUp = false;

  constructor(
    url: string,
    readonly code: string,
    readonly name: string,
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 250,
      randomizationFactor: 0,
    });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', () => {
      this.joined = false;
    });
    this.socket.on('meeting:events', (events: MeetingEvent[]) => this.receive(events));
  }

  private async join(): Promise<void> {
    try {
      const r = (await this.socket.timeout(2000).emitWithAck('meeting:join', {
        protocol: PROTOCOL_VERSION,
        code: this.code,
        ...(this.token ? { token: this.token } : { joinId: this.joinId }),
        name: this.name,
      })) as JoinResult;
      if (r.ok) {
        this.token = r.token;
        this.view = r.view;
        this.joined = true;
      }
    } catch {
      // The server went away mid-join: the next connect joins again.
    }
  }

  private receive(events: MeetingEvent[]): void {
    for (const e of events) {
      if (!this.view || e.seq <= this.view.seq) continue;
      if (e.seq === this.view.seq + 1) this.view = reduceMeeting(this.view, e);
      else void this.catchUp();
    }
  }

  async catchUp(): Promise<void> {
    if (this.catchingUp || !this.view) return;
    this.catchingUp = true;
    try {
      const r = (await this.socket
        .timeout(2000)
        .emitWithAck('meeting:resync', { afterSeq: this.view.seq })) as ResyncResult;
      if (r.ok && 'view' in r) this.view = r.view;
      else if (r.ok) this.receive(r.events);
    } catch {
      // Lost with the connection; the rejoin brings a fresh snapshot.
    } finally {
      this.catchingUp = false;
    }
  }

  /** Sends until acknowledged, with the same commandId every time (A2). */
  async submit(commandId: string, text: string, stop: () => boolean): Promise<CommandResult | undefined> {
    for (let attempt = 0; attempt < 400 && !stop(); attempt++) {
      if (!this.joined) {
        await sleep(25);
        continue;
      }
      try {
        const r = (await this.socket
          .timeout(1500)
          .emitWithAck('meeting:command', { type: 'question.ask', commandId, text })) as CommandResult;
        if (r.ok) return r;
        // The flood guard (S5) asks a fast sender to wait: back off as a real client does.
        if (r.error.code === 'rate_limited') await sleep(250);
        else if (r.error.code !== 'not_joined')
          throw new Error(`refused: ${r.error.code} ${r.error.message}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('refused')) throw error;
        // No ack (server killed, socket closed): retry.
      }
      await sleep(20);
    }
    return undefined;
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('[CHAOS] kill -9 while phones submit', () => {
  it('[A1][A2][A3][A8] acknowledged submissions survive SIGKILL exactly once; everyone converges', async () => {
    const random = seededRandom(SEED);
    console.log(`[CHAOS] seed ${SEED}, ${KILLS} kills (replay with CHAOS_SEED=${SEED})`);
    const dataDir = mkdtempSync(join(tmpdir(), 'circlewise-chaos-'));
    // The server, as an operator runs it: a process of its own, killed for real, and started
    // again on the same port so that the phones find it where it was.
    const port = await freePort();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let server = await startMainProcess(dataDir, port);
    cleanups.push(() => server.kill());
    const url = server.url;

    // A meeting in clarifying questions: every question is a new event, however many are asked.
    const created = await createMeeting(url, 'Chaos');
    const facilitator = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    cleanups.push(() => void facilitator.close());
    const f = (await facilitator.emitWithAck('meeting:join', {
      protocol: PROTOCOL_VERSION,
      code: created.code,
      token: created.facilitatorKey,
    })) as JoinResult;
    expect(f.ok).toBe(true);
    for (const command of [
      { type: 'proposal.edit', title: 'Chaos', driver: 'Crashes', text: 'Survive them.' },
      { type: 'stage.advance', from: 'proposal' },
    ]) {
      const r = (await facilitator.emitWithAck('meeting:command', {
        ...command,
        commandId: uuid(),
      })) as CommandResult;
      expect(r.ok).toBe(true);
    }
    facilitator.close();

    const phones = Array.from({ length: PHONES }, (_, i) => new Phone(url, created.code, `Phone ${i + 1}`));
    for (const p of phones) cleanups.push(() => void p.socket.close());

    // Each phone submits continuously; what was acked, and what was ever sent, are kept.
    const acked = new Map<string, number>();
    const sent = new Set<string>();
    let stopping = false;
    const failures: unknown[] = [];
    const loops = phones.map(async (phone, i) => {
      for (let n = 0; !stopping; n++) {
        const commandId = uuid();
        sent.add(commandId);
        const r = await phone.submit(commandId, `Question ${n} from phone ${i + 1}`, () => false);
        if (!r?.ok) throw new Error(`phone ${i + 1}: submission ${n} never acknowledged`);
        acked.set(commandId, r.seq);
        await sleep(10 + random() * 40);
      }
    });
    for (const loop of loops) loop.catch((error: unknown) => failures.push(error));

    for (let k = 0; k < KILLS; k++) {
      const delay = 200 + Math.floor(random() * 900);
      await sleep(delay);
      const before = acked.size;
      await server.kill('SIGKILL');
      console.log(`[CHAOS] kill ${k + 1} after ${delay} ms (${before} acked so far)`);
      await sleep(Math.floor(random() * 200));
      server = await startMainProcess(dataDir, port);
    }
    // Let the phones get back in and submit a little after the last restart, then stop.
    await sleep(500);
    stopping = true;
    await Promise.allSettled(loops);
    expect(failures).toEqual([]);
    expect(acked.size).toBeGreaterThan(KILLS * 5);

    // The log, read from the file itself.
    const db = new Database(join(dataDir, 'circlewise.db'), { readonly: true });
    const rows = db
      .prepare('SELECT seq, command_id, type FROM events WHERE meeting_id = ? ORDER BY seq')
      .all(created.meetingId) as Array<{ seq: number; command_id: string; type: string }>;
    db.close();

    // A3: 1..n, no gaps, no repeats.
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    // A1, A2: each acknowledged submission once, at the seq its ack named.
    const byCommand = new Map<string, number[]>();
    for (const r of rows) byCommand.set(r.command_id, [...(byCommand.get(r.command_id) ?? []), r.seq]);
    for (const [commandId, seq] of acked) expect(byCommand.get(commandId), commandId).toEqual([seq]);
    // Nothing recorded that nobody sent.
    const questions = rows.filter((r) => r.type === 'question.asked');
    for (const q of questions) expect(sent.has(q.command_id), q.command_id).toBe(true);

    // A8: the stage is intact; A3: every phone converges on the server's view for it.
    const check = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    cleanups.push(() => void check.close());
    const truth = (await check.emitWithAck('meeting:join', {
      protocol: PROTOCOL_VERSION,
      code: created.code,
      token: created.facilitatorKey,
    })) as JoinResult;
    if (!truth.ok) throw new Error('facilitator could not rejoin');
    // The meeting was made the old way: its one item (a decision) is the current one.
    const item = currentItem(truth.view) as DecisionView | undefined;
    expect(truth.view.currentItemId).toBe(created.meetingId);
    expect(item?.stage).toBe('clarifying');
    expect(truth.view.seq).toBe(rows.length);
    expect(item?.questions.length).toBe(questions.length);

    for (const [i, phone] of phones.entries()) {
      const deadline = Date.now() + 5000;
      while ((phone.view?.seq ?? 0) < truth.view.seq && Date.now() < deadline) {
        await phone.catchUp();
        await sleep(20);
      }
      const mine = (await phone.socket.emitWithAck('meeting:join', {
        protocol: PROTOCOL_VERSION,
        code: created.code,
        token: phone.token,
      })) as JoinResult;
      if (!mine.ok) throw new Error(`phone ${i + 1} could not rejoin`);
      expect(phone.view, `phone ${i + 1} diverged`).toEqual(mine.view);
    }
  }, 90_000);
});
