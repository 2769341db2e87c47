import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../lib/names';
import { ANA, BEN, CLEO } from '../test/meetingScript';
import { RoundScript } from '../test/roundScript';
import { RoundMinutes } from './RoundMinutes';

describe('round minutes', () => {
  it('[R1][M3] the round’s section: each entry with name and time, who did not speak, when it closed', () => {
    // Seqs: 1 created, 2–4 joins, 5 Ben, 6 Ana, 7 Ben again, 8 closed.
    const script = RoundScript.open('Check-in')
      .speak(BEN, 'Tired.')
      .speak(ANA, 'Glad to be here.')
      .speak(BEN, 'Tired, but curious.')
      .close();
    render(<RoundMinutes view={script.view()} />);
    const section = screen.getByRole('region', { name: 'Check-in' });
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      `${formatTime(RoundScript.at(7))} “Ben”: Tired, but curious.`,
      `${formatTime(RoundScript.at(6))} “Ana”: Glad to be here.`,
    ]);
    expect(items[0]!.querySelector('time')!.getAttribute('dateTime')).toBe(
      new Date(RoundScript.at(7)).toISOString(),
    );
    expect(within(section).getByText('Did not speak: Cleo')).toBeTruthy();
    expect(section.textContent).toContain(`Closed at ${formatTime(RoundScript.at(8))}.`);
  });

  it('[R1] an open round, nobody has spoken', () => {
    render(<RoundMinutes view={RoundScript.open('Closing round').leave(CLEO).view()} />);
    const section = screen.getByRole('region', { name: 'Closing round' });
    expect(within(section).getByText('Nobody spoke.')).toBeTruthy();
    expect(within(section).getByText('Did not speak: Ana, Ben')).toBeTruthy();
    expect(within(section).getByText('The round is still open.')).toBeTruthy();
  });

  it('two rounds on one page each have their own section', () => {
    render(
      <>
        <RoundMinutes view={RoundScript.open('Opening round').close().view()} />
        <RoundMinutes view={RoundScript.open('Closing round').close().view()} />
      </>,
    );
    expect(screen.getByRole('region', { name: 'Opening round' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Closing round' })).toBeTruthy();
  });
});
