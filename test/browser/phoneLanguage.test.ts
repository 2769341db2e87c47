/**
 * Issue 12 on a real phone (390×844): a phone opened in the right-to-left pseudo-locale lays the
 * page out right to left with no plain English left in the phone's own text, passes axe, and
 * switches to Dutch from its Language menu in one step, remembered after a reload.
 */
import { expect, it } from 'vitest';
import { phoneContext } from '../support/browser';
import { browserMeeting } from '../support/browserMeeting';
import { createMeeting } from '../support/server';

const session = browserMeeting({ screenshotPrefix: 'phone-language-' });

it('[L3] [L4] a phone in pseudo-rtl is right-to-left and fully pseudo-localised; Dutch in one tap, remembered', async () => {
  const { server, browser } = session;
  const meeting = await createMeeting(server.url, 'Plant care');
  const context = await phoneContext(browser);
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  const errors: string[] = [];
  phone.on('pageerror', (e) => errors.push(e.message));

  await phone.goto(`${server.url}/m/${meeting.code}?lang=pseudo-rtl`);
  await phone.locator('#join-name').fill('Ana');
  await phone.locator('form button[type=submit]').click();
  const heading = phone.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.textContent()).toMatch(/^⟦Þŕöþöšáĺ~+⟧$/);

  expect(await phone.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
    'rtl',
    'en-XA',
  ]);
  // Right to left: the heading starts at the right edge of the page, the Leave button too.
  const box = await heading.boundingBox();
  expect(box).not.toBeNull();
  const leave = await phone.getByRole('button', { name: /⟦Ĺéáṽé/ }).boundingBox();
  expect(leave && leave.x + leave.width).toBeGreaterThan(390 - 40);
  // Every text the phone wrote itself is pseudo-localised (the meeting's title and Ana's name are typed).
  const plain = await phone.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (n.parentElement?.closest('option, script, style, noscript')) continue;
      if (/[A-Za-z]/.test(text) && !text.includes('⟦') && !['Plant care', 'Ana'].includes(text))
        out.push(text);
    }
    return out;
  });
  expect(plain).toEqual([]);
  await session.shot(phone, 'pseudo-rtl-390x844');

  // One step to Dutch from the visible, labelled menu.
  await phone.getByRole('combobox', { name: /⟦Ĺáñĝüáĝé/ }).selectOption('nl');
  await expect.poll(() => heading.textContent()).toBe('Voorstel');
  expect(await phone.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
    'ltr',
    'nl',
  ]);
  await phone.reload();
  await expect.poll(() => phone.getByRole('heading', { level: 1 }).textContent()).toBe('Voorstel');
  await phone.getByRole('combobox', { name: 'Taal' }).waitFor();
  await session.shot(phone, 'nl-390x844');
  expect(errors).toEqual([]);
  await context.close();
});
