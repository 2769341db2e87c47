import type { Circle, CircleOverview } from '@circlewise/shared/circles';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CIRCLE_URL, gardenCircle, KEY } from '../test/circleFixtures';
import { fakeFetch } from '../test/fakeFetch';
import { CirclePage } from './CirclePage';

function serveCircle(timeboxMinutes?: Circle['timeboxMinutes']) {
  const base = gardenCircle();
  let overview: CircleOverview = {
    ...base,
    circle: { ...base.circle, ...(timeboxMinutes && { timeboxMinutes }) },
  };
  const server = fakeFetch({
    [`GET ${CIRCLE_URL}`]: () => ({ status: 200, body: overview }),
    [`PATCH ${CIRCLE_URL}`]: (request) => {
      const circle: Circle = { ...overview.circle, ...(request.body as Partial<Circle>) };
      overview = { ...overview, circle };
      return { status: 200, body: circle };
    },
  });
  return { ...server, patches: () => server.to(`PATCH ${CIRCLE_URL}`) };
}

const section = () => screen.getByRole('region', { name: 'Default timeboxes' });
const box = (label: string) => within(section()).getByLabelText<HTMLInputElement>(label);

beforeEach(() => {
  window.history.replaceState(null, '', `/c#${KEY}`);
});

describe('[T1] a circle’s default timeboxes', () => {
  it('[T1] shows the circle’s minutes per stage, the app’s where it set none', async () => {
    serveCircle({ clarifying: 7 });
    render(<CirclePage circleKey={KEY} />);
    await screen.findByRole('heading', { level: 1 });
    expect(box('Clarifying questions').value).toBe('7');
    expect(box('Reactions').value).toBe('10');
    expect(box('Rounds (check-in, closing)').value).toBe('10');
  });

  it('[T1] saves the minutes per stage with the circle', async () => {
    const server = serveCircle();
    render(<CirclePage circleKey={KEY} />);
    await screen.findByRole('heading', { level: 1 });
    await userEvent.clear(box('Consent'));
    await userEvent.type(box('Consent'), '3');
    await userEvent.click(within(section()).getByRole('button', { name: 'Save the timeboxes' }));
    await within(section()).findByText('Saved.');
    const [patch] = server.patches();
    expect(patch).toBeDefined();
    expect((patch!.body as { timeboxMinutes: Record<string, number> }).timeboxMinutes).toMatchObject({
      consent: 3,
      clarifying: 10,
    });
  });

  it('[T1] refuses a duration that is not a whole number of minutes from 1 to 240, and sends nothing', async () => {
    const server = serveCircle();
    render(<CirclePage circleKey={KEY} />);
    await screen.findByRole('heading', { level: 1 });
    await userEvent.clear(box('Objections'));
    await userEvent.type(box('Objections'), '0');
    await userEvent.click(within(section()).getByRole('button', { name: 'Save the timeboxes' }));
    expect(within(section()).getByRole('alert').textContent).toMatch(/Objections: .*from 1 to 240/);
    expect(server.patches()).toHaveLength(0);
  });
});
