#!/usr/bin/env node
/**
 * The test command's first step (`npm test`): makes sure this machine has what the tests need,
 * so the README's commands are all the set-up a fresh machine takes.
 *
 * - What npm installs must work: Node is new enough, and better-sqlite3's native part was built
 *   (`npm install` compiles it; without python3, make and g++ it cannot). These are checked
 *   only: the fix is named.
 * - System packages the tests use (SYSTEM_NEEDS: Chromium and its fonts for the browser test) are
 *   checked; where this script may install them itself (root on Debian, with apt-get), it does,
 *   quietly; elsewhere it stops at once and names exactly what to install.
 *
 * A later need (PostgreSQL, say) is one more entry in SYSTEM_NEEDS: its Debian packages, how to
 * tell it is there, and, for a service, a `ready` step that starts it once installed.
 *
 * `node scripts/provision.mjs [--check]`: with --check it never installs, only reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @typedef {object} Need
 * @property {string} what     what it is, as a person reads it
 * @property {string} why      which tests need it
 * @property {() => boolean} present
 * @property {string[]} debian the Debian packages that provide it
 * @property {string} [elsewhere] what to do where there is no apt-get
 * @property {() => void} [ready] for a service: start it once installed (not needed yet)
 */

/** @type {Need[]} */
const SYSTEM_NEEDS = [
  {
    what: `Chromium (${chromium})`,
    why: 'the browser test drives it through playwright-core',
    present: () => existsSync(chromium),
    debian: ['chromium'],
    elsewhere: 'install Chromium and set CHROMIUM_PATH to its executable',
  },
  {
    what: 'the DejaVu fonts',
    why: 'the browser test renders pages with them',
    present: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
    debian: ['fonts-dejavu-core'],
  },
];

const checkOnly = process.argv.includes('--check');

function stop(lines) {
  console.error(['', 'The tests cannot run on this machine yet:', ...lines, ''].join('\n'));
  process.exit(1);
}

// What npm installs: checked, never installed here.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  stop([`- Node.js ${process.versions.node} is too old: install Node.js 20.19 or newer.`]);
}
try {
  createRequire(import.meta.url)('better-sqlite3')(':memory:').close();
} catch (error) {
  stop([
    `- better-sqlite3 does not load (${String(error?.message ?? error).split('\n')[0]}).`,
    '  Run `npm install` (it compiles the SQLite driver: it needs python3, make and g++; on Debian',
    '  `apt-get install python3 make g++`), or `npm rebuild better-sqlite3` after installing them.',
  ]);
}

// System packages: installed where we may, named where we may not.
const missing = SYSTEM_NEEDS.filter((need) => !need.present());
if (missing.length > 0) {
  const packages = [...new Set(missing.flatMap((need) => need.debian))];
  const reasons = missing.map((need) => `- ${need.what}: ${need.why}.`);
  if (checkOnly || !mayInstall()) {
    stop([
      ...reasons,
      `On Debian, as root: apt-get install --no-install-recommends ${packages.join(' ')}`,
      ...missing.filter((need) => need.elsewhere).map((need) => `Elsewhere: ${need.elsewhere}.`),
      ...(checkOnly ? [] : ['(This script installs them itself when it runs as root on Debian.)']),
    ]);
  }
  console.log(`Installing ${packages.join(', ')} (apt-get) for the tests…`);
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const still = missing.filter((need) => !need.present());
  if (still.length > 0) {
    stop([...still.map((need) => `- ${need.what} is still missing after apt-get install.`)]);
  }
}
for (const need of SYSTEM_NEEDS) need.ready?.();

/** Root on Debian (not a derivative whose `chromium` package is something else), with apt-get. */
function mayInstall() {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  try {
    return /^ID=("?)debian\1$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function apt(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0)
    stop([`- apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`]);
}
