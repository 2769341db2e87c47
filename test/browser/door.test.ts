/**
 * S12 in Chromium: the facilitator locks the meeting from the console, a phone that joins waits
 * to be admitted, and is let in when the facilitator admits it; a second phone with a name in
 * use is told to choose a distinguishing one.
 */
import { expect, it } from 'vitest';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';

const session = browserMeeting({ screenshotPrefix: 's12-' });
const { button, shot } = session;

it('[S12] a locked meeting keeps a phone waiting until the facilitator admits it', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const laptop = await (await laptopContext(browser)).newPage();
  const dora = await (await phoneContext(browser)).newPage();
  const twin = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, dora, twin]) page.on('pageerror', (e) => errors.push(e.message));

  await laptop.goto(server.url);
  await laptop.getByLabel('What is to be decided? (optional)').fill('Door test');
  await button(laptop, 'Start a meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  await button(laptop, 'Lock the meeting').click();
  await expect.poll(() => button(laptop, 'Unlock the meeting').isVisible()).toBe(true);

  await session.join(dora, code, 'Dora');
  await expect.poll(() => dora.getByText('Waiting to be admitted').isVisible()).toBe(true);
  await shot(dora, '01-phone-waiting');
  await expect.poll(() => button(laptop, 'Admit Dora').isVisible()).toBe(true);
  await shot(laptop, '02-console-waiting');
  await button(laptop, 'Admit Dora').click();
  // Admitted, the phone goes on by itself into the meeting.
  await expect.poll(() => dora.getByText('Waiting to be admitted').count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => dora.getByText('Proposal', { exact: false }).first().isVisible()).toBe(true);

  await button(laptop, 'Unlock the meeting').click();
  await expect.poll(() => button(laptop, 'Lock the meeting').isVisible()).toBe(true);
  await session.join(twin, code, 'dora');
  await expect
    .poll(() => twin.getByRole('alert').textContent(), { timeout: 10_000 })
    .toMatch(/Dora is already here: add an initial or a surname/);
  await shot(twin, '03-phone-name-taken');
  expect(errors).toEqual([]);
});
