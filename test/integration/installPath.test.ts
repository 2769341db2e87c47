/**
 * The app runs from any install path (README): a hidden folder such as ~/.local/… included. The
 * page and the client-side routes are served from a client build that sits under a dot-folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

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
});
