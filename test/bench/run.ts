/**
 * `npm run bench [-- --quick] [-- --sync=normal] [-- --cpu-prof]`: the app under load from
 * simulated phones, beside the floor (a bare Socket.IO server) in the same run.
 *
 * The servers run as child processes; this process is the load generator, and its phones are
 * real socket.io-client connections over loopback. Figures: stage fan-out (facilitator's command
 * sent → last phone has the event), submission ack latency (durable append included), RSS per
 * connected phone, sustained events per second across many rooms. The last line of output is
 * one JSON object (docs/performance.md explains every field).
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { CommandResult, CreatedMeeting, JoinResult } from '@circlewise/shared/protocol';
import { io, type Socket } from 'socket.io-client';
import { seededRandom } from '../support/random';
import { type ServerProcess, startServerProcess } from '../support/serverProcess';
import type { LifetimeReply } from './lifetimeServer';
import type { ProbeReply } from './probe';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const cpuProf = args.includes('--cpu-prof');
const sync = args.includes('--sync=normal') ? 'normal' : 'full';
const groupCommit = args.includes('--no-group-commit') ? 'off' : 'on';
const broadcastMs = args.find((a) => a.startsWith('--broadcast-ms='))?.slice(15) ?? '40';
/**
 * For profiling one part: `--only=big` or `--only=rooms` (the floor is skipped, ratios NaN);
 * `--only=lifetime`: the flood of abandoned meetings alone.
 */
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const seed = Number(args.find((a) => a.startsWith('--seed='))?.slice(7) ?? 20261123);

const SIZE = quick
  ? {
      phones: 200,
      spreadMs: 3_000,
      burstMs: 1_000,
      fanoutRounds: 15,
      rooms: 40,
      roomPhones: 10,
      sustainMs: 5_000,
      flood: 2_000,
    }
  : {
      phones: 1_000,
      spreadMs: 10_000,
      burstMs: 1_000,
      fanoutRounds: 25,
      rooms: 200,
      roomPhones: 10,
      sustainMs: 15_000,
      flood: 10_000,
    };

/** Pause between fan-out samples, so each measures one broadcast and not a queue. */
const FANOUT_GAP_MS = 25;
const CONNECT_BATCH = 50;
/**
 * `--warm-up`: phones that come and go before the memory baseline (see bigRoom). Off by
 * default: the headline RSS figure is the cold one, as specified (docs/performance.md: Memory).
 */
const WARM_UP = process.argv.includes('--warm-up') ? 100 : 0;

const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- helpers

const random = seededRandom(seed);

function pct(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server under test (appServer.ts, floorServer.ts) in its own process, answering probes. */
class BenchServer {
  private waiting: Array<(m: ProbeReply) => void> = [];
  private constructor(readonly server: ServerProcess) {
    server.child.on('message', (m: ProbeReply) => this.waiting.shift()?.(m));
  }

  get url(): string {
    return this.server.url;
  }

  static async start(
    script: string,
    env: Record<string, string> = {},
    profile = false,
  ): Promise<BenchServer> {
    const nodeFlags = ['--expose-gc'];
    if (profile) nodeFlags.push('--cpu-prof', '--cpu-prof-dir=test/bench/profiles');
    nodeFlags.push(...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean));
    return new BenchServer(
      await startServerProcess({ entry: `test/bench/${script}`, env, nodeFlags, ipc: true, echo: true }),
    );
  }

  rss(): Promise<{ rss: number; heap: number }> {
    return new Promise((resolve) => {
      this.waiting.push((m) => {
        if (m.type !== 'rss') return resolve({ rss: Number.NaN, heap: Number.NaN });
        const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
        log(
          `    memory: rss ${mb(m.rss)}, heap used ${mb(m.heap)} of ${mb(m.heapTotal)}, external ${mb(m.external)}`,
        );
        resolve(m);
      });
      this.server.child.send({ type: 'rss' });
    });
  }

  /** One step of a server that answers steps (lifetimeServer.ts); resolves with its reply. */
  step<T>(message: object): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.push((m) => resolve(m as unknown as T));
      this.server.child.send(message);
    });
  }

  async stop(): Promise<void> {
    this.server.child.send({ type: 'exit' });
    await this.server.exited;
  }
}

