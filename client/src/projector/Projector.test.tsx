import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO, fakeSend, MeetingScript } from '../test/meetingScript';
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
  it('[C7] in consent, a no objection or concern carried over from the objection round counts as responded', () => {
    const s = MeetingScript.at('objections');
    const respond = (participantId: string, kind: 'consent' | 'concern', n: number) =>
      s.add({
        type: 'response.given',
        responseId: `00000000-0000-4000-8000-00000000c0${n}0`,
        participantId,
        stage: 'objections',
        version: 1,
        sealed: true,
        kind,
        ...(kind === 'concern' && { reason: 'Mondays are busy.' }),
        by: participantId,
      });
    respond(ANA, 'consent', 1);
    respond(BEN, 'concern', 2);
    // Consent is entered once the round is revealed (C6), so the screen sees the answers.
    s.add({
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [
        { responseId: '00000000-0000-4000-8000-00000000c010', participantId: ANA, kind: 'consent' },
        {
          responseId: '00000000-0000-4000-8000-00000000c020',
          participantId: BEN,
          kind: 'concern',
          reason: 'Mondays are busy.',
        },
      ],
      by: 'facilitator',
    });
    s.move('objections', 'consent');
    renderProjector(s);
    expect(screen.getByText(/3 present \(2 connected\) · 2 of 3 responded/)).toBeTruthy();
  });

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

  it('[O3] shows who has the floor and the hands raised, in order, during clarifying questions', () => {
    const script = MeetingScript.at('clarifying')
      .add({ type: 'hand.raised', participantId: CLEO, stage: 'clarifying', by: CLEO })
      .add({ type: 'hand.raised', participantId: ANA, stage: 'clarifying', by: ANA })
      .add({ type: 'hand.raised', participantId: BEN, stage: 'clarifying', by: BEN })
      .add({ type: 'hand.called', participantId: CLEO, stage: 'clarifying', by: 'facilitator' });
    renderProjector(script);
    const queue = screen.getByRole('region', { name: 'Speaking queue' });
    expect(within(queue).getByTestId('projected-floor').textContent).toBe('Has the floor: Cleo');
    const hands = within(queue).getByRole('list', { name: 'Hands raised' });
    expect(
      within(hands)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ana', 'Ben']);
  });

  it('[O3] shows no queue outside clarifying and objections, nor before anyone raises a hand', () => {
    renderProjector(MeetingScript.at('clarifying'));
    expect(screen.queryByRole('region', { name: 'Speaking queue' })).toBeNull();
    renderProjector(reacted());
    expect(screen.queryByRole('region', { name: 'Speaking queue' })).toBeNull();
  });

  it('[O1] shows who reacts now and next when the reactions round is in turn', () => {
    renderProjector(
      MeetingScript.at('reactions').add({
        type: 'round.ordered',
        order: [BEN, ANA, CLEO],
        shuffled: false,
        by: 'facilitator',
      }),
    );
    expect(screen.getByTestId('turn-line').textContent).toBe('Speaking now: Ben · Next: Ana');
  });
});

describe('the join QR code', () => {
  it('[S8] on a screen opened by a loopback address, the join link uses the address the join ack gave', () => {
    // jsdom's page is http://localhost:3000: no phone reaches it.
    renderWithMeeting(
      <Projector />,
      MeetingScript.at('proposal').viewFor({ role: 'facilitator' }),
      fakeSend(),
      { role: 'screen', joinOrigins: ['http://192.0.2.10:3000'] },
    );
    expect(screen.getByText(/^192\.0\.2\.10:3000\/m\//)).toBeTruthy();
  });

  it('[S8] without such an address, the join link is the page’s own', () => {
    renderWithMeeting(
      <Projector />,
      MeetingScript.at('proposal').viewFor({ role: 'facilitator' }),
      fakeSend(),
      {
        role: 'screen',
      },
    );
    expect(screen.getByText(new RegExp(`^${window.location.host}/m/`))).toBeTruthy();
  });
});
