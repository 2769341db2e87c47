/**
 * T1–T3 in Chromium: the facilitator sets a timebox from the console; the phone, the console and
 * the projector show one countdown; the phone can hide it; extending and clearing reach every
 * screen. Time is not waited for here: zero and the thresholds are tested with fake clocks
 * (client/src/components/Countdown.test.tsx).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';

const session = browserMeeting({ screenshotPrefix: 'timebox-' });
const { button, shot } = session;

/** The seconds a screen's countdown shows, from its m:ss. */
async function secondsShown(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').first().textContent()) ?? '';
  const match = /^(\d+):(\d\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

it('[T1][T2][T3] a timebox set on the console counts down on the phone, the console and the projector', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const laptop = await (await laptopContext(browser)).newPage();
  const ana = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, ana]) page.on('pageerror', (e) => errors.push(e.message));

  await laptop.goto(server.url);
  await laptop.getByLabel('What is to be decided? (optional)').fill('Lunch break');
  await button(laptop, 'Start a meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  await session.join(ana, code, 'Ana', () => Promise.resolve());
  await expect.poll(() => ana.getByRole('heading', { level: 1 }).first().isVisible()).toBe(true);
  expect(await ana.getByRole('timer').count()).toBe(0);

  // The console pre-fills the stage's default; the facilitator sets 3 minutes.
  await laptop.getByLabel('Timebox in minutes').fill('3');
  await button(laptop, 'Set timebox').click();
  await expect.poll(() => ana.getByRole('timer').count()).toBe(1);
  const onPhone = await secondsShown(ana);
  expect(onPhone).toBeGreaterThan(150);
  // The offset is known to within half a round trip of the join, a second or so on a busy machine.
  expect(onPhone).toBeLessThanOrEqual(182);
  expect(Math.abs((await secondsShown(laptop)) - onPhone)).toBeLessThanOrEqual(2);

  const projector = await laptop.context().newPage();
  await projector.goto(`${server.url}/m/${code}/projector`);
  await expect.poll(() => projector.getByRole('timer').count()).toBe(1);
  // Read side by side: the projector and the phone show the same time left.
  const [phoneNow, projectorNow] = [await secondsShown(ana), await secondsShown(projector)];
  expect(Math.abs(projectorNow - phoneNow)).toBeLessThanOrEqual(2);
  await shot(ana, 'phone');
  await shot(laptop, 'console');

  // The phone hides it, and a reload keeps it hidden.
  await button(ana, 'Hide countdown').click();
  expect(await ana.getByRole('timer').count()).toBe(0);
  await ana.reload();
  await expect.poll(() => button(ana, 'Show countdown').count()).toBe(1);
  expect(await ana.getByRole('timer').count()).toBe(0);
  await button(ana, 'Show countdown').click();

  // Extending by 3 more minutes reaches the phone; clearing removes it everywhere.
  await button(laptop, 'Extend').click();
  await expect.poll(() => secondsShown(ana)).toBeGreaterThan(300);
  await button(laptop, 'Clear').click();
  await expect.poll(() => ana.getByRole('timer').count()).toBe(0);
  await expect.poll(() => projector.getByRole('timer').count()).toBe(0);
  expect(errors).toEqual([]);
});