type Phone = Socket;

function connect(url: string): Promise<Phone> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Connects `n` phones in small batches (a real room fills over a minute, not in one tick). */
async function connectMany(url: string, n: number, then: (s: Phone, i: number) => Promise<void>) {
  const phones: Phone[] = [];
  for (let i = 0; i < n; i += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, n - i) }, async (_, j) => {
        const s = await connect(url);
        await then(s, i + j);
        return s;
      }),
    );
    phones.push(...batch);
  }
  return phones;
}

/**
 * Fan-out watch: every phone's `meeting:events` listener checks for one commandId; the sample is
 * the time from just before the send to the moment the last phone has it.
 */
interface Watch {
  commandId: string;
  remaining: number;
  last: number;
  done: () => void;
}
let watch: Watch | null = null;
function onEvents(events: MeetingEvent[]): void {
  const w = watch;
  if (!w) return;
  for (const e of events) {
    if (e.commandId !== w.commandId) continue;
    w.last = performance.now();
    if (--w.remaining === 0) {
      watch = null;
      w.done();
    }
    return;
  }
}

function fanout(phones: number, commandId: string, send: () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const w: Watch = {
      commandId,
      remaining: phones,
      last: 0,
      done: () => {
        clearTimeout(timer);
        resolve(w.last - t0);
      },
    };
    const timer = setTimeout(() => {
      watch = null;
      reject(new Error(`fan-out timed out: ${w.remaining} of ${phones} phones never got ${commandId}`));
    }, 30_000);
    watch = w;
    send();
  });
}

type Cmd = Record<string, unknown> & { type: string };

const refusals = new Map<string, number>();
function command(
  socket: Phone,
  cmd: Cmd,
  commandId = randomUUID(),
): Promise<{ ms: number; r: CommandResult }> {
  const t = performance.now();
  return new Promise((resolve) => {
    socket.emit('meeting:command', { ...cmd, commandId }, (r: CommandResult) => {
      if (!r.ok)
        refusals.set(`${cmd.type}:${r.error.code}`, (refusals.get(`${cmd.type}:${r.error.code}`) ?? 0) + 1);
      resolve({ ms: performance.now() - t, r });
    });
  });
}

/** With a name: a new device's first join, by `secret` as its joinId (S2); without: the secret is its token. */
async function join(socket: Phone, code: string, secret: string, name?: string): Promise<JoinResult> {
  const r = (await socket.emitWithAck('meeting:join', {
    protocol: PROTOCOL_VERSION,
    code,
    ...(name ? { joinId: secret, name } : { token: secret }),
  })) as JoinResult;
  if (!r.ok) throw new Error(`join refused: ${r.error.code} ${r.error.message}`);
  return r;
}

