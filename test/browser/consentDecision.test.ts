/**
 * One consent decision end to end in Debian's Chromium: a facilitator on a laptop and two
 * phone-sized participants, with an objection that is integrated by an amendment. Screenshots
 * of each step land in test-results/screens/ for a person to look at.
 */
import { isDecision } from '@circlewise/shared/meeting';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';

const session = browserMeeting();
const { button, shot } = session;

async function joinAs(page: Page, code: string, name: string): Promise<void> {
  await session.join(page, code, name, (p) => shot(p, `00-phone-home-${name}`));
  await expect.poll(() => page.getByText('Proposal', { exact: false }).first().isVisible()).toBe(true);
}

it('[C1–C10][R1] a facilitator and two phones complete a decision with an objection integrated by an amendment', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const laptop = await (await laptopContext(browser)).newPage();
  const ana = await (await phoneContext(browser)).newPage();
  const ben = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, ana, ben]) page.on('pageerror', (e) => errors.push(e.message));

  // The facilitator starts a meeting and writes the proposal.
  await laptop.goto(server.url);
  await laptop.getByLabel('What is to be decided? (optional)').fill('Lunch break');
  await button(laptop, 'Start a meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  // The console also holds the agenda, whose form for a new item has a title of its own.
  const proposal = laptop.getByRole('form', { name: /^Proposal/ });
  await proposal.getByLabel('Title').fill('Lunch break at noon');
  await proposal
    .getByLabel('Driver: what is happening, and why it matters')
    .fill('People eat at their desks.');
  await proposal
    .getByLabel('Proposal', { exact: true })
    .fill('We take a shared lunch break from 12:00 to 12:45.');
  await button(laptop, 'Save proposal').click();
  await expect.poll(() => laptop.getByText('Proposal saved.').count()).toBeGreaterThan(0);

  // Two participants join from phones (the code typed in lower case).
  await joinAs(ana, code, 'Ana');
  await joinAs(ben, code, 'Ben');
  await shot(ana, '01-phone-proposal');
  await button(laptop, /Present the proposal/).click();

  // Clarifying: Ana asks, the facilitator answers; Ben sees question and answer.
  await ana.getByLabel('Your clarifying question').fill('Does this include Fridays?');
  await button(ana, 'Ask question').click();
  await laptop.getByLabel('Answer').fill('Yes, every weekday.');
  await button(laptop, 'Record answer').click();
  await expect.poll(() => ben.getByText('Yes, every weekday.').isVisible()).toBe(true);
  await shot(ben, '02-phone-clarifying');

  // Reactions stay hidden from other phones until the reveal (C10).
  await button(laptop, /Go to Reactions/).click();
  await ana.getByLabel('Your reaction').fill('Love it, we need this.');
  await button(ana, 'Give reaction').click();
  await ben.getByLabel('Your reaction').fill('Noon is early for me.');
  await button(ben, 'Give reaction').click();
  await expect.poll(() => laptop.getByText('Noon is early for me.').isVisible()).toBe(true);
  expect(await ben.getByText('Love it, we need this.').count()).toBe(0);
  await shot(ben, '03-phone-reactions-hidden');
  await button(laptop, 'Reveal responses').click();
  await expect.poll(() => ben.getByText('Love it, we need this.').isVisible()).toBe(true);

  // The projector (same laptop, so it has the key) shows the code and the revealed reactions.
  const projector = await laptop.context().newPage();
  await projector.goto(`${server.url}/m/${code}/projector`);
  await expect.poll(() => projector.getByText('Love it, we need this.').isVisible()).toBe(true);
  expect(await projector.getByText(code, { exact: false }).count()).toBeGreaterThan(0);
  await shot(projector, '03b-projector-reactions');
  await projector.close();

  // Objections: Ben objects (a reason is required first, C4), Ana consents.
  await button(laptop, /Go to Objections/).click();
  await ben.getByLabel('Objection', { exact: true }).check();
  await button(ben, 'Send response').click();
  await expect.poll(() => ben.getByRole('alert').filter({ hasText: 'needs a reason' }).count()).toBe(1);
  await ben.getByLabel(/Reason \(required\)/).fill('Noon clashes with the daily standup.');
  await button(ben, 'Send response').click();
  await ana.getByLabel('No objection (consent)').check();
  await button(ana, 'Send response').click();
  await expect.poll(() => ana.getByRole('heading', { name: 'Your response to version 1' }).count()).toBe(1);
  expect(await ana.getByText('Noon clashes with the daily standup.').count()).toBe(0);
  await shot(ben, '04-phone-objection-sent');

  // The facilitator reveals, tests the objection, and integrates it by amending (C5, C8).
  await button(laptop, 'Reveal responses').click();
  await button(laptop, 'Qualifies as objection').click();
  await expect.poll(() => button(laptop, /Go to Consent/).isDisabled()).toBe(true);
  await laptop
    .getByLabel('Proposal', { exact: true })
    .fill('We take a shared lunch break from 12:30 to 13:15.');
  await laptop.getByRole('checkbox').first().check();
  await button(laptop, /Amend: make version 2/).click();
  await shot(laptop, '05-console-amended');
  await laptop.setViewportSize({ width: 360, height: 740 });
  await shot(laptop, '05b-console-at-phone-width');
  await laptop.setViewportSize({ width: 1280, height: 800 });

  // Everyone is asked again on version 2.
  await expect.poll(() => ben.getByText('version 2', { exact: false }).first().isVisible()).toBe(true);
  await expect
    .poll(() => ben.getByText('Resolved by version 2', { exact: false }).count())
    .toBeGreaterThan(0);
  for (const phone of [ana, ben]) {
    await phone.getByLabel('No objection (consent)').check();
    await button(phone, 'Send response').click();
    await expect
      .poll(() => phone.getByRole('heading', { name: 'Your response to version 2' }).count())
      .toBe(1);
  }
  await shot(ben, '06-phone-objections-v2');
  await button(laptop, 'Reveal responses').click();
  await button(laptop, /Go to Consent/).click();

  // Final consent: both said "no objection" to version 2, which carries over (C7); one tap
  // confirms it. Then the facilitator records the outcome (C7, C9).
  for (const phone of [ana, ben]) {
    await expect
      .poll(() => phone.getByText('You consented (carried over from the objection round).').isVisible())
      .toBe(true);
    await button(phone, 'Confirm').click();
    await expect.poll(() => phone.getByText('You consented to version 2').isVisible()).toBe(true);
  }
  await shot(ana, '07-phone-consent');
  await button(laptop, 'Record: Adopted').click();
  await expect.poll(() => ana.getByText('Adopted', { exact: false }).first().isVisible()).toBe(true);
  await shot(ana, '08-phone-outcome');
  await shot(laptop, '09-console-outcome');

  // The minutes, on a phone, tell the whole story from the log (R1).
  await ben.goto(`${server.url}/m/${code}/minutes`);
  await expect
    .poll(() => ben.getByText('Noon clashes with the daily standup.').first().isVisible())
    .toBe(true);
  for (const text of [
    'Does this include Fridays?',
    'Yes, every weekday.',
    'Love it, we need this.',
    '12:30 to 13:15',
  ]) {
    expect(await ben.getByText(text, { exact: false }).count(), text).toBeGreaterThan(0);
  }
  expect(await ben.getByText(/resolved by version 2/i).count()).toBeGreaterThan(0);
  await shot(ben, '10-phone-minutes');

  // The log agrees with what the screens showed.
  // The meeting was made the old way: its one item, the decision, is the one it is on.
  const decision = server.app.meetings.byCode(code)!.current;
  if (!isDecision(decision)) throw new Error(`expected the decision, got ${decision?.kind}`);
  expect(decision.outcome).toMatchObject({ outcome: 'adopted', version: 2 });
  expect(decision.objections.map((o) => o.status)).toEqual(['resolved']);
  expect(errors).toEqual([]);
});
