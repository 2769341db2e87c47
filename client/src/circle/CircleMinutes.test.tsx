import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSavedCircles, rememberCircle } from '../net/savedCircles';
import { CIRCLE_URL, gardenCircle, KEY } from '../test/circleFixtures';
import { ElectionScript } from '../test/electionScript';
import { fakeFetch, UNKNOWN_CIRCLE } from '../test/fakeFetch';
import { MeetingScript } from '../test/meetingScript';
import { CircleMinutesScreen } from './CircleMinutes';

const EVENTS_URL = `${CIRCLE_URL}/meetings/ABC123/events`;

function serveDecision() {
  const events = MeetingScript.at('clarifying').events;
  return fakeFetch({
    [`GET ${EVENTS_URL}`]: () => ({ status: 200, body: { events } }),
    [`GET ${CIRCLE_URL}`]: () => ({ status: 200, body: gardenCircle() }),
    [`GET ${CIRCLE_URL}/meetings/ABC123/minutes.md`]: () => new Response('# Minutes', { status: 200 }),
  });
}

const createObjectURL = URL.createObjectURL;
const revokeObjectURL = URL.revokeObjectURL;

beforeEach(() => {
  // jsdom has no object URLs; the download only needs one to hand to a link.
  URL.createObjectURL = vi.fn(() => 'blob:minutes');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});

afterEach(() => {
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

describe('minutes read with the member key', () => {
  it('[S3] render a circle meeting’s minutes from its log, read with the member key', async () => {
    const server = serveDecision();
    render(<CircleMinutesScreen circleKey={KEY} code="ABC123" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the minutes…');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Plant care');
    expect(server.to(`GET ${EVENTS_URL}`)).toHaveLength(1);
    // S10: the member key is in the Authorization header, never in a path or query, and never a
    // participant's or facilitator's token.
    expect(server.requests.every((r) => r.url.startsWith(CIRCLE_URL))).toBe(true);
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}` && !r.url.includes(KEY))).toBe(
      true,
    );
    expect(screen.getByRole('link', { name: '← Back to the circle' }).getAttribute('href')).toBe(`/c#${KEY}`);
  });

  it('[R2] download the Markdown through the circle', async () => {
    const server = serveDecision();
    render(<CircleMinutesScreen circleKey={KEY} code="ABC123" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download Markdown' }));
    await waitFor(() => expect(server.to(`GET ${CIRCLE_URL}/meetings/ABC123/minutes.md`)).toHaveLength(1));
    const download = server.to(`GET ${CIRCLE_URL}/meetings/ABC123/minutes.md`)[0];
    expect(download?.url).toMatch(/\?tz=/);
    // S10: a download is fetched with the key in the header and saved from a Blob.
    expect(download?.authorization).toBe(`Bearer ${KEY}`);
    expect(download?.url).not.toContain(KEY);
    expect(URL.createObjectURL).toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('[E5] show an election’s roles from the circle’s register, only those it filled', async () => {
    const script = ElectionScript.at('consent');
    const overview = gardenCircle();
    overview.roles.push({ ...overview.roles[0]!, role: 'Treasurer', person: 'Ben', meetingCode: 'ELE123' });
    fakeFetch({
      [`GET ${CIRCLE_URL}/meetings/ELE123/events`]: () => ({ status: 200, body: { events: script.events } }),
      [`GET ${CIRCLE_URL}`]: () => ({ status: 200, body: overview }),
    });
    render(<CircleMinutesScreen circleKey={KEY} code="ELE123" />);
    const register = await screen.findByRole('region', { name: 'Role register' });
    expect(
      within(register)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^Treasurer: Ben/)]);
  });

  it('[S3] a refused link shows the "no longer opens" page and nothing of the meeting', async () => {
    rememberCircle(KEY, 'Garden circle');
    fakeFetch({ [`GET ${EVENTS_URL}`]: () => UNKNOWN_CIRCLE, [`GET ${CIRCLE_URL}`]: () => UNKNOWN_CIRCLE });
    render(<CircleMinutesScreen circleKey={KEY} code="ABC123" />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'This link no longer opens this circle',
    );
    expect(document.body.textContent).not.toMatch(/Plant|Garden|ABC123/);
    expect(loadSavedCircles()).toEqual([]);
  });

  it('[S3] a meeting the circle does not hold: says so, and offers the way back to the circle', async () => {
    fakeFetch({
      [`GET ${EVENTS_URL}`]: () => ({
        status: 404,
        body: { error: { code: 'unknown_meeting', message: 'No meeting has that code.' } },
      }),
      [`GET ${CIRCLE_URL}`]: () => ({ status: 200, body: gardenCircle() }),
    });
    render(<CircleMinutesScreen circleKey={KEY} code="ABC123" />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'No meeting ABC123 in this circle',
    );
    expect(screen.getByRole('link', { name: 'Go to the circle' }).getAttribute('href')).toBe(`/c#${KEY}`);
  });

  it('offer a retry when the network fails', async () => {
    let down = true;
    const events = MeetingScript.at('proposal').events;
    fakeFetch({
      [`GET ${EVENTS_URL}`]: () => (down ? 'offline' : { status: 200, body: { events } }),
      [`GET ${CIRCLE_URL}`]: () => (down ? 'offline' : { status: 200, body: gardenCircle() }),
    });
    render(<CircleMinutesScreen circleKey={KEY} code="ABC123" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not reach the server/);
    down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Plant care');
  });
});
