import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO, fakeSend, MeetingScript, refusal } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

const withBensReaction = () =>
  MeetingScript.at('reactions').add({
    type: 'reaction.given',
    participantId: BEN,
    version: 1,
    sealed: true,
    text: 'Love it',
    gesture: 'up',
    by: BEN,
  });

describe('participant: reactions stage', () => {
  it('[C10] shows that others responded, without what they said, until revealed', () => {
    renderParticipant(withBensReaction(), ANA);
    const reactions = screen.getByRole('region', { name: 'Reactions' });
    expect(within(reactions).getByText('1 of 3 responded')).toBeTruthy();
    expect(within(reactions).getByText('Ben')).toBeTruthy();
    expect(within(reactions).getByText('responded')).toBeTruthy();
    expect(screen.queryByText(/Love it/)).toBeNull();
  });

  it('shows reactions once the facilitator reveals them', () => {
    const script = withBensReaction().add({
      type: 'responses.revealed',
      stage: 'reactions',
      reactions: [{ participantId: BEN, text: 'Love it', gesture: 'up' }],
      responses: [],
      by: 'facilitator',
    });
    renderParticipant(script, CLEO);
    expect(screen.getByText(/Love it/)).toBeTruthy();
    const reactions = screen.getByRole('region', { name: 'Reactions' });
    expect(within(reactions).getByText(/Thumbs up/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('sends reaction.give with text and gesture', async () => {
    const { send } = renderParticipant(MeetingScript.at('reactions'), ANA);
    await userEvent.type(screen.getByLabelText('Your reaction'), 'Fine by me');
    await userEvent.click(screen.getByRole('radio', { name: /Thumbs sideways/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Give reaction' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'reaction.give',
      text: 'Fine by me',
      gesture: 'sideways',
    });
    expect(await screen.findByText('Reaction recorded.')).toBeTruthy();
  });

  it('sends no gesture when none is chosen', async () => {
    const { send } = renderParticipant(MeetingScript.at('reactions'), ANA);
    await userEvent.type(screen.getByLabelText('Your reaction'), 'Hmm');
    await userEvent.click(screen.getByRole('button', { name: 'Give reaction' }));
    expect(send.mock.calls[0]![0]).not.toHaveProperty('gesture');
  });

  it('shows my own reaction instead of the form once the server recorded it', () => {
    const script = MeetingScript.at('reactions').add({
      type: 'reaction.given',
      participantId: ANA,
      version: 1,
      sealed: true,
      text: 'Mine',
      by: ANA,
    });
    renderParticipant(script, ANA);
    expect(screen.getByRole('region', { name: 'Your reaction' }).textContent).toContain('Mine');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('shows the refusal message', async () => {
    const send = fakeSend(refusal('wrong_stage', 'Reactions are given during the reactions round.'));
    renderParticipant(MeetingScript.at('reactions'), ANA, send);
    await userEvent.type(screen.getByLabelText('Your reaction'), 'Too late');
    await userEvent.click(screen.getByRole('button', { name: 'Give reaction' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Reactions are given during the reactions round.',
    );
  });

  it('shows the thumbs as a tally once revealed, drawn without an emoji font', () => {
    const script = withBensReaction()
      .add({
        type: 'reaction.given',
        participantId: CLEO,
        version: 1,
        sealed: true,
        text: 'Yes',
        gesture: 'up',
        by: CLEO,
      })
      .add({
        type: 'reaction.given',
        participantId: ANA,
        version: 1,
        sealed: true,
        text: 'Hm',
        gesture: 'down',
        by: ANA,
      })
      .add({
        type: 'responses.revealed',
        stage: 'reactions',
        reactions: [
          { participantId: BEN, text: 'Love it', gesture: 'up' },
          { participantId: CLEO, text: 'Yes', gesture: 'up' },
          { participantId: ANA, text: 'Hm', gesture: 'down' },
        ],
        responses: [],
        by: 'facilitator',
      });
    const { container } = renderParticipant(script, CLEO);
    const tally = screen.getByRole('region', { name: 'Thumbs' });
    expect([...tally.querySelectorAll('li')].map((li) => li.textContent?.trim())).toEqual([
      'Thumbs up: 2',
      'Thumbs sideways: 0',
      'Thumbs down: 1',
    ]);
    // Icons are inline SVG: no emoji anywhere on the page.
    expect(container.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(tally.querySelectorAll('svg[aria-hidden="true"]')).toHaveLength(3);
  });

  it('draws the gesture choices without an emoji font', () => {
    const { container } = renderParticipant(MeetingScript.at('reactions'), ANA);
    expect(container.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(
      screen
        .getByRole('radio', { name: /Thumbs up/ })
        .closest('label')
        ?.querySelector('svg'),
    ).toBeTruthy();
  });

  it('[O1] reactions in turn: the phone says whose turn it is, and offers no form out of turn', () => {
    const script = MeetingScript.at('reactions').add({
      type: 'round.ordered',
      order: [BEN, CLEO, ANA],
      shuffled: false,
      by: 'facilitator',
    });
    renderParticipant(script, ANA);
    expect(screen.getByTestId('turn-line').textContent).toBe('Speaking now: Ben · Next: Cleo');
    expect(screen.getByTestId('wait-turn').textContent).toBe('It is Ben’s turn; yours comes after Cleo.');
    expect(screen.queryByRole('button', { name: 'Give reaction' })).toBeNull();
  });

  it('[O2] on its own turn the phone says Your turn and sends round.pass', async () => {
    const script = MeetingScript.at('reactions').add({
      type: 'round.ordered',
      order: [BEN, CLEO, ANA],
      shuffled: false,
      by: 'facilitator',
    });
    const { send } = renderParticipant(script, BEN);
    expect(screen.getByText('Your turn')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Give reaction' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Pass' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'round.pass' });
  });
});
