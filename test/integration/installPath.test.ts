/**
 * The app runs from any install path (README): a hidden folder such as ~/.local/… included. The
 * page and the client-side routes are served from a client build that sits under a dot-folder;
 * and the app as `npm start` runs it (the compiled server and the client build, copied under a
 * dot-folder) starts there with plain node and answers.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_BUILD, COMPILED_MAIN, ROOT, requireBuild, scriptOf } from '../support/compiled';
import { createMeeting, startServer, type TestServer } from '../support/server';
import { startServerProcess } from '../support/serverProcess';

let root: string;
let server: TestServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'circlewise-install-'));
  const clientDir = join(root, '.local', 'share', 'circlewise', 'client', 'dist');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(
    join(clientDir, 'index.html'),
    '<!doctype html><title>Circlewise</title><div id="root"></div>',
  );
  writeFileSync(join(clientDir, 'assets', 'app.js'), 'console.log("app");');
  server = await startServer({ clientDir });
});

afterAll(async () => {
  await server.destroy();
  rmSync(root, { recursive: true, force: true });
});

describe('install path', () => {
  it('serves the page, its assets and the client-side routes from a build under a hidden folder', async () => {
    for (const path of ['/', '/m/ABC234', '/m/ABC234/facilitate']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<div id="root">');
    }
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log');
  });

  it('runs the compiled app installed under a hidden folder: the page, its script, the API and a new meeting', async () => {
    requireBuild();
    // An install as `npm install && npm start` leaves it, under ~/.local/…: the two builds, and
    // the packages the server imports (linked, as a copy would take long).
    const install = join(root, 'home', '.local', 'share', 'circlewise');
    cpSync(join(ROOT, COMPILED_MAIN, '..'), join(install, COMPILED_MAIN, '..'), { recursive: true });
    cpSync(join(ROOT, CLIENT_BUILD), join(install, CLIENT_BUILD), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'), 'dir');
    const app = await startServerProcess({
      entry: COMPILED_MAIN,
      cwd: install,
      env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(install, 'data'), NODE_OPTIONS: '' },
    });
    try {
      let html = '';
      for (const path of ['/', '/m/ABC234']) {
        const res = await fetch(`${app.url}${path}`);
        expect(res.status, path).toBe(200);
        html = await res.text();
        expect(html, path).toContain('<div id="root">');
      }
      expect((await fetch(`${app.url}${scriptOf(html)}`)).status).toBe(200);
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
      // The store opened under the dot-folder, with the migrations copied beside the compiled server.
      expect((await createMeeting(app.url, 'Installed')).code).toMatch(/^[A-Z0-9]{6}$/);
      expect(app.output()).toContain(join(install, 'data'));
    } finally {
      await app.kill('SIGTERM');
    }
  });
});
