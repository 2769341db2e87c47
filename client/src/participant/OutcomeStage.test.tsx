import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ANA, MeetingScript } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

describe('participant: outcome', () => {
  it('[C9] shows the result with its review date and links to the minutes, with no actions', () => {
    const script = MeetingScript.at('consent').add({
      type: 'outcome.recorded',
      outcome: 'adopted',
      version: 1,
      reviewDate: '2025-07-15',
      note: 'Start next week',
      by: 'facilitator',
    });
    renderParticipant(script, ANA);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Outcome');
    expect(screen.getByRole('heading', { name: 'Adopted: Plant care' })).toBeTruthy();
    expect(screen.getByText(/Review by/).textContent).toContain('2025');
    expect(screen.getByText('Note: Start next week')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the minutes' }).getAttribute('href')).toBe(
      '/m/ABC123/minutes',
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('shows a deferral', () => {
    const script = MeetingScript.at('reactions').add({
      type: 'outcome.recorded',
      outcome: 'deferred',
      version: 1,
      by: 'facilitator',
    });
    renderParticipant(script, ANA);
    expect(screen.getByRole('heading', { name: 'Deferred: Plant care' })).toBeTruthy();
    expect(screen.queryByText(/Review by/)).toBeNull();
  });
});
