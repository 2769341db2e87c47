/**
 * The projector on the room's own PC, opened through the screen link the console shows, in a
 * second browser context: at 1920×1080 and 1280×720 nothing needs scrolling, and after a reveal
 * of 8 responses every card is inside the viewport. The console at 1280×800 shows a question
 * asked from a phone without scrolling, and a stage button moves the focus to the new stage. axe on
 * every view.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { advance, ok } from '../integration/helpers';
import { expectAccessible } from '../support/axe';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';
import { createMeeting, TestClient } from '../support/server';

const session = browserMeeting({ screenshotPrefix: 'projector-' });
const { button, shot } = session;

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** Whether the whole box of each element lies inside the page's viewport, and nothing scrolls. */
async function fitsViewport(page: Page, selector: string): Promise<{ count: number; outside: string[] }> {
  return page.evaluate((sel) => {
    const outside: string[] = [];
    const all = Array.from(document.querySelectorAll(sel));
    for (const el of all) {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) {
        outside.push(`${el.textContent?.slice(0, 30)} at ${Math.round(r.bottom)}/${window.innerHeight}`);
      }
    }
    const scrolls = document.documentElement.scrollHeight > window.innerHeight + 1;
    if (scrolls) outside.push(`page scrolls: ${document.documentElement.scrollHeight}px`);
    return { count: all.length, outside };
  }, selector);
}

it('[A6][C10] the projector through its screen link fits 1920×1080 and 1280×720; the console shows a new question without scrolling', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const watch = (page: Page) => page.on('pageerror', (e) => errors.push(e.message));

  const meeting = await createMeeting(server.url, 'Room screen');
  const fac = new TestClient(server.url, meeting.facilitatorKey);
  ok(await fac.join(meeting.code));
  ok(
    await fac.command({
      type: 'proposal.edit',
      title: 'A shared lunch break',
      driver: 'People eat at their desks and the afternoon drags.',
      text: 'We take a shared lunch break from 12:00 to 12:45 every weekday, away from our desks.',
    }),
  );

  // The console, on the facilitator's laptop (the key kept in this browser, as after starting).
  const laptopCtx = await laptopContext(browser);
  contexts.push(laptopCtx);
  await laptopCtx.addInitScript(
    ([code, key]) => localStorage.setItem(`circlewise:facilitator:${code}`, key),
    [meeting.code, meeting.facilitatorKey] as const,
  );
  const laptop = await laptopCtx.newPage();
  watch(laptop);
  await laptop.goto(`${server.url}/m/${meeting.code}/facilitate`);
  await laptop.getByText('Screen link for the room’s PC').click();
  await button(laptop, 'Make a screen link').click();
  const link = laptop.getByRole('link', { name: /\/screen$/ });
  await expect.poll(() => link.count()).toBe(1);
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(new RegExp(`/m/${meeting.code}/screen#[A-Z0-9]{32}$`));
  await expectAccessible(laptop, 'console, proposal stage');

  // The room's PC: another browser, which has no key, at two screen sizes.
  const projectors: Page[] = [];
  for (const viewport of SIZES) {
    const ctx = await browser.newContext({ viewport });
    contexts.push(ctx);
    const page = await ctx.newPage();
    watch(page);
    await page.goto(href);
    await expect.poll(() => page.getByText(meeting.code, { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'A shared lunch break' }).count()).toBe(1);
    expect((await fitsViewport(page, '.qr')).outside).toEqual([]);
    await shot(page, `lobby-${viewport.width}`);
    await expectAccessible(page, `projector lobby ${viewport.width}×${viewport.height}`);
    projectors.push(page);
  }

  // Eight people on sockets, and one on a phone in the browser.
  const people: TestClient[] = [];
  for (const name of ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana']) {
    const p = new TestClient(server.url);
    ok(await p.join(meeting.code, name));
    people.push(p);
  }
  const phoneCtx = await phoneContext(browser);
  contexts.push(phoneCtx);
  const phone = await phoneCtx.newPage();
  watch(phone);
  await session.join(phone, meeting.code, 'Ivo');
  await advance(fac, 'proposal');
  await expectAccessible(phone, 'phone, clarifying');

  // A question from the phone shows on the console, above the fold, without scrolling.
  await phone.getByLabel('Your clarifying question').fill('Does this include Fridays?');
  await button(phone, 'Ask question').click();
  const question = laptop.getByText('Does this include Fridays?').first();
  await expect.poll(() => question.isVisible()).toBe(true);
  const box = await question.boundingBox();
  expect(box).not.toBeNull();
  expect(await laptop.evaluate(() => window.scrollY)).toBe(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(800);
  await shot(laptop, 'console-question');
  await expectAccessible(laptop, 'console, clarifying with a question');
  for (const page of projectors) {
    await expect.poll(() => page.getByText('Does this include Fridays?').count()).toBe(1);
    await expectAccessible(page, 'projector, clarifying');
  }

  // A stage button moves the focus to the new stage's heading.
  await button(laptop, /Go to Reactions/).click();
  await expect
    .poll(() => laptop.evaluate(() => document.activeElement?.textContent ?? ''))
    .toBe('Stage: Reactions');
  await fac.until((v) => v.stage === 'reactions');

  // Eight responses in the objection round, revealed.
  await advance(fac, 'reactions');
  const kinds = [
    'consent',
    'concern',
    'consent',
    'objection',
    'concern',
    'consent',
    'consent',
    'concern',
  ] as const;
  for (const [i, p] of people.entries()) {
    const kind = kinds[i]!;
    ok(
      await p.command({
        type: 'response.give',
        kind,
        ...(kind !== 'consent' && {
          reason: `Reason ${i + 1}: the break is ${i % 2 ? 'too early for the people who start late' : 'a good idea, but the kitchen is small and we would queue for the microwave for a long time'}.`,
        }),
      }),
    );
  }
  ok(await fac.command({ type: 'responses.reveal' }));
  for (const [i, page] of projectors.entries()) {
    const { width, height } = SIZES[i]!;
    await expect.poll(async () => (await fitsViewport(page, '.fit-card')).count).toBe(8);
    const fit = await fitsViewport(page, '.fit-card');
    expect(fit.outside, `${width}×${height}`).toEqual([]);
    await shot(page, `responses-${width}`);
    await expectAccessible(page, `projector, responses ${width}×${height}`);
  }

  expect(errors).toEqual([]);
  for (const c of [fac, ...people]) c.close();
  for (const ctx of contexts) await ctx.close();
}, 120_000);
