/**
 * O1, O2 in Debian's Chromium: a round in turn with a pass. The laptop puts the round in order,
 * each phone says "Your turn" when it is, one person passes, and the round comes back to them.
 */
import { expect, it } from 'vitest';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';

const session = browserMeeting({ screenshotPrefix: 'round-in-turn-' });
const { button, shot } = session;

it('[O1][O2] a round in turn with a pass: Your turn on each phone in order, and back once to who passed', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  const laptop = await (await laptopContext(browser)).newPage();
  const ana = await (await phoneContext(browser)).newPage();
  const ben = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, ana, ben]) page.on('pageerror', (e) => errors.push(e.message));

  await laptop.goto(server.url);
  await laptop.getByLabel('What is to be decided? (optional)').fill('Garden');
  await button(laptop, 'Start a meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  await session.join(ana, code, 'Ana');
  await session.join(ben, code, 'Ben');

  await laptop.getByLabel('Kind of item').selectOption('round');
  await laptop.getByLabel('Item title').fill('Check-in');
  await button(laptop, 'Add to the agenda').click();
  await button(laptop, 'Next item: Check-in').click();

  // The seating order: Ben, then Ana.
  await button(laptop, 'Move Ben up').click();
  await button(laptop, 'Go in this order').click();
  const turnLine = (page: typeof laptop) => page.getByTestId('turn-line').textContent();
  await expect.poll(() => turnLine(laptop)).toBe('Speaking now: Ben · Next: Ana');
  await expect.poll(() => ben.getByText('Your turn', { exact: true }).isVisible()).toBe(true);
  await expect
    .poll(() => ana.getByTestId('wait-turn').textContent())
    .toBe('It is Ben’s turn; yours is next.');
  await shot(ben, '01-ben-your-turn');

  // Ben passes; Ana's turn.
  await button(ben, 'Pass').click();
  await expect.poll(() => ana.getByText('Your turn', { exact: true }).isVisible()).toBe(true);
  await expect.poll(() => turnLine(laptop)).toBe('Speaking now: Ana · Next: Ben');
  await ana.getByLabel('What would you like to say?').fill('Glad to be here.');
  await button(ana, 'Say it').click();

  // The round comes back once to Ben.
  await expect.poll(() => ben.getByText('Your turn: the round came back to you.').isVisible()).toBe(true);
  await expect
    .poll(() => turnLine(laptop))
    .toBe('Speaking now: Ben (the round came back after a pass) · Next: nobody, the round is through');
  await shot(ben, '02-ben-back');
  await ben.getByLabel('What would you like to say?').fill('Now I am ready.');
  await button(ben, 'Say it').click();
  await expect
    .poll(() => turnLine(laptop))
    .toBe('Everyone has had their turn: the facilitator closes the round.');
  await shot(laptop, '03-console-through');
  await button(laptop, 'Close the round').click();
  await expect.poll(() => ana.getByRole('heading', { name: 'The round is closed' }).isVisible()).toBe(true);

  const events = server.app.meetings.store.events(server.app.meetings.byCode(code)?.id ?? '');
  expect(events.filter((e) => e.type === 'round.passed')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'round.spoken').map((e) => e.by)).toHaveLength(2);
  expect(errors).toEqual([]);
});
