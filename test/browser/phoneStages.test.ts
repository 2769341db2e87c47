/**
 * A phone at 360×740 never scrolls to find its next action (issue 10 §7): after each stage change,
 * with the phone scrolled to the bottom of the stage before, the new stage's first input is
 * inside the viewport and its heading has the focus.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';

const session = browserMeeting({ screenshotPrefix: 'phone-stages-' });
const { button, shot } = session;

async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

async function scrollToBottom(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

it('[C1] after each stage change the stage’s first input is within a 360×740 viewport', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const laptop = await (await laptopContext(browser)).newPage();
  const phone = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, phone]) page.on('pageerror', (e) => errors.push(e.message));
  expect(phone.viewportSize()).toEqual({ width: 360, height: 740 });

  await laptop.goto(server.url);
  await button(laptop, 'Start a meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  const proposal = laptop.getByRole('form', { name: /^Proposal/ });
  await proposal.getByLabel('Title').fill('Plants');
  await proposal
    .getByLabel('Driver: what is happening, and why it matters')
    .fill('The office plants are dying because nobody knows whose turn it is to water them. '.repeat(4));
  await proposal
    .getByLabel('Proposal', { exact: true })
    .fill('Ben waters the plants every Monday, and Ana every Thursday, from March to October. '.repeat(4));
  await button(laptop, 'Save proposal').click();
  await session.join(phone, code, 'Ana');

  const stages: { move: RegExp; first: (p: Page) => Locator; before?: () => Promise<void> }[] = [
    { move: /Present the proposal/, first: (p) => p.getByLabel('Your clarifying question') },
    { move: /Go to Reactions/, first: (p) => p.getByLabel('Your reaction') },
    { move: /Go to Objections/, first: (p) => p.getByLabel('No objection (consent)') },
    {
      move: /Go to Consent/,
      first: (p) => button(p, 'Confirm'),
      before: async () => {
        await phone.getByLabel('No objection (consent)').check();
        await button(phone, 'Send response').click();
        await expect
          .poll(() => phone.getByRole('heading', { name: 'Your response to version 1' }).count())
          .toBe(1);
        await button(laptop, 'Reveal responses').click();
      },
    },
  ];
  for (const [i, stage] of stages.entries()) {
    await stage.before?.();
    await scrollToBottom(phone);
    await button(laptop, stage.move).click();
    const first = stage.first(phone);
    await first.waitFor();
    await expect
      .poll(() => inViewport(phone, first), { timeout: 5_000 })
      .toBe(true)
      .catch(async (e) => {
        await shot(phone, `failed-${i + 1}`);
        throw new Error(`${stage.move}: ${JSON.stringify(await first.boundingBox())} ${e}`);
      });
    expect(await phone.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await shot(phone, `${i + 1}`);
  }
  expect(errors).toEqual([]);
});
