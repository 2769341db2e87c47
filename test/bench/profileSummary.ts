/**
 * `node --import tsx test/bench/profileSummary.ts <file.cpuprofile> [top]`: self time per
 * function (and per file), so a profile from `npm run bench -- --cpu-prof` reads in a terminal.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, us] of selfUs) {
  const f = byId.get(id)?.callFrame;
  if (!f) continue;
  const where = f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/work\/main\//, '');
  const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  const pkg =
    where.startsWith('node:') || where === ''
      ? where || '(native/gc/idle)'
      : where.split('/').slice(0, 2).join('/');
  files.set(pkg, (files.get(pkg) ?? 0) + us);
}
const top = Number(topArg ?? 30);
function show(m: Map<string, number>, n: number): void {
  const rows = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  for (const [k, us] of rows) {
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`,
    );
  }
}
console.log(`total ${(total / 1000).toFixed(0)} ms sampled\n-- by package/file --`);
show(files, 15);
console.log('-- by function (self) --');
show(fn, top);
