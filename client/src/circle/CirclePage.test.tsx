import type { CircleOverview } from '@circlewise/shared/circles';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFacilitatorKey, saveFacilitatorKey } from '../net/identity';
import { loadSavedCircles, rememberCircle } from '../net/savedCircles';
import { CIRCLE_URL, emptyCircle, gardenCircle, KEY } from '../test/circleFixtures';
import { type FakeAnswer, fakeFetch, UNKNOWN_CIRCLE } from '../test/fakeFetch';
import { CirclePage } from './CirclePage';

const ok = (overview: CircleOverview): FakeAnswer => ({ status: 200, body: overview });

function serve(overview: FakeAnswer = ok(gardenCircle()), more = {}) {
  return fakeFetch({ [`GET ${CIRCLE_URL}`]: () => overview, ...more });
}

async function openPage() {
  render(<CirclePage circleKey={KEY} />);
  return screen.findByRole('heading', { level: 1 });
}

const register = () => screen.getByRole('region', { name: 'Agreement register' });

beforeEach(() => {
  window.history.replaceState(null, '', `/c#${KEY}`);
});

describe('circle page', () => {
  it('[S3] a refused link shows the "no longer opens" page and nothing else', async () => {
    rememberCircle(KEY, 'Garden circle');
    serve(UNKNOWN_CIRCLE);
    const heading = await openPage();
    expect(heading.textContent).toBe('This link no longer opens this circle');
    expect(screen.getByText('Ask a member of the circle for its current link.')).toBeTruthy();
    // Nothing of any circle: no name, no sections, no forms.
    expect(document.body.textContent).not.toContain('Garden');
    expect(screen.queryAllByRole('region')).toHaveLength(0);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    // The dead link is no longer offered on Home.
    expect(loadSavedCircles()).toEqual([]);
  });

  it('[R3] due agreements come first and are marked', async () => {
    serve();
    await openPage();
    const titles = within(register())
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(titles).toEqual(['Plant care', 'Watering rota', 'Tool shed', 'Seed swap', 'Bee hotel']);
    const entry = (title: string) => within(register()).getByRole('article', { name: title });
    // Marked in words, not colour alone.
    expect(within(entry('Plant care')).getByText('Overdue for review')).toBeTruthy();
    expect(within(entry('Watering rota')).getByText('Due for review')).toBeTruthy();
    expect(within(entry('Tool shed')).queryByText(/for review/)).toBeNull();
    expect(within(entry('Bee hotel')).getByText('Dropped')).toBeTruthy();
    expect(within(register()).getByText('To review: 1 overdue, 1 due within 30 days.')).toBeTruthy();
  });

  it('[R3] an agreement shows its driver, text, concerns, review date, history and minutes link', async () => {
    serve();
    await openPage();
    const entry = within(register()).getByRole('article', { name: 'Plant care' });
    for (const text of [
      'The plants are dying.',
      'Ben waters the plants every Monday.',
      'Cleo: Who waters in March?',
      'By December 1, 2024',
    ])
      expect(within(entry).getByText(text)).toBeTruthy();
    expect(within(entry).getByRole('heading', { name: 'Review history' })).toBeTruthy();
    expect(within(entry).getByText('Evolved')).toBeTruthy();
    const links = within(entry).getAllByRole('link', { name: 'Minutes of meeting OLD111' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`/c/m/OLD111#${KEY}`, `/c/m/OLD111#${KEY}`]);
    // A dropped agreement cannot be put on an agenda; an active one can.
    expect(within(entry).getByRole('button', { name: 'Put on the next meeting’s agenda' })).toBeTruthy();
    const dropped = within(register()).getByRole('article', { name: 'Bee hotel' });
    expect(within(dropped).queryByRole('button')).toBeNull();
  });

  it('[R3] an agreement shows who is responsible and its evaluation criteria when it has them', async () => {
    const circle = gardenCircle();
    circle.agreements = circle.agreements.map((a) =>
      a.id === 'a-later'
        ? { ...a, responsible: 'Ben and Cleo', evaluation: 'No plant has died by the summer.' }
        : a,
    );
    serve(ok(circle));
    await openPage();
    const facts = (title: string) => {
      const entry = within(register()).getByRole('article', { name: title });
      return [...entry.querySelectorAll('.facts dt')].map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent,
      ]);
    };
    expect(facts('Tool shed')).toEqual(
      expect.arrayContaining([
        ['Responsible', 'Ben and Cleo'],
        ['Evaluation', 'No plant has died by the summer.'],
      ]),
    );
    // Without them, no empty facts.
    const plain = facts('Seed swap').map(([term]) => term);
    expect(plain).not.toContain('Responsible');
    expect(plain).not.toContain('Evaluation');
  });

  it('shows the circle, its members, its roles and its meetings newest first, and remembers it', async () => {
    serve();
    expect((await openPage()).textContent).toBe('Garden circle');
    expect(screen.getByText('We keep the shared garden growing.')).toBeTruthy();
    const members = screen.getByRole('region', { name: 'Members' });
    expect(
      within(members)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ana', 'Ben', 'Cleo']);
    const meetings = within(screen.getByRole('region', { name: 'Meetings' })).getAllByRole('listitem');
    expect(meetings.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Spring planning',
      'Compost',
    ]);
    expect(within(meetings[0]!).getByText('Open')).toBeTruthy();
    expect(within(meetings[1]!).getByText('Closed')).toBeTruthy();
    expect(
      within(meetings[1]!)
        .getByRole('link', { name: /Minutes/ })
        .getAttribute('href'),
    ).toBe(`/c/m/OLD111#${KEY}`);
    const roles = screen.getByRole('region', { name: 'Role register' });
    expect(within(roles).getByText('Garden lead')).toBeTruthy();
    expect(
      within(roles)
        .getByRole('link', { name: /Minutes of the election/ })
        .getAttribute('href'),
    ).toBe(`/c/m/OLD111#${KEY}`);
    expect(loadSavedCircles().map((c) => [c.key, c.name])).toEqual([[KEY, 'Garden circle']]);
  });

  it('offers the console of an open meeting only where this browser holds its facilitator key', async () => {
    saveFacilitatorKey('NEW222', 'fkey');
    serve();
    await openPage();
    const meetings = screen.getByRole('region', { name: 'Meetings' });
    expect(within(meetings).getAllByRole('link', { name: /Open the console/ })).toHaveLength(1);
    expect(
      within(meetings)
        .getByRole('link', { name: /Open the console/ })
        .getAttribute('href'),
    ).toBe('/m/NEW222/facilitate');
  });

  it('[R3] says what will appear in empty registers', async () => {
    serve(ok(emptyCircle()));
    await openPage();
    expect(
      screen.getByText('No agreements yet: decisions adopted in this circle’s meetings appear here.'),
    ).toBeTruthy();
    expect(
      screen.getByText('No roles yet: roles elected in this circle’s meetings appear here.'),
    ).toBeTruthy();
    expect(screen.getByText(/No meetings yet/)).toBeTruthy();
  });

  it('says it is loading, and offers a retry when the network fails', async () => {
    let down = true;
    const server = fakeFetch({
      [`GET ${CIRCLE_URL}`]: () => (down ? 'offline' : { status: 200, body: gardenCircle() }),
    });
    render(<CirclePage circleKey={KEY} />);
    expect(screen.getByRole('status').textContent).toBe('Opening the circle…');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not reach the server/);
    down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Garden circle');
    expect(server.to(`GET ${CIRCLE_URL}`)).toHaveLength(2);
  });

  it('starts a meeting in the circle, keeps its facilitator key and opens the console', async () => {
    const server = serve(ok(gardenCircle()), {
      [`POST ${CIRCLE_URL}/meetings`]: () => ({
        status: 201,
        body: { meetingId: 'm9', code: 'XYZ789', facilitatorKey: 'secret-f' },
      }),
    });
    await openPage();
    const form = screen.getByRole('form', { name: 'Start a meeting in this circle' });
    await userEvent.click(within(form).getByRole('radio', { name: 'Role election' }));
    await userEvent.type(within(form).getByLabelText(/Which role/), 'Treasurer');
    await userEvent.click(within(form).getByRole('button', { name: 'Start the meeting' }));
    await waitFor(() => expect(window.location.pathname).toBe('/m/XYZ789/facilitate'));
    expect(server.to(`POST ${CIRCLE_URL}/meetings`)[0]?.body).toEqual({
      title: 'Treasurer',
      kind: 'election',
    });
    expect(loadFacilitatorKey('XYZ789')).toBe('secret-f');
  });

  it('shows a refused meeting start in words', async () => {
    serve(ok(gardenCircle()), {
      [`POST ${CIRCLE_URL}/meetings`]: () => ({
        status: 400,
        body: { error: { code: 'invalid_payload', message: 'The title must be at most 200 characters.' } },
      }),
    });
    await openPage();
    await userEvent.click(screen.getByRole('button', { name: 'Start the meeting' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The title must be at most 200 characters.');
    expect(`${window.location.pathname}${window.location.hash}`).toBe(`/c#${KEY}`);
  });
});

describe('putting an agreement on the agenda [R3]', () => {
  const review = (body: unknown) => ({
    [`POST ${CIRCLE_URL}/agreements/a-due/review`]: () => ({ status: 200, body }),
  });

  async function putOnAgenda() {
    await openPage();
    const entry = within(register()).getByRole('article', { name: 'Watering rota' });
    await userEvent.click(within(entry).getByRole('button', { name: 'Put on the next meeting’s agenda' }));
    return entry;
  }

  it('[R3] an open meeting led from this browser: says where it went, with a link to its console', async () => {
    saveFacilitatorKey('NEW222', 'fkey');
    const server = serve(ok(gardenCircle()), review({ meetingCode: 'NEW222', itemId: 'i2' }));
    const entry = await putOnAgenda();
    const status = await within(entry).findByText(/Added to meeting NEW222/);
    expect(
      within(status).getByRole('link', { name: 'Open that meeting’s console' }).getAttribute('href'),
    ).toBe('/m/NEW222/facilitate');
    expect(within(entry).queryByRole('button', { name: /agenda/ })).toBeNull();
    // The page reloads the circle, so a meeting made for the review shows in its list.
    await waitFor(() => expect(server.to(`GET ${CIRCLE_URL}`)).toHaveLength(2));
  });

  it('[R3] an open meeting led elsewhere: says its facilitator will find it', async () => {
    serve(ok(gardenCircle()), review({ meetingCode: 'NEW222', itemId: 'i2' }));
    const entry = await putOnAgenda();
    expect((await within(entry).findByText(/Added to meeting NEW222/)).textContent).toBe(
      'Added to meeting NEW222. Its facilitator will find it on the agenda.',
    );
    expect(within(entry).queryByRole('link', { name: /console|Open the meeting/ })).toBeNull();
  });

  it('[R3] a new meeting made for it: keeps its facilitator key and offers to open it', async () => {
    serve(ok(gardenCircle()), review({ meetingCode: 'REV333', itemId: 'i1', facilitatorKey: 'new-f' }));
    const entry = await putOnAgenda();
    const status = await within(entry).findByText(/Added to meeting REV333, a new meeting made for it/);
    expect(within(status).getByRole('link', { name: 'Open the meeting' }).getAttribute('href')).toBe(
      '/m/REV333/facilitate',
    );
    expect(loadFacilitatorKey('REV333')).toBe('new-f');
  });

  it('shows a refusal in words and keeps the button', async () => {
    serve(ok(gardenCircle()), {
      [`POST ${CIRCLE_URL}/agreements/a-due/review`]: () => ({
        status: 409,
        body: { error: { code: 'not_allowed', message: 'This agreement was dropped.' } },
      }),
    });
    const entry = await putOnAgenda();
    expect((await within(entry).findByRole('alert')).textContent).toBe(
      'Could not add it to the agenda: This agreement was dropped.',
    );
    expect(within(entry).getByRole('button', { name: /agenda/ })).toBeTruthy();
  });
});

describe('search', () => {
  const search = () => screen.getByRole('region', { name: 'Search' });

  it('submits with Enter and marks the matches, never rendering the text as HTML', async () => {
    const server = serve(ok(gardenCircle()), {
      [`GET ${CIRCLE_URL}/search`]: () => ({
        status: 200,
        body: {
          hits: [
            {
              kind: 'minutes',
              meetingCode: 'OLD111',
              title: 'Compost',
              snippet: '<img src=x onerror="alert(1)"> who will [water] the beds',
              at: Date.UTC(2025, 0, 2),
            },
            {
              kind: 'agreement',
              meetingCode: 'OLD111',
              agreementId: 'a-overdue',
              title: 'Plant care',
              snippet: 'Ben [waters] the plants',
              at: Date.UTC(2025, 0, 2),
            },
          ],
        },
      }),
    });
    await openPage();
    await userEvent.type(
      within(search()).getByLabelText('Words in the minutes and agreements'),
      ' water {Enter}',
    );
    expect(await within(search()).findByText('2 results for “water”')).toBeTruthy();
    expect(server.to(`GET ${CIRCLE_URL}/search`)[0]?.url).toBe(`${CIRCLE_URL}/search?q=water`);
    const marks = search().querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['water', 'waters']);
    expect(search().querySelector('img')).toBeNull();
    expect(within(search()).getByText(/<img src=x/)).toBeTruthy();
    expect(within(search()).getByRole('link', { name: 'Compost' }).getAttribute('href')).toBe(
      `/c/m/OLD111#${KEY}`,
    );
    expect(within(search()).getByRole('link', { name: 'Plant care' }).getAttribute('href')).toBe(
      '#agreement-a-overdue',
    );
    // Announced when they arrive.
    expect(search().querySelector('[aria-live="polite"]')?.textContent).toContain('2 results');
  });

  it('says "Nothing found for …" when nothing matches, and asks for words when empty', async () => {
    serve(ok(gardenCircle()), { [`GET ${CIRCLE_URL}/search`]: () => ({ status: 200, body: { hits: [] } }) });
    await openPage();
    await userEvent.click(within(search()).getByRole('button', { name: 'Search' }));
    expect(within(search()).getByText('Type a word or two to search for.')).toBeTruthy();
    await userEvent.type(within(search()).getByRole('searchbox'), 'tomatoes{Enter}');
    expect(await within(search()).findByText('Nothing found for “tomatoes”.')).toBeTruthy();
  });
});

