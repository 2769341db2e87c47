import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, fakeSend, MeetingScript } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { Projector } from './Projector';

const reacted = () =>
  MeetingScript.at('reactions').add({
    type: 'reaction.given',
    participantId: BEN,
    version: 1,
    sealed: true,
    text: 'Secret until revealed',
    by: BEN,
  });

function renderProjector(script: MeetingScript) {
  // The projector connects as the facilitator, so it receives everything.
  return renderWithMeeting(<Projector />, script.viewFor({ role: 'facilitator' }), fakeSend(), {
    role: 'facilitator',
    online: { [ANA]: true, [BEN]: true },
  });
}

describe('projector', () => {
  it('[C10] shows counts and the join code, never hidden reactions', () => {
    renderProjector(reacted());
    expect(screen.getByText(/3 present \(2 connected\) · 1 of 3 responded/)).toBeTruthy();
    expect(screen.getByText('ABC123')).toBeTruthy();
    expect(screen.getByText(/\/m\/ABC123/)).toBeTruthy();
    expect(screen.queryByText(/Secret until revealed/)).toBeNull();
  });

  it('shows reactions once revealed', () => {
    const script = reacted().add({
      type: 'responses.revealed',
      stage: 'reactions',
      reactions: [{ participantId: BEN, text: 'Secret until revealed' }],
      responses: [],
      by: 'facilitator',
    });
    renderProjector(script);
    expect(screen.getByText(/Secret until revealed/)).toBeTruthy();
  });
});
