/**
 * Debian's Chromium driven by playwright-core (a browser download cannot work here), with the
 * flags this machine needs: no sandbox as root, no GPU, and no background networking (whose
 * connections the closed network refuses, many at a time).
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, devices } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install chromium).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A phone-sized context: 360 × 740, touch, a phone's user agent. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  const phone = devices['Pixel 5'];
  return browser.newContext({ ...phone, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
}

export function laptopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 } });
}
