import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO, fakeSend, refusal } from '../../test/meetingScript';
import { renderRound } from '../../test/renderRound';
import { RoundScript } from '../../test/roundScript';
import { RoundConsole } from './RoundConsole';

const renderConsole = (script: RoundScript, send = fakeSend()) =>
  renderRound(<RoundConsole view={script.view()} />, send, {
    role: 'facilitator',
    online: { [ANA]: true },
  });

const rows = (region: HTMLElement) =>
  within(region)
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('facilitator console: round', () => {
  it('[M3] shows the title, the code, what was said by whom, and who has not spoken yet', () => {
    renderConsole(RoundScript.open('Check-in').speak(BEN, 'Tired but here.'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Check-in');
    expect(screen.getByText('Facilitating a round · Open')).toBeTruthy();
    expect(screen.getByText('ABC123')).toBeTruthy();
    const said = screen.getByRole('region', { name: 'What was said' });
    expect(rows(said)).toEqual(['Ben: Tired but here.']);
    expect(within(said).getByText('1 spoke · 3 present')).toBeTruthy();
    const waiting = screen.getByRole('region', { name: 'Not spoken yet' });
    expect(rows(waiting)).toEqual(['Ana (online)', 'Cleo (offline)']);
    expect(screen.getByText(/Not spoken yet: Ana, Cleo\./)).toBeTruthy();
  });

  it('[M3] someone who left is not waited for', () => {
    renderConsole(RoundScript.open().speak(ANA, 'Hi.').leave(CLEO));
    expect(rows(screen.getByRole('region', { name: 'Not spoken yet' }))).toEqual(['Ben (offline)']);
  });

  it('[M3] closes the round with round.close, whoever has not spoken', async () => {
    const { send } = renderConsole(RoundScript.open().speak(ANA, 'Hi.'));
    await userEvent.click(screen.getByRole('button', { name: 'Close the round' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'round.close' });
    expect(await screen.findByText('The round is closed.')).toBeTruthy();
  });

  it('says when everyone present has spoken', () => {
    renderConsole(RoundScript.open().speak(ANA, 'A.').speak(BEN, 'B.').speak(CLEO, 'C.'));
    expect(screen.getByText('Everyone present has spoken.', { selector: '.hint' })).toBeTruthy();
  });

  it('shows the server’s refusal in words, not a silent failure', async () => {
    const send = fakeSend(refusal('not_allowed', 'This round is closed: what was said is on the record.'));
    renderConsole(RoundScript.open(), send);
    await userEvent.click(screen.getByRole('button', { name: 'Close the round' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This round is closed: what was said is on the record.',
    );
  });

  it('[M3] once closed: no close button, the close time, the entries and who did not speak', () => {
    renderConsole(RoundScript.open().speak(BEN, 'Good meeting.').close());
    expect(screen.queryByRole('button', { name: 'Close the round' })).toBeNull();
    expect(screen.getByText('Facilitating a round · Closed')).toBeTruthy();
    expect(screen.getByText(/^The round is closed \(.+\)\. What was said is on the record\.$/)).toBeTruthy();
    expect(rows(screen.getByRole('region', { name: 'What was said' }))).toEqual(['Ben: Good meeting.']);
    expect(rows(screen.getByRole('region', { name: 'Did not speak' }))).toEqual([
      'Ana (online)',
      'Cleo (offline)',
    ]);
  });

  it('[S12] the round console has the door: lock the meeting and remove someone', async () => {
    const script = RoundScript.open().speak(BEN, 'Here.');
    const send = fakeSend();
    renderRound(<RoundConsole view={script.view()} />, send, {
      role: 'facilitator',
      meeting: script.meeting(),
    });
    const people = screen.getByRole('region', { name: /People \(3 present\)/ });
    expect(within(people).getByText('1 of 3 spoke')).toBeTruthy();
    await userEvent.click(within(people).getByRole('button', { name: 'Lock the meeting' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'meeting.lock' });
    await userEvent.click(within(people).getByRole('button', { name: 'Remove Cleo' }));
    await userEvent.click(within(people).getByRole('button', { name: 'Yes, remove Cleo' }));
    expect(send.mock.calls[1]![0]).toMatchObject({ type: 'participant.remove', participantId: CLEO });
  });
});
