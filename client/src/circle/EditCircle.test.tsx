import type { Circle, CircleOverview } from '@circlewise/shared/circles';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSavedCircles, rememberCircle } from '../net/savedCircles';
import { CIRCLE_URL, gardenCircle, KEY } from '../test/circleFixtures';
import { type FakeAnswer, type FakeRoute, fakeFetch, UNKNOWN_CIRCLE } from '../test/fakeFetch';
import { CirclePage } from './CirclePage';

/**
 * The circle's page as the server keeps it: a PATCH changes what it returns next, as the real
 * server does, so a test sees the page's data refreshed after a save.
 */
function serveCircle(patch?: FakeRoute) {
  let overview: CircleOverview = gardenCircle();
  const server = fakeFetch({
    [`GET ${CIRCLE_URL}`]: () => ({ status: 200, body: overview }),
    [`PATCH ${CIRCLE_URL}`]:
      patch ??
      ((request) => {
        const circle: Circle = { ...overview.circle, ...(request.body as Partial<Circle>) };
        overview = { ...overview, circle };
        return { status: 200, body: circle };
      }),
  });
  return { ...server, patches: () => server.to(`PATCH ${CIRCLE_URL}`) };
}

const details = () => screen.getByRole('region', { name: 'The circle’s details' });
const form = () => within(details()).getByRole('form', { name: 'Edit the circle’s details' });
const box = (label: RegExp) => within(form()).getByLabelText<HTMLInputElement | HTMLTextAreaElement>(label);

async function openEditor() {
  render(<CirclePage circleKey={KEY} />);
  await screen.findByRole('heading', { level: 1 });
  await userEvent.click(within(details()).getByRole('button', { name: 'Edit the circle’s details' }));
}

async function retype(label: RegExp, text: string) {
  await userEvent.clear(box(label));
  if (text) await userEvent.type(box(label), text);
}

const save = () => userEvent.click(within(form()).getByRole('button', { name: 'Save' }));

beforeEach(() => {
  window.history.replaceState(null, '', `/c#${KEY}`);
});

