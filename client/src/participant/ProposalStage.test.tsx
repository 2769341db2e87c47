import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, MeetingScript } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

describe('participant: proposal stage', () => {
  it('says there is nothing to do yet and offers no submission', () => {
    const script = new MeetingScript().join(ANA, 'Ana').join(BEN, 'Ben');
    renderParticipant(script, ANA);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Proposal');
    expect(screen.getByText(/preparing the proposal/i)).toBeTruthy();
    expect(screen.getByText('No proposal written yet.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /ask|reaction|consent/i })).toBeNull();
  });

  it('shows the draft once the facilitator has written it', () => {
    const script = new MeetingScript().join(ANA, 'Ana').propose('Dry soil.', 'Water on Mondays.');
    renderParticipant(script, ANA);
    expect(screen.getByText(/Draft proposal · version 1/)).toBeTruthy();
    expect(screen.getByText('Dry soil.')).toBeTruthy();
    expect(screen.getByText('Water on Mondays.')).toBeTruthy();
  });

  it('tells a participant who was marked absent, instead of offering actions', () => {
    const script = MeetingScript.at('clarifying').add({
      type: 'participant.left',
      participantId: ANA,
      reason: 'marked_absent',
      by: 'facilitator',
    });
    renderParticipant(script, ANA);
    expect(screen.getByRole('alert').textContent).toMatch(/no longer counted as present/);
    expect(screen.queryByLabelText(/clarifying question/i)).toBeNull();
  });
});
