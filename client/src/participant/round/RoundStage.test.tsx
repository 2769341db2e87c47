import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO, fakeSend, refusal } from '../../test/meetingScript';
import { renderRound } from '../../test/renderRound';
import { RoundScript } from '../../test/roundScript';
import { RoundStage } from './RoundStage';

const renderPhone = (script: RoundScript, me: string, send = fakeSend()) =>
  renderRound(<RoundStage view={script.view()} me={me} />, send);

describe('participant: round', () => {
  it('[M3] shows the round’s title, what it asks, the text field, and that nobody has spoken yet', () => {
    renderPhone(RoundScript.open('Opening round'), ANA);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Opening round');
    expect(screen.getByText(/Round · Ana/)).toBeTruthy();
    expect(screen.getByText(/Say something once, in turn/)).toBeTruthy();
    expect(screen.getByLabelText('What would you like to say?')).toBeTruthy();
    const said = screen.getByRole('region', { name: 'Said so far' });
    expect(within(said).getByText('Nobody has spoken yet.')).toBeTruthy();
  });

  it('[M3] sends round.speak with the text, shows it was recorded, and clears the field', async () => {
    const { send } = renderPhone(RoundScript.open(), ANA);
    await userEvent.type(screen.getByLabelText('What would you like to say?'), 'Glad to be here.');
    await userEvent.click(screen.getByRole('button', { name: 'Say it' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'round.speak', text: 'Glad to be here.' });
    expect(send.mock.calls[0]![0].commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await screen.findByText('Recorded: everyone sees it.')).getAttribute('role')).toBe('status');
    expect((screen.getByLabelText('What would you like to say?') as HTMLTextAreaElement).value).toBe('');
  });

  it('[M3] the entries so far with names, in the order spoken, my own marked', () => {
    renderPhone(RoundScript.open().speak(BEN, 'Tired but here.').speak(ANA, 'Happy.'), ANA);
    const items = within(screen.getByRole('region', { name: 'Said so far' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['Ben: Tired but here.', 'Ana (you): Happy.']);
    // Having spoken, the phone says a new turn replaces the old one.
    expect(screen.getByText(/Saying something again replaces what you said/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Say it instead' })).toBeTruthy();
  });

  it('refuses an empty text before sending, in words', async () => {
    const { send } = renderPhone(RoundScript.open(), ANA);
    await userEvent.click(screen.getByRole('button', { name: 'Say it' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('What you say must not be empty.');
  });

  it('shows the server’s refusal and keeps the text', async () => {
    const send = fakeSend(refusal('forbidden', 'You have left this meeting; join again to take part.'));
    renderPhone(RoundScript.open(), CLEO, send);
    await userEvent.type(screen.getByLabelText('What would you like to say?'), 'Late words');
    await userEvent.click(screen.getByRole('button', { name: 'Say it' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You have left this meeting; join again to take part.',
    );
    expect((screen.getByLabelText('What would you like to say?') as HTMLTextAreaElement).value).toBe(
      'Late words',
    );
  });

  it('[M3] after the close: “The round is closed” with the entries, and no field to speak', () => {
    renderPhone(RoundScript.open().speak(BEN, 'Good meeting.').speak(CLEO, 'Too long.').close(), CLEO);
    const closed = screen.getByRole('region', { name: 'The round is closed' });
    expect(
      within(closed)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ben: Good meeting.', 'Cleo (you): Too long.']);
    expect(screen.queryByLabelText('What would you like to say?')).toBeNull();
    expect(screen.queryByRole('button', { name: /Say it/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Leave meeting' })).toBeNull();
  });

  it('[M2] someone no longer present is told so, and cannot speak', () => {
    renderPhone(RoundScript.open().leave(BEN), BEN);
    expect(screen.getByRole('alert').textContent).toMatch(/no longer counted as present/);
    expect(screen.queryByLabelText('What would you like to say?')).toBeNull();
  });
});
