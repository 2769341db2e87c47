import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadSavedCircles, rememberCircle } from '../net/savedCircles';
import { KEY } from '../test/circleFixtures';

const KEEPER = 'k33perOfTheGardenCircle_0123456789abcdefghi';

import { fakeFetch } from '../test/fakeFetch';
import { HomeCircles } from './HomeCircles';

const created = () =>
  fakeFetch({
    'POST /api/circles': () => ({ status: 201, body: { circleId: 'c1', memberKey: KEY, keeperKey: KEEPER } }),
  });
const form = () => screen.getByRole('form', { name: 'Start a circle' });

async function fill(fields: { name?: string; aim?: string; months?: string; members?: string }) {
  const user = userEvent.setup();
  if (fields.name !== undefined) await user.type(screen.getByLabelText('The circle’s name'), fields.name);
  if (fields.aim !== undefined) await user.type(screen.getByLabelText(/aim and domain/), fields.aim);
  if (fields.months !== undefined) {
    await user.clear(screen.getByLabelText(/Review agreements after/));
    if (fields.months) await user.type(screen.getByLabelText(/Review agreements after/), fields.months);
  }
  if (fields.members !== undefined)
    await user.type(screen.getByLabelText(/Members, one name per line/), fields.members);
  await user.click(within(form()).getByRole('button', { name: 'Start a circle' }));
  return user;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('start a circle (Home)', () => {
  it('explains each refused field in words and sends nothing', async () => {
    const server = created();
    render(<HomeCircles />);
    await fill({});
    expect(screen.getByRole('alert').textContent).toBe('Give the circle a name.');
    expect(screen.getByLabelText('The circle’s name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('The circle’s name'));

    await fill({ name: 'Garden', months: '0' });
    expect(screen.getByRole('alert').textContent).toBe(
      'The review period must be a whole number of months, from 1 to 60.',
    );
    await fill({ months: '2.5' });
    expect(screen.getByRole('alert').textContent).toMatch(/whole number of months/);

    await fill({ months: '6', members: 'Ana{Enter}Ben{Enter} Ana ' });
    expect(screen.getByRole('alert').textContent).toBe(
      '“Ana” is listed twice: list each member once (add an initial to tell two apart).',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('creates the circle, shows its member link with what it means, and lists it under "Your circles"', async () => {
    const server = created();
    render(<HomeCircles />);
    expect(screen.queryByRole('region', { name: 'Your circles' })).toBeNull();
    const user = await fill({
      name: ' Garden circle ',
      aim: 'We keep the garden.',
      months: '3',
      members: 'Ana{Enter}{Enter}  Ben  {Enter}',
    });
    expect(await screen.findByRole('heading', { name: '“Garden circle” is started' })).toBeTruthy();
    expect(server.requests[0]?.body).toEqual({
      name: 'Garden circle',
      aim: 'We keep the garden.',
      reviewMonths: 3,
      members: ['Ana', 'Ben'],
    });
    const link = `${window.location.origin}/c#${KEY}`;
    expect(screen.getByLabelText<HTMLInputElement>('The circle’s member link').value).toBe(link);
    expect(
      screen.getByText(/it is the key to the circle’s records; anyone with it can read them/).textContent,
    ).toBe('Keep this link: it is the key to the circle’s records; anyone with it can read them.');

    await user.click(screen.getByRole('button', { name: 'Copy the link' }));
    expect(await navigator.clipboard.readText()).toBe(link);
    expect(screen.getByText('Copied.')).toBeTruthy();

    // The keeper key, shown once with what it is for, copied on its own (issue 11 §6).
    expect(screen.getByLabelText<HTMLInputElement>('The keeper key').value).toBe(KEEPER);
    expect(screen.getByText(/it is shown only now/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Copy the keeper key' }));
    expect(await navigator.clipboard.readText()).toBe(KEEPER);
    expect(loadSavedCircles().map((c) => c.key)).not.toContain(KEEPER);

    const yours = screen.getByRole('region', { name: 'Your circles' });
    expect(within(yours).getByRole('link', { name: 'Garden circle' }).getAttribute('href')).toBe(`/c#${KEY}`);
    expect(loadSavedCircles().map((c) => c.key)).toEqual([KEY]);

    await user.click(screen.getByRole('button', { name: 'Open the circle page' }));
    expect(`${window.location.pathname}${window.location.hash}`).toBe(`/c#${KEY}`);
  });

  it('selects the link for copying by hand where the browser will not copy', async () => {
    created();
    render(<HomeCircles />);
    const user = await fill({ name: 'Garden' });
    await screen.findByRole('heading', { name: '“Garden” is started' });
    // Plain http on a local network: no clipboard API.
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      await user.click(screen.getByRole('button', { name: 'Copy the link' }));
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else Reflect.deleteProperty(navigator, 'clipboard');
    }
    expect(screen.getByText(/would not copy it: the link is selected/)).toBeTruthy();
    const input = screen.getByLabelText<HTMLInputElement>('The circle’s member link');
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
  });

  it('shows the server’s refusal in words', async () => {
    fakeFetch({
      'POST /api/circles': () => ({
        status: 400,
        body: { error: { code: 'invalid_payload', message: 'A circle may list at most 200 members.' } },
      }),
    });
    render(<HomeCircles />);
    await fill({ name: 'Garden' });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('A circle may list at most 200 members.'),
    );
    expect(screen.getByRole('form', { name: 'Start a circle' })).toBeTruthy();
  });

  it('lists the circles this browser opened, newest first', () => {
    rememberCircle('k1', 'Garden', 1);
    rememberCircle('k2', 'Kitchen', 2);
    render(<HomeCircles />);
    const yours = screen.getByRole('region', { name: 'Your circles' });
    expect(
      within(yours)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Kitchen', 'Garden']);
  });
});
