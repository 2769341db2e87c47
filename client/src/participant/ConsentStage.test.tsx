import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, fakeSend, MeetingScript, refusal, uuidFor } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

const C4 =
  'An objection or a concern needs a reason: say what harm you see, or how the proposal could be better.';

describe('participant: consent stage', () => {
  it('sends final consent to the current version', async () => {
    const { send } = renderParticipant(MeetingScript.at('consent'), ANA);
    expect(screen.getByText('0 of 3 responded')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'I consent to version 1' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'response.give', kind: 'consent' });
    expect(await screen.findByText('Consent recorded.')).toBeTruthy();
  });

  it('shows who has consented, and my own consent', () => {
    const script = MeetingScript.at('consent').add({
      type: 'response.given',
      responseId: uuidFor(300),
      participantId: ANA,
      stage: 'consent',
      version: 1,
      sealed: false,
      kind: 'consent',
      by: ANA,
    });
    renderParticipant(script, ANA);
    expect(screen.getByText('You consented to version 1.')).toBeTruthy();
    expect(screen.getByText('1 of 3 responded')).toBeTruthy();
    expect(screen.getByText('Ana: consented')).toBeTruthy();
    expect(screen.getByText('Ben: not yet')).toBeTruthy();
  });

  it('[C4] a late objection needs a reason before it is sent', async () => {
    const { send } = renderParticipant(MeetingScript.at('consent'), BEN);
    await userEvent.click(screen.getByRole('button', { name: 'I see an objection' }));
    await userEvent.click(screen.getByRole('button', { name: 'Raise objection' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(C4);
  });

  it('sends a late objection with its reason', async () => {
    const { send } = renderParticipant(MeetingScript.at('consent'), BEN);
    await userEvent.click(screen.getByRole('button', { name: 'I see an objection' }));
    await userEvent.type(screen.getByLabelText(/Reason \(required\)/), 'Budget is gone.');
    await userEvent.click(screen.getByRole('button', { name: 'Raise objection' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'response.give',
      kind: 'objection',
      reason: 'Budget is gone.',
    });
  });

  it('shows the server refusal message', async () => {
    const send = fakeSend(
      refusal('wrong_stage', 'Responses are given during the objection and consent rounds.'),
    );
    renderParticipant(MeetingScript.at('consent'), ANA, send);
    await userEvent.click(screen.getByRole('button', { name: 'I consent to version 1' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Responses are given during the objection and consent rounds.',
    );
  });

  it('[C7] a "no objection" in the objection round carries over: one tap confirms, or object late', async () => {
    const script = MeetingScript.at('objections')
      .add({
        type: 'response.given',
        responseId: uuidFor(301),
        participantId: ANA,
        stage: 'objections',
        version: 1,
        sealed: true,
        kind: 'consent',
        by: ANA,
      })
      .add({
        type: 'responses.revealed',
        stage: 'objections',
        reactions: [],
        responses: [{ responseId: uuidFor(301), participantId: ANA, kind: 'consent' }],
        by: 'facilitator',
      })
      .move('objections', 'consent');
    const { send } = renderParticipant(script, ANA);
    expect(screen.getByText('You consented (carried over from the objection round).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'I consent to version 1' })).toBeNull();
    expect(screen.getByText('Ana: consented')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Raise a late objection' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'response.give', kind: 'consent' });
  });
});
