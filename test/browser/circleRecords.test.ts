/**
 * A circle's records in Debian's Chromium (issue 4): a circle is started, holds a meeting of two
 * items (an opening round and a decision, adopted with a concern), and is then reviewed from a
 * phone and a laptop: the register entry, the minutes, the Markdown export, and the entry's
 * review after it was put on the next agenda and evolved. Phones are driven over sockets where
 * the browser is not the point; the pages under review are the real ones.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { adopt } from '../integration/circleSupport';
import { laptopContext, phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';
import { TestClient } from '../support/server';

const session = browserMeeting({ screenshotPrefix: 'circle-' });
const { button, shot } = session;

function ok<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(`expected ok: ${JSON.stringify(result)}`);
  return result;
}

const visible = (page: Page, text: string | RegExp) => () => page.getByText(text).first().isVisible();

/** A decision run to adopted over sockets, with Ana's concern on record (R3 keeps concerns). */
function adoptWithConcern(fac: TestClient, ana: TestClient, ben: TestClient, text: string) {
  return adopt(
    { facilitator: fac, people: [ana, ben], sync: async () => {} },
    {
      proposal: { title: 'Dishes', driver: 'The sink overflows by Friday.', text },
      concern: 'Mondays are hard for me.',
    },
  );
}

it('[M1][R1][R2][R3][S3][S10] a circle meets with two items, then its minutes, export and register entry are reviewed', async () => {
  const { server, browser } = session;
  const errors: string[] = [];
  // S10: every path and query the server is asked for while the browser uses the circle pages.
  const seen: string[] = [];
  const record = (req: { url?: string }) => seen.push(req.url ?? '');
  server.app.http.prependListener('request', record);
  const laptop = await (await laptopContext(browser)).newPage();
  const phone = await (await phoneContext(browser)).newPage();
  for (const page of [laptop, phone]) page.on('pageerror', (e) => errors.push(e.message));
  const clients: TestClient[] = [];

  // A circle is started on the laptop; its member link opens the circle page.
  await laptop.goto(server.url);
  await laptop.getByLabel('The circle’s name').fill('Kitchen circle');
  await laptop.getByLabel('Its aim and domain (optional)').fill('A kitchen that works for everyone.');
  await laptop.getByLabel('Review agreements after (months)').fill('3');
  await laptop.getByLabel('Members, one name per line (optional)').fill('Ana\nBen');
  await button(laptop, 'Start a circle').click();
  await button(laptop, 'Open the circle page').click();
  await laptop.waitForURL((url) => url.pathname === '/c' && url.hash.length > 1);
  const circleUrl = laptop.url();
  const memberKey = decodeURIComponent(new URL(circleUrl).hash.slice(1));
  await expect.poll(visible(laptop, 'No agreements yet')).toBe(true);

  // A meeting in the circle: the laptop becomes its console (S1).
  await laptop.getByLabel('What is to be decided? (optional)').fill('Dishes');
  await button(laptop, 'Start the meeting').click();
  await laptop.waitForURL('**/facilitate');
  const code = /\/m\/([A-Z0-9]+)\/facilitate/.exec(laptop.url())?.[1] ?? '';
  const facilitatorKey = await laptop.evaluate(
    (c) => localStorage.getItem(`circlewise:facilitator:${c}`),
    code,
  );
  expect(facilitatorKey).toBeTruthy();

  const ana = new TestClient(server.url);
  const ben = new TestClient(server.url);
  const fac = new TestClient(server.url, facilitatorKey ?? '');
  clients.push(ana, ben, fac);
  ok(await ana.join(code, 'Ana'));
  ok(await ben.join(code, 'Ben'));
  ok(await fac.join(code));

  // M1, M3: the facilitator adds an opening round in the console, moves it first and takes it up.
  await laptop.getByLabel('Kind of item').selectOption('round');
  await laptop.getByLabel('Item title').fill('Opening round');
  await button(laptop, 'Add to the agenda').click();
  await button(laptop, 'Move Opening round up').click();
  await expect.poll(() => laptop.locator('.agenda-list li').first().textContent()).toContain('Opening round');
  await button(laptop, /Take up\s*Opening round/).click();
  await expect.poll(visible(laptop, 'Each person speaks once, in turn')).toBe(true);
  ok(await ana.command({ type: 'round.speak', text: 'Glad the sink is on the agenda.' }));
  ok(await ben.command({ type: 'round.speak', text: 'Here, a bit late.' }));
  await expect.poll(visible(laptop, 'Glad the sink is on the agenda.')).toBe(true);
  await button(laptop, 'Close the round').click();
  await button(laptop, 'Next item: Dishes').click();
  await expect.poll(visible(laptop, /Facilitating · Proposal/i)).toBe(true);
  await shot(laptop, '01-console-second-item');

  await fac.untilMeeting((m) => m.views[m.currentItemId]?.kind === 'decision');
  await adoptWithConcern(fac, ana, ben, 'Whoever cooks does not wash up; a rota for the rest.');
  await button(laptop, 'Close the meeting…').click();
  await button(laptop, 'Close the meeting').click();
  await expect.poll(visible(laptop, 'The meeting is closed.')).toBe(true);

  // R3 at phone size: the register entry, with driver, text, concern, review date and minutes link.
  await phone.goto(circleUrl);
  await expect.poll(visible(phone, 'Agreement register')).toBe(true);
  const entry = phone.locator('li.agreement').first();
  await expect.poll(() => entry.textContent()).toContain('Whoever cooks does not wash up');
  const text = (await entry.textContent()) ?? '';
  expect(text).toContain('The sink overflows by Friday.');
  expect(text).toContain('Ana: Mondays are hard for me.');
  expect(text).toMatch(/By \w+/);
  await shot(phone, '02-phone-register');

  // R1 at phone size: the minutes from the entry's link show the agenda and both items.
  await entry.getByRole('link', { name: `Minutes of meeting ${code}` }).click();
  await phone.waitForURL((url) => url.pathname === `/c/m/${code}`);
  await expect.poll(visible(phone, 'Agenda')).toBe(true);
  expect(await phone.getByText('Glad the sink is on the agenda.').count()).toBeGreaterThan(0);
  expect(
    await phone.getByText('Whoever cooks does not wash up; a rota for the rest.').count(),
  ).toBeGreaterThan(0);
  await shot(phone, '03-phone-minutes');
  // No side-scrolling at 360 px (a phone-sized layout).
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // R2 on the laptop: the Markdown export, fetched with the member link, holds the agenda.
  await laptop.goto(phone.url());
  await expect.poll(visible(laptop, 'Agenda')).toBe(true);
  const [download] = await Promise.all([
    laptop.waitForEvent('download'),
    button(laptop, 'Download Markdown').click(),
  ]);
  const markdown = readFileSync((await download.path()) ?? '', 'utf8');
  expect(markdown).toMatch(
    /## Agenda\n\n1\. \*\*Opening round\*\* \(round\): Finished\n2\. \*\*Dishes\*\* \(consent decision\): Adopted/,
  );
  await shot(laptop, '04-desktop-minutes');

  // R3: the agreement goes on the next agenda in one step: no meeting is open, so a new one.
  await phone.goto(circleUrl);
  await button(phone, 'Put on the next meeting’s agenda').click();
  await expect.poll(visible(phone, /Added to meeting [A-Z0-9]+, a new meeting made for it/)).toBe(true);
  const reviewCode =
    /Added to meeting ([A-Z0-9]+)/.exec((await phone.getByRole('status').allTextContents()).join(' '))?.[1] ??
    '';
  const reviewKey = await phone.evaluate(
    (c) => localStorage.getItem(`circlewise:facilitator:${c}`),
    reviewCode,
  );
  const reviewFac = new TestClient(server.url, reviewKey ?? '');
  const ana2 = new TestClient(server.url);
  const ben2 = new TestClient(server.url);
  clients.push(reviewFac, ana2, ben2);
  ok(await reviewFac.join(reviewCode));
  ok(await ana2.join(reviewCode, 'Ana'));
  ok(await ben2.join(reviewCode, 'Ben'));
  // Pre-filled with the current text: it can be presented at once, and is evolved by an edit.
  const review = reviewFac.view;
  expect(review?.kind === 'decision' && review.versions.at(-1)?.text).toBe(
    'Whoever cooks does not wash up; a rota for the rest.',
  );
  await adoptWithConcern(
    reviewFac,
    ana2,
    ben2,
    'Whoever cooks does not wash up; a weekly rota for the rest.',
  );

  // The register shows the review entry: evolved, with the new text and the review's minutes.
  await phone.reload();
  await expect.poll(visible(phone, 'Review history')).toBe(true);
  const reviewed = phone.locator('li.agreement').first();
  const after = (await reviewed.textContent()) ?? '';
  expect(after).toContain('a weekly rota for the rest');
  expect(after).toMatch(/Evolved/i);
  expect(await reviewed.getByRole('link', { name: `Minutes of meeting ${reviewCode}` }).count()).toBe(1);
  await shot(phone, '05-phone-register-reviewed');
  await laptop.goto(circleUrl);
  await expect.poll(visible(laptop, 'Review history')).toBe(true);
  await shot(laptop, '06-desktop-register');

  // S10: all this, and the member key never reached the server in a path or a query string.
  expect(seen.length).toBeGreaterThan(10);
  expect(
    seen.filter((url) => url.includes(memberKey) || url.includes(encodeURIComponent(memberKey))),
  ).toEqual([]);
  expect(seen.some((url) => url.startsWith('/api/circle'))).toBe(true);

  // S10: an old link, with the key in the path, is redirected once and opens the circle.
  seen.length = 0;
  await phone.goto(`${server.url}/c/${memberKey}`);
  await phone.waitForURL((url) => url.pathname === '/c' && url.hash === `#${memberKey}`);
  await expect.poll(visible(phone, 'Agreement register')).toBe(true);
  expect(seen.filter((url) => url.includes(memberKey))).toEqual([`/c/${memberKey}`]);
  server.app.http.off('request', record);

  // S3: a wrong link opens nothing, with a page that says so.
  await phone.goto(`${server.url}/c#not-a-real-key-${'x'.repeat(30)}`);
  await expect.poll(visible(phone, /no longer opens this circle/i)).toBe(true);
  expect(await phone.getByText('Kitchen circle').count()).toBe(0);
  await shot(phone, '07-phone-bad-link');

  for (const c of clients) c.close();
  expect(errors).toEqual([]);
});
