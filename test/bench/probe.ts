/**
 * The small IPC protocol between run.ts and a server under test: the server says where it
 * listens (on stdout, as every server process does: serverProcess.ts), answers RSS probes after
 * a full GC (so the figure is live memory, not garbage), and exits when told, letting
 * `--cpu-prof` write its profile.
 */
import { announcePort } from '../support/serverProcess';

export type ProbeReply = { type: 'rss'; rss: number; heap: number; heapTotal: number; external: number };

export function answerProbes(port: number, cleanup: () => void): void {
  const send = (m: ProbeReply) => process.send?.(m);
  process.on('message', (m: { type?: string }) => {
    if (m.type === 'rss') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      send({
        type: 'rss',
        rss: usage.rss,
        heap: usage.heapUsed,
        heapTotal: usage.heapTotal,
        external: usage.external,
      });
    } else if (m.type === 'exit') {
      cleanup();
      process.exit(0);
    }
  });
  process.on('disconnect', () => {
    cleanup();
    process.exit(0);
  });
  announcePort(port);
}
