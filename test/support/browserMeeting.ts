/**
 * What every browser test of a meeting needs: the real server serving the built client, Debian's
 * Chromium, screenshots in test-results/screens/ for a person to look at (each view checked with
 * axe first, test/support/axe.ts), and joining from the
 * home page as a phone does. Registers its own beforeAll/afterAll.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { expectAccessible } from './axe';
import { launchChromium } from './browser';
import { startServer, type TestServer } from './server';

const SCREENS = join(import.meta.dirname, '../../test-results/screens');
const CLIENT = join(import.meta.dirname, '../../client/dist');

export function browserMeeting(options: { screenshotPrefix?: string } = {}) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await startServer({ clientDir: CLIENT });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.destroy();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('browserMeeting is used before beforeAll ran');
    return value;
  };
  const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });
  /** Every view a test looks at is also checked with axe (WCAG A/AA, landmarks), then shot. */
  const shot = async (page: Page, name: string) => {
    await expectAccessible(page, `${options.screenshotPrefix ?? ''}${name}`);
    await page.screenshot({
      path: join(SCREENS, `${options.screenshotPrefix ?? ''}${name}.png`),
      fullPage: true,
    });
  };

  return {
    get server(): TestServer {
      return started(server);
    },
    get browser(): Browser {
      return started(browser);
    },
    button,
    shot,
    /** Types the code (in lower case, as people do) and a name on the home page, and joins. */
    async join(page: Page, code: string, name: string, beforeJoining?: (page: Page) => Promise<unknown>) {
      await page.goto(started(server).url);
      await page.getByLabel('Meeting code').fill(code.toLowerCase());
      await page.getByLabel('Your name').fill(name);
      await beforeJoining?.(page);
      await button(page, 'Join').click();
      await page.waitForURL(`**/m/${code}`);
    },
  };
}
