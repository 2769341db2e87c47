import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO, fakeSend, MeetingScript, refusal, uuidFor } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

const C4 =
  'An objection or a concern needs a reason: say what harm you see, or how the proposal could be better.';
const BEN_OBJECTION = uuidFor(200);

const withBensObjection = () =>
  MeetingScript.at('objections').add({
    type: 'response.given',
    responseId: BEN_OBJECTION,
    participantId: BEN,
    stage: 'objections',
    version: 1,
    sealed: true,
    kind: 'objection',
    reason: 'Ben is away in March.',
    by: BEN,
  });

const revealed = () =>
  withBensObjection().add({
    type: 'responses.revealed',
    stage: 'objections',
    reactions: [],
    responses: [
      { responseId: BEN_OBJECTION, participantId: BEN, kind: 'objection', reason: 'Ben is away in March.' },
    ],
    by: 'facilitator',
  });

describe('participant: objections stage', () => {
  it('sends a consent without a reason', async () => {
    const { send } = renderParticipant(MeetingScript.at('objections'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'No objection (consent)' }));
    expect(screen.queryByLabelText(/Reason/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Send response' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'response.give', kind: 'consent' });
    expect(send.mock.calls[0]![0]).not.toHaveProperty('reason');
    expect(await screen.findByText('Response recorded.')).toBeTruthy();
  });

  it('[C4] an objection without a reason is refused before sending, with the message', async () => {
    const { send } = renderParticipant(MeetingScript.at('objections'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'Objection' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send response' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(C4);
  });

  it('[C4] a concern with only spaces as its reason is refused too', async () => {
    const { send } = renderParticipant(MeetingScript.at('objections'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'Concern' }));
    await userEvent.type(screen.getByLabelText(/Reason \(required\)/), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Send response' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(C4);
  });

  it('sends an objection with its reason', async () => {
    const { send } = renderParticipant(MeetingScript.at('objections'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'Objection' }));
    await userEvent.type(screen.getByLabelText(/Reason \(required\)/), 'It floods the floor.');
    await userEvent.click(screen.getByRole('button', { name: 'Send response' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'response.give',
      kind: 'objection',
      reason: 'It floods the floor.',
    });
  });

  it('shows the server refusal message', async () => {
    const send = fakeSend(refusal('not_allowed', 'Your concern is recorded: object if you now see harm.'));
    renderParticipant(MeetingScript.at('objections'), ANA, send);
    await userEvent.click(screen.getByRole('radio', { name: 'No objection (consent)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send response' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your concern is recorded: object if you now see harm.',
    );
  });

  it('[C10] hides what others answered before the reveal', () => {
    renderParticipant(withBensObjection(), ANA);
    const responses = screen.getByRole('region', { name: 'Responses' });
    expect(within(responses).getByText('1 of 3 responded')).toBeTruthy();
    expect(within(responses).getByText('responded')).toBeTruthy();
    expect(screen.queryByText(/away in March/)).toBeNull();
  });

  it('after the reveal, shows objections and their status; the author may withdraw', async () => {
    const { send } = renderParticipant(revealed(), BEN);
    const objections = screen.getByRole('region', { name: 'Objections' });
    expect(within(objections).getByText(/away in March/)).toBeTruthy();
    expect(within(objections).getByText('Raised, waiting to be tested')).toBeTruthy();
    await userEvent.click(within(objections).getByRole('button', { name: 'Withdraw my objection' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'objection.withdraw', objectionId: BEN_OBJECTION });
  });

  it('does not offer withdrawing someone else’s objection', () => {
    renderParticipant(revealed(), CLEO);
    const objections = screen.getByRole('region', { name: 'Objections' });
    expect(within(objections).getByText(/away in March/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Withdraw/ })).toBeNull();
  });

  it('[C8] shows an objection resolved by a named version', () => {
    const script = revealed()
      .add({ type: 'objection.tested', objectionId: BEN_OBJECTION, verdict: 'qualifies', by: 'facilitator' })
      .add({
        type: 'proposal.amended',
        version: 2,
        driver: 'The plants are dying.',
        text: 'Cleo waters the plants in March.',
        resolves: [BEN_OBJECTION],
        by: 'facilitator',
      });
    renderParticipant(script, CLEO);
    expect(screen.getByText('Resolved by version 2')).toBeTruthy();
    expect(screen.getByText(/version 2/, { selector: '.eyebrow' })).toBeTruthy();
    // C5: the round starts again on the new version, so Cleo is asked again.
    expect(screen.getByRole('button', { name: 'Send response' })).toBeTruthy();
  });
});
