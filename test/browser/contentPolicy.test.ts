/**
 * S9: the built app runs under its own Content-Security-Policy. The home page, the facilitator's
 * console (its socket, ws: to its own host) and the room's screen (the join QR code, a data:
 * image) load and work in Chromium with not one violation reported, and the policy the page got
 * forbids inline script and framing.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { laptopContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';
import { createMeeting } from '../support/server';

const session = browserMeeting({ screenshotPrefix: 'csp-' });

/** Every CSP violation the page reports, as the browser words it. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  return seen;
}

it('[S9] home, console and the room’s screen run under the CSP with no violation; socket and QR code work', async () => {
  const { server, browser } = session;
  const meeting = await createMeeting(server.url, 'Under the policy');
  const ctx = await laptopContext(browser);
  try {
    await ctx.addInitScript(([code, key]) => localStorage.setItem(`circlewise:facilitator:${code}`, key), [
      meeting.code,
      meeting.facilitatorKey,
    ] as const);
    const page = await ctx.newPage();
    const violations = await watchViolations(page);

    const home = await page.goto(server.url);
    const policy = (await home?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    await expect.poll(() => page.getByLabel('Meeting code').count()).toBe(1);

    // The console: joined over its socket, so its screen-link control answers.
    await page.goto(`${server.url}/m/${meeting.code}/facilitate`);
    await page.getByText('Screen link for the room’s PC').click();
    await page.getByRole('button', { name: 'Make a screen link' }).click();
    const link = page.getByRole('link', { name: /\/screen$/ });
    await expect.poll(() => link.count()).toBe(1);
    const href = (await link.getAttribute('href')) ?? '';

    // The room's screen: its QR code is a data: image that the browser drew.
    const screen = await ctx.newPage();
    const screenViolations = await watchViolations(screen);
    await screen.goto(href);
    const qr = screen.locator('img.qr');
    await expect.poll(() => qr.count()).toBe(1);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png/);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await session.shot(screen, 'screen');

    expect([...violations, ...screenViolations]).toEqual([]);
  } finally {
    await ctx.close();
  }
});