async function createMeeting(url: string, title: string): Promise<CreatedMeeting> {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status}`);
  return (await res.json()) as CreatedMeeting;
}

const token = () => randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '');

/** Each phone sends once at a seeded random moment within `windowMs`; returns ack latencies. */
async function spread(phones: Phone[], windowMs: number, make: (i: number) => Cmd): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    phones.map(
      (p, i) =>
        new Promise<void>((resolve) => {
          setTimeout(
            () =>
              void command(p, make(i)).then(({ ms }) => {
                latencies.push(ms);
                resolve();
              }),
            random() * windowMs,
          );
        }),
    ),
  );
  return latencies;
}

function closeAll(sockets: Phone[]): void {
  for (const s of sockets) s.close();
}

// ---------------------------------------------------------------- the floor

async function floor(n: number) {
  const server = await BenchServer.start('floorServer.ts');
  const controller = await connect(server.url);
  // Warm-up, as for the app: a room of phones comes and goes before the baseline.
  const warm = await connectMany(server.url, WARM_UP, async (s) => {
    await s.emitWithAck('floor:join', {});
  });
  for (let i = 0; i < 5; i++) controller.emit('floor:broadcast', [{ warmUp: i }], () => {});
  await sleep(100);
  closeAll(warm);
  await sleep(300);
  const before = await server.rss();
  const phones = await connectMany(server.url, n, async (s) => {
    await s.emitWithAck('floor:join', {});
    s.on('meeting:events', onEvents);
  });
  await sleep(200);
  const after = await server.rss();
  const samples: number[] = [];
  for (let i = 0; i < SIZE.fanoutRounds * 2; i++) {
    const commandId = randomUUID();
    // The same shape and size as a real stage change.
    const events = [
      {
        type: 'stage.changed',
        from: i % 2 ? 'reactions' : 'clarifying',
        to: i % 2 ? 'clarifying' : 'reactions',
        reason: i % 2 ? 'back' : 'advance',
        by: 'facilitator',
        seq: 1000 + i,
        at: Date.now(),
        commandId,
      },
    ];
    samples.push(await fanout(n, commandId, () => controller.emit('floor:broadcast', events, () => {})));
    await sleep(FANOUT_GAP_MS);
  }
  closeAll([controller, ...phones]);
  await server.stop();
  return { samples, rssPerPhone: (after.rss - before.rss) / n, heapPerPhone: (after.heap - before.heap) / n };
}

// ---------------------------------------------------------------- one big room

async function bigRoom(n: number) {
  const server = await BenchServer.start(
    'appServer.ts',
    { BENCH_SYNC: sync, BENCH_GROUP_COMMIT: groupCommit, BENCH_BROADCAST_MS: broadcastMs },
    cpuProf,
  );
  const created = await createMeeting(server.url, 'Bench: one big room');
  const facilitator = await connect(server.url);
  await join(facilitator, created.code, created.facilitatorKey);
  // Warm-up: a small meeting fills and empties first, so that the baseline is a server that
  // has already run (its heap grown to working size), and the delta is what each phone costs.
  const warmUp = await createMeeting(server.url, 'Bench: warm-up');
  const warm = await connectMany(server.url, WARM_UP, (s, i) =>
    join(s, warmUp.code, token(), `Warm ${i + 1}`).then(() => {}),
  );
  await sleep(100);
  closeAll(warm);
  await sleep(300);
  const before = await server.rss();
  const phones = await connectMany(server.url, n, async () => {});
  await sleep(200);
  const connected = await server.rss();
  for (let i = 0; i < n; i += CONNECT_BATCH) {
    await Promise.all(
      phones.slice(i, i + CONNECT_BATCH).map(async (s, j) => {
        await join(s, created.code, token(), `Phone ${i + j + 1}`);
        s.on('meeting:events', onEvents);
      }),
    );
  }
  await sleep(300);
  const after = await server.rss();
  log(`  big room: ${n} phones joined`);

  // Stage changes are what the floor is compared with (same size of payload); the other
  // facilitator commands are reported by name: a reveal carries every response in the room.
  const stageSamples: number[] = [];
  const otherSamples: Record<string, number> = {};
  const step = async (cmd: Cmd) => {
    const commandId = randomUUID();
    let refused: CommandResult | undefined;
    const ms = await fanout(
      n,
      commandId,
      () =>
        void command(facilitator, cmd, commandId).then(({ r }) => {
          if (!r.ok) refused = r;
        }),
    );
    if (refused && !refused.ok) throw new Error(`${cmd.type} refused: ${refused.error.message}`);
    if (cmd.type === 'stage.advance' || cmd.type === 'stage.back') stageSamples.push(ms);
    else otherSamples[`${cmd.type}#${Object.keys(otherSamples).length + 1}`] = round(ms);
    await sleep(FANOUT_GAP_MS);
  };

  await step({ type: 'proposal.edit', title: 'Bench', driver: 'Load', text: 'Let the phones speak.' });
  await step({ type: 'stage.advance', from: 'proposal' });
  for (let i = 0; i < SIZE.fanoutRounds; i++) {
    await step({ type: 'stage.advance', from: 'clarifying' });
    await step({ type: 'stage.back', from: 'reactions' });
  }
  await step({ type: 'stage.advance', from: 'clarifying' });

  log(`  big room: reactions spread over ${SIZE.spreadMs} ms`);
  // The load generator's own event-loop delay: an ack is timed here, so when this process is
  // busy decoding the room's broadcasts, its lag is part of every latency it reports.
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const spreadAcks = await spread(phones, SIZE.spreadMs, (i) => ({
    type: 'reaction.give',
    text: `Reaction from phone ${i + 1}: looks workable to me.`,
    gesture: 'up',
  }));
  await step({ type: 'responses.reveal' });
  await step({ type: 'stage.advance', from: 'reactions' });
  log(`  big room: objection-round responses spread over ${SIZE.spreadMs} ms`);
  spreadAcks.push(
    ...(await spread(phones, SIZE.spreadMs, () => ({ type: 'response.give', kind: 'consent' }))),
  );
  lag.disable();
  const loadGenLagP99 = lag.percentile(99) / 1e6;
  log(`  big room: burst, every phone again within ${SIZE.burstMs} ms`);
  const t0 = performance.now();
  const burstAcks = await spread(phones, SIZE.burstMs, () => ({ type: 'response.give', kind: 'consent' }));
  const burstWallMs = performance.now() - t0;
  await step({ type: 'responses.reveal' });
  await step({ type: 'stage.advance', from: 'objections' });
  burstAcks.push(...(await spread(phones, SIZE.burstMs, () => ({ type: 'response.give', kind: 'consent' }))));
  await step({ type: 'outcome.record', outcome: 'adopted' });

  closeAll([facilitator, ...phones]);
  await server.stop();
  return {
    stageSamples,
    otherSamples,
    spreadAcks,
    burstAcks,
    burstWallMs,
    loadGenLagP99,
    rssPerPhone: (after.rss - before.rss) / n,
    connectRssPerPhone: (connected.rss - before.rss) / n,
    heapPerPhone: (after.heap - before.heap) / n,
  };
}

