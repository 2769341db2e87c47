import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO } from '../test/meetingScript';
import { renderRound } from '../test/renderRound';
import { RoundScript } from '../test/roundScript';
import { RoundProjector } from './RoundProjector';

const renderProjector = (script: RoundScript) =>
  renderRound(<RoundProjector view={script.view()} online={{ [ANA]: true, [BEN]: true }} />, undefined, {
    role: 'facilitator',
  });

describe('projector: round', () => {
  it('[M3] shows the title, the code, the counts and every entry with its name, large', () => {
    renderProjector(RoundScript.open('Closing round').speak(CLEO, 'Well run.').speak(ANA, 'Too long.'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Closing round');
    expect(screen.getByText('3 present (2 connected) · 2 of 3 spoke')).toBeTruthy();
    expect(screen.getAllByText('ABC123').length).toBeGreaterThan(0);
    const said = screen.getByRole('region', { name: 'What was said' });
    const list = within(said).getByRole('list');
    expect(list.className).toContain('round-entries');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Cleo: Well run.', 'Ana: Too long.']);
    // The room's screen marks nobody's entry as its own.
    expect(screen.queryByText(/\(you\)/)).toBeNull();
  });

  it('[M3] before anyone speaks, and after the close', () => {
    const script = RoundScript.open();
    const { unmount } = renderProjector(script);
    expect(screen.getByText('Nobody has spoken yet.')).toBeTruthy();
    expect(screen.getByText('Each person says something once, in turn.')).toBeTruthy();
    unmount();
    renderProjector(script.speak(BEN, 'Good.').close());
    expect(screen.getByText('The round is closed.')).toBeTruthy();
    expect(screen.getByText('Good.')).toBeTruthy();
  });

  it('[M3] who left is no longer counted', () => {
    renderProjector(RoundScript.open().speak(BEN, 'Bye.').leave(BEN));
    expect(screen.getByText('2 present (1 connected) · 0 of 2 spoke')).toBeTruthy();
    // What Ben said before leaving stays on the screen.
    expect(screen.getByText('Bye.')).toBeTruthy();
  });
});
