import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, fakeSend, MeetingScript, refusal, uuidFor } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

describe('participant: clarifying stage', () => {
  const script = () =>
    MeetingScript.at('clarifying')
      .add({
        type: 'question.asked',
        questionId: uuidFor(100),
        participantId: BEN,
        text: 'Which plants?',
        version: 1,
        by: BEN,
      })
      .add({ type: 'question.answered', questionId: uuidFor(100), text: 'All of them.', by: 'facilitator' });

  it('shows the proposal, the questions and their answers', () => {
    renderParticipant(script(), ANA);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Clarifying questions');
    expect(screen.getByRole('heading', { name: 'Plant care' })).toBeTruthy();
    expect(screen.getByText(/version 1/)).toBeTruthy();
    const questions = screen.getByRole('region', { name: /Questions \(1\)/ });
    expect(within(questions).getByText(/Which plants\?/)).toBeTruthy();
    expect(within(questions).getByText('Answer: All of them.')).toBeTruthy();
  });

  it('sends question.ask with the text and shows it was recorded', async () => {
    const { send } = renderParticipant(script(), ANA);
    await userEvent.type(screen.getByLabelText('Your clarifying question'), 'How often?');
    await userEvent.click(screen.getByRole('button', { name: 'Ask question' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'question.ask', text: 'How often?' });
    expect(send.mock.calls[0]![0].commandId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await screen.findByText('Question recorded.')).getAttribute('role')).toBe('status');
    expect((screen.getByLabelText('Your clarifying question') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows the refusal message from the server and keeps the text', async () => {
    const send = fakeSend(refusal('wrong_stage', 'Questions are asked during clarifying questions.'));
    renderParticipant(script(), ANA, send);
    await userEvent.type(screen.getByLabelText('Your clarifying question'), 'Late question');
    await userEvent.click(screen.getByRole('button', { name: 'Ask question' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Questions are asked during clarifying questions.',
    );
    expect((screen.getByLabelText('Your clarifying question') as HTMLTextAreaElement).value).toBe(
      'Late question',
    );
  });

  it('refuses an empty question before sending', async () => {
    const { send } = renderParticipant(script(), ANA);
    await userEvent.click(screen.getByRole('button', { name: 'Ask question' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('The question must not be empty.');
  });
});
