/**
 * One role election end to end in Debian's Chromium: a facilitator on a laptop and two
 * phone-sized participants nominate, reveal, change, propose, check and elect (PROCESS.md E1–E5).
 * Screenshots of each step land in test-results/screens/ (prefixed `e`) for a person to look at.
 */
import type { ElectionView } from '@circlewise/shared/election';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';

const ROLE = 'Garden circle facilitator';
const ANA_REASON = 'Ben keeps calm when we disagree.';
const BEN_REASON = 'Ana knows every bed in the garden.';
const CHANGE_REASON = 'Ana asked not to stand this year; I have the time.';

const session = browserMeeting({ screenshotPrefix: 'e' });
const { button, shot } = session;
const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });
const seen = (page: Page, text: string | RegExp) => page.getByText(text, { exact: false }).count();
/** A region's text as the DOM holds it (hidden parts included, so a secret cannot hide in them). */
const text = async (where: Locator) => (await where.textContent()) ?? '';
const bodyText = (page: Page) => text(page.locator('body'));
/** The stage a page is in: its one level-1 heading. */
const stage = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true }).count();

async function joinAs(page: Page, code: string, name: string): Promise<void> {
  await session.join(page, code, name);
  await expect.poll(() => page.getByRole('heading', { name: ROLE, exact: true }).count()).toBe(1);
}

