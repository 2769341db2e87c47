/**
 * `npm test` starts with scripts/provision.mjs (README: the two commands are all the set-up): on
 * a machine that has what the tests need it says nothing and lets them run; where something is
 * missing and it may not install it (here: --check), it stops at once and names what to install.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/compiled';

const provision = (env: Record<string, string>) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/provision.mjs'), '--check'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 10_000,
  });

describe('provisioning for the tests', () => {
  it('passes quietly where everything is there, and stops naming the package where Chromium is missing', () => {
    const here = provision({});
    expect(here.stderr).toBe('');
    expect(here.status).toBe(0);

    const missing = provision({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('/nonexistent/chromium');
    expect(missing.stderr).toMatch(/apt-get install --no-install-recommends chromium\n/);
  });
});
