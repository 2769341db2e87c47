import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Console } from '../facilitator/Console';
import { ANA, BEN, CLEO, fakeSend, MeetingScript } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { renderParticipant } from '../test/renderParticipant';

const raised = (who: string) => ({
  type: 'hand.raised' as const,
  participantId: who,
  stage: 'clarifying' as const,
  by: who,
});

describe('O3 the speaking queue on the phone and the console', () => {
  it('[O3] the phone raises a hand in clarifying questions', async () => {
    const { send } = renderParticipant(MeetingScript.at('clarifying'), ANA);
    expect(screen.getByTestId('queue-place').textContent).toBe(
      'Nobody is waiting to speak. Raise your hand to speak next.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Raise hand' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'hand.raise' });
  });

  it('[O3] with the hand up, the phone shows its place in the queue and Lower hand', async () => {
    const script = MeetingScript.at('clarifying').add(raised(BEN)).add(raised(ANA));
    const { send } = renderParticipant(script, ANA);
    expect(screen.getByTestId('queue-place').textContent).toBe(
      'Your hand is up: you are number 2 of 2 in the queue.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Lower hand' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'hand.lower' });
  });

  it('[O3] the phone offers the queue in the objections stage too, and not in reactions', () => {
    renderParticipant(MeetingScript.at('objections'), ANA);
    expect(screen.getByRole('button', { name: 'Raise hand' })).toBeTruthy();
    screen.getByRole('button', { name: 'Raise hand' }).closest('section')?.remove();
    renderParticipant(MeetingScript.at('reactions'), BEN);
    expect(screen.queryByRole('button', { name: 'Raise hand' })).toBeNull();
  });

  it('[O3] the console lists the queue in order and calls the next speaker', async () => {
    const send = fakeSend();
    const script = MeetingScript.at('clarifying').add(raised(CLEO)).add(raised(ANA));
    renderWithMeeting(<Console />, script.viewFor({ role: 'facilitator' }), send, { role: 'facilitator' });
    const queue = screen.getByRole('region', { name: /Speaking queue/ });
    expect(
      within(queue)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.person-name')?.textContent),
    ).toEqual(['Cleo', 'Ana']);
    await userEvent.click(within(queue).getByRole('button', { name: 'Call next: Cleo' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'hand.call', participantId: CLEO });
  });

  it('[O3] with no hand up, Call next waits', () => {
    renderWithMeeting(
      <Console />,
      MeetingScript.at('clarifying').viewFor({ role: 'facilitator' }),
      fakeSend(),
      {
        role: 'facilitator',
      },
    );
    const queue = screen.getByRole('region', { name: /Speaking queue/ });
    expect(within(queue).getByText('No hand is up.')).toBeTruthy();
    expect((within(queue).getByRole('button', { name: 'Call next' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
