/**
 * The app as `npm start` runs it: the client build (client/dist) and the compiled server
 * (server/dist/main.js, scripts/build-server.mjs). `npm test` builds both before the tests run;
 * a test that runs them alone needs `npm run build` first, and is told so rather than testing an
 * old build.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** From the repository root, as an install lays them out. */
export const COMPILED_MAIN = 'server/dist/main.js';
export const CLIENT_BUILD = 'client/dist';

/** The newest modification time of a TypeScript source under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ts|sql)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Throws, naming the fix, unless both builds exist and the server's is newer than its sources. */
export function requireBuild(): void {
  const main = join(ROOT, COMPILED_MAIN);
  if (!existsSync(main) || !existsSync(join(ROOT, CLIENT_BUILD, 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` first (`npm test` does).');
  }
  const built = statSync(main).mtimeMs;
  if (newestSource(join(ROOT, 'server/src')) > built || newestSource(join(ROOT, 'shared/src')) > built) {
    throw new Error(`${COMPILED_MAIN} is older than its sources: run \`npm run build:server\` first.`);
  }
}

/** The first script the built page loads, e.g. `/assets/index-abc123.js`. */
export function scriptOf(html: string): string {
  const src = /<script[^>]*\ssrc="([^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('the page loads no script');
  return src;
}
