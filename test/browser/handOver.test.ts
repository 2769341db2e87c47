/**
 * M4 in Debian's Chromium: the facilitator hands the meeting to a participant, whose phone opens
 * the console and runs the agenda from there; the laptop says who facilitates and takes it back.
 */
import { expect, it } from 'vitest';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';

const session = browserMeeting({ screenshotPrefix: 'handover-' });
const { button, shot } = session;

it('[M4] facilitation is handed to a phone, used there, and taken back on the laptop', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const laptop = await (await laptopContext(browser)).newPage();
  const phone = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, phone]) page.on('pageerror', (e) => errors.push(e.message));

  await laptop.goto(server.url);
  await laptop.getByLabel('What is to be decided? (optional)').fill('Garden');
  await button(laptop, 'Start a meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  await session.join(phone, code, 'Ana');

  // The laptop hands over to Ana, who is present.
  await laptop.getByLabel('Hand facilitation to').selectOption({ label: 'Ana' });
  await button(laptop, 'Hand over').click();
  await expect.poll(() => laptop.getByText('Ana facilitates now').first().isVisible()).toBe(true);

  // Ana's phone says so and leads to the console, where her agenda changes are recorded.
  await expect.poll(() => phone.getByText('You facilitate this meeting now.').isVisible()).toBe(true);
  await shot(phone, '01-phone-handed');
  await phone.getByRole('link', { name: 'Open the facilitator’s console' }).click();
  await phone.waitForURL(`**/m/${code}/facilitate`);
  await phone.getByLabel('Kind of item').selectOption('round');
  await phone.getByLabel('Item title').fill('Closing round');
  await button(phone, 'Add to the agenda').click();
  await expect.poll(() => laptop.getByText('Closing round').first().isVisible()).toBe(true);
  await shot(phone, '02-phone-console');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The key's holder takes it back; the phone goes back to the participant view by itself.
  await button(laptop, 'Take facilitation back').click();
  await phone.waitForURL(`**/m/${code}`);
  await expect.poll(() => phone.getByText('You facilitate this meeting now.').count()).toBe(0);
  await expect.poll(() => phone.getByRole('button', { name: 'Leave meeting' }).count()).toBeGreaterThan(0);
  await expect
    .poll(() => laptop.getByText('You facilitate (you hold the facilitator key).').isVisible())
    .toBe(true);
  await shot(laptop, '03-laptop-taken-back');

  const handed = server.app.meetings.store
    .events(server.app.meetings.byCode(code)?.id ?? '')
    .filter((e) => e.type === 'facilitation.handed');
  expect(handed).toHaveLength(2);
  expect(errors).toEqual([]);
});
