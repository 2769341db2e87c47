#!/usr/bin/env node
/**
 * Compiles the server to plain JavaScript for `npm start` (no TypeScript loader at run time):
 * server/src/main.ts and every tool in server/src/tools/ (one file each, tests excepted) become
 * server/dist/<name>.js, ESM for Node 20. @circlewise/shared is bundled in (its package exports
 * TypeScript); every other package (better-sqlite3, express, socket.io, …) stays an import, as
 * installed by `npm install`.
 *
 * Every entry lands flat in server/dist/, one level below server/ as server/src/ is, so paths the
 * code computes from `import.meta.dirname` mean the same in both: the client build is
 * `../../client/dist`, and the store's SQL migrations (read from disk at start) are copied to
 * server/dist/migrations.
 *
 * `node scripts/build-server.mjs [OUT_DIR]` (default server/dist).
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'server', 'src');
const out = resolve(process.argv[2] ?? join(root, 'server', 'dist'));

const tools = join(src, 'tools');
const entries = [
  join(src, 'main.ts'),
  ...(existsSync(tools)
    ? readdirSync(tools)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
        .sort()
        .map((f) => join(tools, f))
    : []),
];
const names = entries.map((e) => basename(e, '.ts'));
const clash = names.find((n, i) => names.indexOf(n) !== i);
if (clash) throw new Error(`Two server entry points would both build to ${clash}.js: rename one.`);

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(entries.map((e, i) => [names[i], e])),
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Our own workspace packages are bundled; everything else is imported from node_modules.
  plugins: [
    {
      name: 'external-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@circlewise/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
cpSync(join(src, 'store', 'migrations'), join(out, 'migrations'), { recursive: true });
console.log(`Server built: ${names.map((n) => `${n}.js`).join(', ')} in ${out}`);