describe('rotating the member link [S3]', () => {
  const NEW_KEY = 'n3wKeyOfTheGardenCircle_0123456789abcdefgh';
  const KEEPER = 'k33perOfTheGardenCircle_0123456789abcdefghi';
  const linkSection = () => screen.getByRole('region', { name: 'The member link' });

  it('[S3] asks first, with the keeper key; then shows the new link, says the old one stopped, and keeps only the new one', async () => {
    rememberCircle(KEY, 'Garden circle');
    const server = serve(ok(gardenCircle()), {
      [`POST ${CIRCLE_URL}/rotate`]: () => ({ status: 200, body: { memberKey: NEW_KEY } }),
    });
    await openPage();
    expect(within(linkSection()).getByRole<HTMLInputElement>('textbox').value).toBe(
      `${window.location.origin}/c#${KEY}`,
    );

    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Make a new member link' }));
    expect(within(linkSection()).getByText(/will stop working at once/)).toBeTruthy();
    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Cancel' }));
    expect(server.to(`POST ${CIRCLE_URL}/rotate`)).toHaveLength(0);

    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Make a new member link' }));
    const yes = within(linkSection()).getByRole<HTMLButtonElement>('button', {
      name: 'Yes, make a new link',
    });
    // Not without the keeper key.
    expect(yes.disabled).toBe(true);
    await userEvent.type(within(linkSection()).getByLabelText('The circle’s keeper key'), KEEPER);
    await userEvent.click(yes);
    expect(await within(linkSection()).findByText(/The old link no longer opens this circle/)).toBeTruthy();
    expect(server.to(`POST ${CIRCLE_URL}/rotate`)[0]).toMatchObject({
      body: { keeperKey: KEEPER },
      authorization: `Bearer ${KEY}`,
    });
    expect(within(linkSection()).getByLabelText<HTMLInputElement>('The new member link').value).toBe(
      `${window.location.origin}/c#${NEW_KEY}`,
    );
    expect(`${window.location.pathname}${window.location.hash}`).toBe(`/c#${NEW_KEY}`);
    await waitFor(() =>
      expect(
        server.to(`GET ${CIRCLE_URL}`).filter((r) => r.authorization === `Bearer ${NEW_KEY}`),
      ).toHaveLength(1),
    );
    expect(loadSavedCircles().map((c) => c.key)).toEqual([NEW_KEY]);
    // The page goes on with the new key.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Garden circle');
  });

  it('a member without the keeper key is refused in words, and the link stays', async () => {
    const server = serve(ok(gardenCircle()), {
      [`POST ${CIRCLE_URL}/rotate`]: () => ({
        status: 403,
        body: {
          error: { code: 'forbidden', message: 'Only the circle’s keeper can make a new member link.' },
        },
      }),
    });
    await openPage();
    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Make a new member link' }));
    await userEvent.type(within(linkSection()).getByLabelText('The circle’s keeper key'), 'a guess');
    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Yes, make a new link' }));
    expect((await within(linkSection()).findByRole('alert')).textContent).toBe(
      'Could not make a new link: Only the circle’s keeper can make a new member link.',
    );
    expect(server.to(`POST ${CIRCLE_URL}/rotate`)).toHaveLength(1);
    expect(`${window.location.pathname}${window.location.hash}`).toBe(`/c#${KEY}`);
  });

  it('a circle made before keeper keys rotates without one and shows the keeper key it was given, once', async () => {
    const server = serve(ok({ ...gardenCircle(), hasKeeperKey: false }), {
      [`POST ${CIRCLE_URL}/rotate`]: () => ({ status: 200, body: { memberKey: NEW_KEY, keeperKey: KEEPER } }),
    });
    await openPage();
    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Make a new member link' }));
    expect(within(linkSection()).queryByLabelText('The circle’s keeper key')).toBeNull();
    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Yes, make a new link' }));
    expect((await within(linkSection()).findByLabelText<HTMLInputElement>('The keeper key')).value).toBe(
      KEEPER,
    );
    expect(server.to(`POST ${CIRCLE_URL}/rotate`)[0]?.body).toEqual({});
  });

  it('shows a failed rotation in words', async () => {
    serve(ok(gardenCircle()), { [`POST ${CIRCLE_URL}/rotate`]: () => 'offline' });
    await openPage();
    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Make a new member link' }));
    await userEvent.type(within(linkSection()).getByLabelText('The circle’s keeper key'), KEEPER);
    await userEvent.click(within(linkSection()).getByRole('button', { name: 'Yes, make a new link' }));
    expect((await within(linkSection()).findByRole('alert')).textContent).toMatch(
      /^Could not make a new link: Could not reach the server/,
    );
    expect(`${window.location.pathname}${window.location.hash}`).toBe(`/c#${KEY}`);
  });
});