describe('editing the circle’s details', () => {
  it('is closed until asked for, then pre-filled with the details as they stand, members one per line', async () => {
    serveCircle();
    render(<CirclePage circleKey={KEY} />);
    await screen.findByRole('heading', { level: 1 });
    expect(within(details()).queryByRole('form')).toBeNull();
    expect(within(details()).queryByRole('textbox')).toBeNull();
    // Paper cannot be clicked: the section stays off the printed page.
    expect(details().classList.contains('no-print')).toBe(true);

    await userEvent.click(within(details()).getByRole('button', { name: 'Edit the circle’s details' }));
    expect(box(/circle’s name/).value).toBe('Garden circle');
    expect(box(/aim/).value).toBe('We keep the shared garden growing.');
    expect(box(/months/).value).toBe('6');
    expect(box(/^Members/).value).toBe('Ana\nBen\nCleo');
    expect(document.activeElement).toBe(box(/circle’s name/));
    expect(within(form()).getByText(/A new review period is for meetings started from now on/)).toBeTruthy();
  });

  it('saves only what changed, says "Saved." and shows the circle as it now stands', async () => {
    rememberCircle(KEY, 'Garden circle');
    const server = serveCircle();
    await openEditor();
    await retype(/circle’s name/, '  Garden and orchard ');
    await retype(/^Members/, 'Ana\n\n Cleo \nDan\n');
    await save();

    expect(await within(details()).findByText('Saved.')).toBeTruthy();
    expect(server.patches().map((r) => r.body)).toEqual([
      { name: 'Garden and orchard', members: ['Ana', 'Cleo', 'Dan'] },
    ]);
    // The page's data is loaded again: the new name and members are on the page.
    await waitFor(() => expect(server.to(`GET ${CIRCLE_URL}`)).toHaveLength(2));
    expect((await screen.findByRole('heading', { level: 1, name: 'Garden and orchard' })).textContent).toBe(
      'Garden and orchard',
    );
    const members = screen.getByRole('region', { name: 'Members' });
    expect(
      within(members)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ana', 'Cleo', 'Dan']);
    expect(within(details()).queryByRole('form')).toBeNull();
    // Home offers the circle under its new name.
    expect(loadSavedCircles().map((c) => c.name)).toEqual(['Garden and orchard']);
  });

  it('[R3] a new review period is sent alone, and the page says the new period', async () => {
    const server = serveCircle();
    await openEditor();
    await retype(/months/, ' 3 ');
    await save();
    await within(details()).findByText('Saved.');
    expect(server.patches().map((r) => r.body)).toEqual([{ reviewMonths: 3 }]);
    expect(
      await screen.findByText('Agreements are reviewed after 3 months unless a decision says otherwise.'),
    ).toBeTruthy();
  });

  it.each([
    { what: 'an empty name', label: /circle’s name/, text: '', says: 'Give the circle a name.' },
    {
      what: 'a review period that is no whole number',
      label: /months/,
      text: 'six',
      says: 'The review period must be a whole number of months, from 1 to 60.',
    },
    {
      what: 'a review period of 0',
      label: /months/,
      text: '0',
      says: 'The review period must be a whole number of months, from 1 to 60.',
    },
    {
      what: 'a member listed twice',
      label: /^Members/,
      text: 'Ana\nBen\nAna',
      says: '“Ana” is listed twice: list each member once (add an initial to tell two apart).',
    },
  ])('refuses $what in words, at the field, and sends nothing', async ({ label, text, says }) => {
    const server = serveCircle();
    await openEditor();
    await retype(label, text);
    await save();
    expect((await within(form()).findByRole('alert')).textContent).toBe(says);
    expect(box(label).getAttribute('aria-invalid')).toBe('true');
    expect(box(label).getAttribute('aria-describedby')).toBe('edit-circle-problem');
    expect(document.activeElement).toBe(box(label));
    expect(server.patches()).toHaveLength(0);
  });

  it('says when nothing has changed, and sends nothing', async () => {
    const server = serveCircle();
    await openEditor();
    await save();
    expect((await within(form()).findByRole('alert')).textContent).toBe(
      'Nothing has changed: change a detail, or Cancel.',
    );
    expect(server.patches()).toHaveLength(0);
  });

  it('Cancel closes the form, sends nothing, and forgets what was typed', async () => {
    const server = serveCircle();
    await openEditor();
    await retype(/circle’s name/, 'Something else');
    await userEvent.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(within(details()).queryByRole('form')).toBeNull();
    const edit = within(details()).getByRole('button', { name: 'Edit the circle’s details' });
    expect(document.activeElement).toBe(edit);
    await userEvent.click(edit);
    expect(box(/circle’s name/).value).toBe('Garden circle');
    expect(server.patches()).toHaveLength(0);
  });

  it('shows a refusal of the server in words and keeps what was typed', async () => {
    const refusal: FakeAnswer = {
      status: 400,
      body: { error: { code: 'invalid_payload', message: 'The aim must be at most 5000 characters. (aim)' } },
    };
    serveCircle(() => refusal);
    await openEditor();
    await retype(/aim/, 'Grow more.');
    await save();
    expect((await within(form()).findByRole('alert')).textContent).toBe(
      'Could not save: The aim must be at most 5000 characters. (aim)',
    );
    expect(box(/aim/).value).toBe('Grow more.');
    expect(within(details()).queryByText('Saved.')).toBeNull();
  });

  it('shows a network failure in words', async () => {
    serveCircle(() => 'offline');
    await openEditor();
    await retype(/circle’s name/, 'Orchard');
    await save();
    expect((await within(form()).findByRole('alert')).textContent).toMatch(
      /^Could not save: Could not reach the server/,
    );
  });

  it('[S3] a link rotated away meanwhile ends on the "no longer opens" page', async () => {
    let rotated = false;
    fakeFetch({
      [`GET ${CIRCLE_URL}`]: () => (rotated ? UNKNOWN_CIRCLE : { status: 200, body: gardenCircle() }),
      [`PATCH ${CIRCLE_URL}`]: () => {
        rotated = true;
        return UNKNOWN_CIRCLE;
      },
    });
    await openEditor();
    await retype(/circle’s name/, 'Orchard');
    await save();
    expect(
      (await screen.findByRole('heading', { level: 1, name: 'This link no longer opens this circle' }))
        .textContent,
    ).toBe('This link no longer opens this circle');
    expect(document.body.textContent).not.toContain('Garden');
  });
});