it('[E1–E5] a facilitator and two phones elect someone in Chromium', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const laptop = await (await laptopContext(browser)).newPage();
  const ana = await (await phoneContext(browser)).newPage();
  const ben = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, ana, ben]) page.on('pageerror', (e) => errors.push(e.message));

  // The facilitator starts a role election and sets the role and its term.
  await laptop.goto(server.url);
  await laptop.getByLabel('Role election').check();
  await laptop.getByLabel('Which role is to be filled? (optional)').fill(ROLE);
  await shot(laptop, '00-laptop-home');
  await button(laptop, 'Start a meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await laptop.getByLabel('Role', { exact: true }).fill(ROLE);
  await laptop.getByLabel('Description (what the role does)').fill('Runs the monthly garden meeting.');
  await laptop.getByLabel('Term starts').fill('2026-09-01');
  await laptop.getByLabel('Term ends').fill('2027-08-31');
  await button(laptop, 'Set the role').click();
  await expect.poll(() => seen(laptop, 'Role and term saved.')).toBeGreaterThan(0);
  await shot(laptop, '01-console-role');

  // Two phones join with the code (typed in lower case) and see the role.
  await joinAs(ana, code, 'Ana');
  await joinAs(ben, code, 'Ben');
  await shot(ana, '02-phone-role');
  await button(laptop, /Open nominations/).click();

  // Nominations: Ana nominates Ben, Ben nominates Ana, each with a reason.
  await expect.poll(() => stage(ana, 'Nominations')).toBe(1);
  await radio(ana, 'Ben').check();
  await ana.getByLabel(/Reason \(required\)/).fill(ANA_REASON);
  await button(ana, 'Send nomination').click();
  await expect.poll(() => ana.getByRole('heading', { name: 'Your nomination' }).count()).toBe(1);
  await expect.poll(() => stage(ben, 'Nominations')).toBe(1);
  await radio(ben, 'Ana').check();
  await ben.getByLabel(/Reason \(required\)/).fill(BEN_REASON);
  await button(ben, 'Send nomination').click();
  await expect.poll(() => ben.getByRole('heading', { name: 'Your nomination' }).count()).toBe(1);

  // E1: before the reveal no phone shows another's nomination, and the console shows only who
  // nominated, never whom.
  const status = laptop.getByRole('region', { name: 'Nominations (secret until revealed)' });
  await expect.poll(() => text(status)).toContain('2 of 2 nominated');
  expect(await text(status)).toContain('Nominated: Ana, Ben');
  const console1 = await bodyText(laptop);
  for (const secret of [ANA_REASON, BEN_REASON, '→']) expect(console1, secret).not.toContain(secret);
  expect(await laptop.content()).not.toContain(ANA_REASON);
  expect(await bodyText(ana)).not.toContain(BEN_REASON);
  expect(await bodyText(ben)).not.toContain(ANA_REASON);
  expect(await ana.content()).not.toContain(BEN_REASON);
  expect(await ben.content()).not.toContain(ANA_REASON);
  expect(await seen(ana, /Ben: nominated/)).toBe(1);
  await shot(ana, '03-phone-nominated-hidden');
  await shot(laptop, '04-console-nominations-hidden');

  // The reveal shows everything at once and opens the change round.
  await button(laptop, 'Reveal nominations').click();
  for (const phone of [ana, ben]) {
    await expect.poll(() => stage(phone, 'Change round')).toBe(1);
    const all = phone.getByRole('region', { name: 'All nominations', exact: true });
    await expect.poll(() => text(all)).toContain(ANA_REASON);
    expect(await text(all)).toContain(BEN_REASON);
  }
  expect(await text(ana.getByRole('region', { name: 'All nominations', exact: true }))).toContain(
    'You → Ben',
  );
  expect(await text(ana.getByRole('region', { name: 'All nominations', exact: true }))).toContain(
    'Ben → Ana',
  );
  await shot(ben, '05-phone-revealed');

  // E3: Ana keeps her nomination; Ben changes to himself, and must say why.
  await button(ana, 'Keep my nomination').click();
  await expect.poll(() => ana.getByRole('heading', { name: 'Your nomination now' }).count()).toBe(1);
  await ben.getByRole('radio', { name: 'Myself (Ben)' }).check();
  await button(ben, 'Change my nomination').click();
  await expect
    .poll(() => ben.getByRole('alert').filter({ hasText: 'Say why you change your nomination.' }).count())
    .toBe(1);
  await ben.getByLabel('Reason for the change (required)').fill(CHANGE_REASON);
  await button(ben, 'Change my nomination').click();
  await expect.poll(() => ben.getByRole('heading', { name: 'Your nomination now' }).count()).toBe(1);
  const tally = laptop.getByRole('region', { name: 'Tally', exact: true });
  await expect.poll(() => text(tally)).toContain(`Ben: Ana → Ben, because ${CHANGE_REASON}`);
  expect(await text(tally)).toContain('Ana keeps Ben');
  expect(await text(tally)).toMatch(/Ben: 2 nominations/);
  await expect
    .poll(() => text(ana.getByRole('region', { name: 'Changes', exact: true })))
    .toContain(`Ana → Ben, because ${CHANGE_REASON}`);
  await shot(ana, '06-phone-changes');
  await shot(laptop, '07-console-tally');

  // The projector (same laptop, so it has the key) shows the revealed nominations and the change.
  const projector = await laptop.context().newPage();
  projector.on('pageerror', (e) => errors.push(e.message));
  await projector.goto(`${server.url}/m/${code}/projector`);
  await expect.poll(() => seen(projector, CHANGE_REASON)).toBeGreaterThan(0);
  expect(await seen(projector, ANA_REASON)).toBeGreaterThan(0);
  await shot(projector, '07b-projector-changes');
  await projector.close();

  // The facilitator proposes Ben (prefilled as the most nominated, with the reasons heard).
  await button(laptop, /Go to Proposal/).click();
  await expect.poll(() => laptop.getByLabel('Candidate', { exact: true }).isVisible()).toBe(true);
  await laptop.getByLabel('Candidate', { exact: true }).selectOption({ label: 'Ben' });
  expect(await laptop.getByLabel('Reasons (the strongest heard)').inputValue()).toContain(ANA_REASON);
  await button(laptop, 'Propose Ben').click();
  await expect.poll(() => laptop.getByRole('heading', { name: `Ben as ${ROLE}` }).count()).toBe(1);
  await expect.poll(() => ana.getByRole('heading', { name: `Ben as ${ROLE}` }).count()).toBe(1);
  await shot(ana, '08-phone-proposal');
  await button(laptop, /Go to Objections/).click();

  // E4: the candidate answers last; the phone says so and holds the button back.
  await expect.poll(() => ben.getByRole('heading', { name: 'You are the candidate' }).count()).toBe(1);
  await expect
    .poll(() =>
      ben.getByText('As the candidate you answer last: wait until everyone else has answered.').count(),
    )
    .toBe(1);
  await ben.getByLabel('No objection (consent)').check();
  expect(await button(ben, 'Send response').isDisabled()).toBe(true);
  expect(await seen(ben, 'Waiting for Ana.')).toBe(1);
  await shot(ben, '09-phone-candidate-waits');
  await ana.getByLabel('No objection (consent)').check();
  await button(ana, 'Send response').click();
  await expect.poll(() => ana.getByRole('heading', { name: 'Your response to version 1' }).count()).toBe(1);
  await expect.poll(() => button(ben, 'Send response').isEnabled()).toBe(true);
  await ben.getByLabel('No objection (consent)').check();
  await button(ben, 'Send response').click();
  await expect.poll(() => ben.getByRole('heading', { name: 'Your response to version 1' }).count()).toBe(1);
  await button(laptop, 'Reveal responses').click();
  await expect.poll(() => button(laptop, /Go to Consent/).isEnabled()).toBe(true);
  await button(laptop, /Go to Consent/).click();

  // Consent: both "no objection" answers carry over (C7), Ben's last (E4); Ana confirms with one
  // tap, and so does Ben.
  await expect.poll(() => seen(ana, 'You consented to Ben (carried over from the objection round).')).toBe(1);
  await button(ana, 'Confirm').click();
  await expect.poll(() => ana.getByText('You consented to Ben.').isVisible()).toBe(true);
  await expect
    .poll(() => seen(ben, 'You accepted the role (carried over from the objection round).'))
    .toBe(1);
  await button(ben, 'Confirm').click();
  await expect.poll(() => ben.getByText('You accepted the role.').isVisible()).toBe(true);
  await shot(ben, '10-phone-accepted');
  await expect.poll(() => button(laptop, 'Record: elected (Ben)').isEnabled()).toBe(true);
  await shot(laptop, '11-console-consent');
  await button(laptop, 'Record: elected (Ben)').click();

  // Both phones show Ben elected, with the role and the term.
  const term = await ana.evaluate(() =>
    [new Date(2026, 8, 1), new Date(2027, 7, 31)]
      .map((d) => d.toLocaleDateString([], { year: 'numeric', month: 'long', day: 'numeric' }))
      .join(' to '),
  );
  for (const phone of [ana, ben]) {
    await expect.poll(() => phone.getByRole('heading', { name: 'Elected: Ben' }).count()).toBe(1);
    const outcome = await text(phone.getByRole('region', { name: 'Elected: Ben' }));
    expect(outcome).toContain(`Role: ${ROLE}`);
    expect(outcome).toContain(`Term: ${term}`);
  }
  await shot(ana, '12-phone-outcome');
  await shot(laptop, '13-console-outcome');

  // The minutes, on a phone: nominations with reasons, the change, and the role register (R1, E5).
  await ben.getByRole('link', { name: 'Read the minutes' }).click();
  await ben.waitForURL(`**/m/${code}/minutes`);
  const register = ben.getByRole('region', { name: 'Role register', exact: true });
  await expect.poll(() => text(register)).toContain(`${ROLE}: Ben, ${term}`);
  const nominations = await text(ben.getByRole('region', { name: 'Nominations', exact: true }));
  expect(nominations).toContain(`Ana nominated Ben: ${ANA_REASON}`);
  expect(nominations).toContain(`Ben nominated Ana: ${BEN_REASON}`);
  const changes = await text(ben.getByRole('region', { name: 'Change round', exact: true }));
  expect(changes).toContain(`Ben: Ana → Ben, because ${CHANGE_REASON}`);
  expect(changes).toContain('Ana: kept Ben');
  expect(await seen(ben, `Elected: Ben`)).toBeGreaterThan(0);
  await shot(ben, '14-phone-minutes');

  // The log agrees with what the screens showed.
  // The meeting was made the old way: its one item, the election, is the one it is on.
  const view = server.app.meetings.byCode(code)!.current as ElectionView;
  expect(view.stage).toBe('outcome');
  const benId = Object.values(server.app.meetings.byCode(code)!.view.participants).find(
    (p) => p.name === 'Ben',
  )?.id;
  expect(view.outcome).toMatchObject({ outcome: 'elected', electedId: benId, role: ROLE });
  expect(errors).toEqual([]);
});
