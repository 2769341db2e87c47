/**
 * The real server in a child process of its own, started in one place for everyone who needs
 * one: the crash and chaos tests, which kill it for real (A1, A8: SIGKILL, nothing closed or
 * flushed), and the bench, whose load generator must not share the server's event loop.
 *
 * A child says where it listens with one line on stdout: `{"port":N}` (`announcePort`, used by
 * serverEntry.ts and the bench's servers), or main.ts's own greeting, which an operator sees.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The lines a child announces its port with; the first complete one on stdout wins. */
const PORT_LINES = [/^\{"port":(\d+)\}$/, /^Circlewise is running\. Open http:\/\/localhost:(\d+) /];

/** In a child: tells `startServerProcess` the port, once listening. */
export function announcePort(port: number): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

export interface ServerProcessOptions {
  /**
   * The script, from the repository root (or `cwd`): a `.ts` one runs with `node --import tsx`,
   * a compiled `.js` one (server/dist/main.js) with plain node, as `npm start` runs it.
   */
  entry: string;
  /** Where the child runs; the repository root unless told. */
  cwd?: string;
  args?: string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** More node flags, e.g. `--expose-gc`, `--cpu-prof`. */
  nodeFlags?: string[];
  /** An IPC channel, as `fork` opens: `child.send`, and `child.on('message')`. */
  ipc?: boolean;
  /** Copies the child's stdout to our stderr as it comes (its stderr is copied always). */
  echo?: boolean;
  /** How long the child may take to announce its port. */
  startTimeoutMs?: number;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Resolves once the process has exited, however it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /**
   * Sends `signal` unless the process has exited already, and waits for the exit. SIGKILL, the
   * default: it dies mid-whatever, as in a crash or an OOM kill.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `entry` in a child process; resolves once it has announced its port. */
export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...(options.entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      ...(options.nodeFlags ?? []),
      options.entry,
      ...(options.args ?? []),
    ],
    {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
    },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let output = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 20_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.entry} did not announce a port within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    let port: number | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
      // Whole lines only: a chunk may end inside the port's digits.
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        const found = port === undefined ? PORT_LINES.map((p) => p.exec(line)?.[1]).find(Boolean) : undefined;
        if (found === undefined) {
          if (options.echo) process.stderr.write(`${line}\n`);
          continue;
        }
        port = Number(found);
        clearTimeout(timer);
        resolve({
          child,
          port,
          url: `http://127.0.0.1:${port}`,
          exited,
          output: () => output,
          async kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      // After the port was announced this is a no-op: the promise is settled.
      reject(new Error(`${options.entry} exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
}

/**
 * The app (serverEntry.ts) on a data directory that outlives the process, configured as the
 * in-process test server is (synchronous=NORMAL, no rate limit, broadcasts at once).
 */
export function startAppProcess(dataDir: string, options: { groupCommit?: boolean } = {}) {
  return startServerProcess({
    entry: 'test/support/serverEntry.ts',
    args: [dataDir, options.groupCommit ? 'on' : 'off'],
  });
}

/**
 * The server as an operator runs it (server/src/main.ts) with its default configuration
 * (synchronous=FULL, group commit, the rate limit) on this data directory and port.
 */
export function startMainProcess(dataDir: string, port: number) {
  return startServerProcess({
    entry: 'server/src/main.ts',
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
  });
}

/** A port nobody listens on now, for a server that must come back on the same one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