// ---------------------------------------------------------------- many rooms

async function manyRooms(rooms: number, perRoom: number, sustainMs: number) {
  const server = await BenchServer.start(
    'appServer.ts',
    { BENCH_SYNC: sync, BENCH_GROUP_COMMIT: groupCommit, BENCH_BROADCAST_MS: broadcastMs },
    cpuProf,
  );
  const facilitators: Phone[] = [];
  const phones: Phone[] = [];
  for (let r = 0; r < rooms; r++) {
    const created = await createMeeting(server.url, `Bench room ${r + 1}`);
    const f = await connect(server.url);
    await join(f, created.code, created.facilitatorKey);
    facilitators.push(f);
    await command(f, { type: 'proposal.edit', title: 'Room', driver: 'Load', text: 'Many rooms at once.' });
    phones.push(
      ...(await connectMany(server.url, perRoom, (s, i) =>
        join(s, created.code, token(), `P${i}`).then(() => {}),
      )),
    );
    for (const from of ['proposal', 'clarifying', 'reactions'])
      await command(f, { type: 'stage.advance', from });
  }
  log(`  many rooms: ${rooms} × ${perRoom} phones in the objection round, sending for ${sustainMs} ms`);
  const acks: number[] = [];
  const end = performance.now() + sustainMs;
  const t0 = performance.now();
  // Closed loop: each phone has one submission in flight at a time (a person cannot tap faster
  // than the ack comes back), so the server is saturated by the whole crowd, not by one socket.
  await Promise.all(
    phones.map(async (p) => {
      await sleep(random() * 200);
      while (performance.now() < end) {
        const { ms, r } = await command(p, { type: 'response.give', kind: 'consent' });
        if (r.ok) acks.push(ms);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  closeAll([...facilitators, ...phones]);
  await server.stop();
  return { acks, eventsPerSecond: acks.length / seconds };
}

/**
 * Memory over a flood of meetings created and abandoned (issue 11, lifetime): RSS and heap after
 * a full GC before the flood, with every meeting live in memory, once the sweep has closed them
 * all as abandoned, and after a restart on the same file (start-up loads live meetings only).
 */
async function abandonFlood(n: number) {
  const server = await BenchServer.start('lifetimeServer.ts', {
    BENCH_SYNC: sync,
    BENCH_GROUP_COMMIT: groupCommit,
  });
  const before = await server.rss();
  const created = await server.step<LifetimeReply>({ type: 'create', n });
  log(`    ${n} meetings created in ${Math.round(created.ms)} ms; ${created.inMemory} in memory`);
  const live = await server.rss();
  const abandoned = await server.step<LifetimeReply>({ type: 'abandon' });
  log(
    `    closed as abandoned in ${Math.round(abandoned.ms)} ms; ${abandoned.inMemory} in memory, ${abandoned.open} open`,
  );
  const after = await server.rss();
  const restarted = await server.step<LifetimeReply>({ type: 'restart' });
  log(`    restarted in ${Math.round(restarted.ms)} ms; ${restarted.inMemory} in memory`);
  const again = await server.rss();
  await server.stop();
  const mb = (b: number) => round(b / 1048576, 1);
  return {
    flood_meetings: n,
    flood_create_ms: Math.round(created.ms),
    flood_abandon_ms: Math.round(abandoned.ms),
    flood_restart_ms: Math.round(restarted.ms),
    flood_in_memory_live: created.inMemory,
    flood_in_memory_after: abandoned.inMemory,
    flood_in_memory_restarted: restarted.inMemory,
    flood_rss_mb: [mb(before.rss), mb(live.rss), mb(after.rss), mb(again.rss)],
    flood_heap_mb: [mb(before.heap), mb(live.heap), mb(after.heap), mb(again.heap)],
  };
}

// ---------------------------------------------------------------- main

if (only === 'lifetime') {
  log(`app: ${SIZE.flood} meetings created, then abandoned`);
  const flood = await abandonFlood(SIZE.flood);
  console.log('memory over a flood of abandoned meetings: before, all live, all abandoned, restarted');
  console.log(`  RSS (MB):  ${flood.flood_rss_mb.join(' → ')}`);
  console.log(`  heap (MB): ${flood.flood_heap_mb.join(' → ')}`);
  console.log(JSON.stringify({ mode: quick ? 'quick' : 'full', synchronous: sync, ...flood }));
  process.exit(0);
}

const startedAt = performance.now();
log(`circlewise bench (${quick ? 'quick' : 'full'}, synchronous=${sync}, seed ${seed})`);
log(`floor: bare Socket.IO, ${SIZE.phones} phones`);
const noFloor = { samples: [] as number[], rssPerPhone: Number.NaN, heapPerPhone: Number.NaN };
const floorBefore = only ? noFloor : await floor(SIZE.phones);
log(`app: one big room, ${SIZE.phones} phones`);
const big =
  only === 'rooms'
    ? {
        stageSamples: [],
        otherSamples: {},
        spreadAcks: [],
        burstAcks: [],
        burstWallMs: Number.NaN,
        loadGenLagP99: Number.NaN,
        rssPerPhone: Number.NaN,
        connectRssPerPhone: Number.NaN,
        heapPerPhone: Number.NaN,
      }
    : await bigRoom(SIZE.phones);
log(`app: many rooms, ${SIZE.rooms} × ${SIZE.roomPhones}`);
// The floor again, after the app: the machine's load drifts, and the stricter (faster) of the
// two floor runs is the one the app is compared with.
if (!only) log(`floor again: bare Socket.IO, ${SIZE.phones} phones`);
const floorAfter = only ? noFloor : await floor(SIZE.phones);
const f = pct(floorAfter.samples, 0.99) < pct(floorBefore.samples, 0.99) ? floorAfter : floorBefore;
const many =
  only === 'big'
    ? { acks: [], eventsPerSecond: Number.NaN }
    : await manyRooms(SIZE.rooms, SIZE.roomPhones, SIZE.sustainMs);
log(`app: ${SIZE.flood} meetings created, then abandoned`);
const flood = only ? {} : await abandonFlood(SIZE.flood);

const result = {
  mode: quick ? 'quick' : 'full',
  synchronous: sync,
  group_commit: groupCommit,
  broadcast_window_ms: Number(broadcastMs),
  seed,
  phones: SIZE.phones,
  fanout_samples: big.stageSamples.length,
  fanout_p50_ms: round(pct(big.stageSamples, 0.5)),
  fanout_p99_ms: round(pct(big.stageSamples, 0.99)),
  floor_p50_ms: round(pct(f.samples, 0.5)),
  floor_p99_ms: round(pct(f.samples, 0.99)),
  floor_p99_runs_ms: [round(pct(floorBefore.samples, 0.99)), round(pct(floorAfter.samples, 0.99))],
  ratio: round(pct(big.stageSamples, 0.99) / pct(f.samples, 0.99)),
  ack_p50_ms: round(pct(big.spreadAcks, 0.5)),
  ack_p99_ms: round(pct(big.spreadAcks, 0.99)),
  burst_ack_p50_ms: round(pct(big.burstAcks, 0.5)),
  burst_ack_p99_ms: round(pct(big.burstAcks, 0.99)),
  burst_wall_ms: round(big.burstWallMs, 0),
  loadgen_lag_p99_ms: round(big.loadGenLagP99),
  rss_kb_per_phone: round(big.rssPerPhone / 1024, 1),
  floor_rss_kb_per_phone: round(f.rssPerPhone / 1024, 1),
  mem_ratio: round(big.rssPerPhone / f.rssPerPhone),
  rss_connect_kb_per_phone: round(big.connectRssPerPhone / 1024, 1),
  heap_kb_per_phone: round(big.heapPerPhone / 1024, 1),
  floor_heap_kb_per_phone: round(f.heapPerPhone / 1024, 1),
  heap_ratio: round(big.heapPerPhone / f.heapPerPhone),
  warm_up_phones: WARM_UP,
  other_fanout_ms: big.otherSamples,
  rooms: SIZE.rooms,
  room_phones: SIZE.roomPhones,
  events_per_s: Math.round(many.eventsPerSecond),
  rooms_ack_p50_ms: round(pct(many.acks, 0.5)),
  rooms_ack_p99_ms: round(pct(many.acks, 0.99)),
  refusals: Object.fromEntries(refusals),
  ...flood,
  seconds: Math.round((performance.now() - startedAt) / 1000),
};

const rows: Array<[string, string, string, string]> = [
  [
    'stage fan-out p50 (ms)',
    `${result.fanout_p50_ms}`,
    `${result.floor_p50_ms}`,
    `${round(result.fanout_p50_ms / result.floor_p50_ms)}`,
  ],
  ['stage fan-out p99 (ms)', `${result.fanout_p99_ms}`, `${result.floor_p99_ms}`, `${result.ratio}`],
  [
    'RSS per phone (KiB)',
    `${result.rss_kb_per_phone}`,
    `${result.floor_rss_kb_per_phone}`,
    `${result.mem_ratio}`,
  ],
  ['RSS per phone, connected only (KiB)', `${result.rss_connect_kb_per_phone}`, '', ''],
  [
    'heap per phone (KiB)',
    `${result.heap_kb_per_phone}`,
    `${result.floor_heap_kb_per_phone}`,
    `${round(result.heap_kb_per_phone / result.floor_heap_kb_per_phone)}`,
  ],
  ['ack p50 / p99, spread (ms)', `${result.ack_p50_ms} / ${result.ack_p99_ms}`, '', ''],
  ['load generator loop lag p99, spread (ms)', `${result.loadgen_lag_p99_ms}`, '', ''],
  ['ack p50 / p99, burst (ms)', `${result.burst_ack_p50_ms} / ${result.burst_ack_p99_ms}`, '', ''],
  [`events/s, ${SIZE.rooms} rooms × ${SIZE.roomPhones}`, `${result.events_per_s}`, '', ''],
  ['ack p50 / p99, many rooms (ms)', `${result.rooms_ack_p50_ms} / ${result.rooms_ack_p99_ms}`, '', ''],
];
const widths = [34, 18, 12, 8];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ');
console.log(
  `\n${SIZE.phones} phones, one big room; ${result.fanout_samples} stage commands, synchronous=${sync}`,
);
console.log(line(['figure', 'app', 'floor', 'app÷floor']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(
  `targets: ratio ≤ 1.5 ${result.ratio <= 1.5 ? 'ok' : 'MISSED'}; mem_ratio ≤ 1.5 ${result.mem_ratio <= 1.5 ? 'ok' : 'MISSED'}; ack_p99 ≤ 25 ms ${result.ack_p99_ms <= 25 ? 'ok' : 'MISSED'}`,
);
console.log(`other facilitator commands, fan-out (ms): ${JSON.stringify(result.other_fanout_ms)}`);
if (refusals.size > 0) console.log(`refusals: ${JSON.stringify(result.refusals)}`);
console.log(JSON.stringify(result));
process.exit(0);
