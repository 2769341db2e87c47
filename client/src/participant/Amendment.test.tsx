import { FACILITATOR } from '@circlewise/shared/events';
import { reduceMeeting } from '@circlewise/shared/meeting';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { withMeeting } from '../store/meetingStore';
import { ANA, BEN, MeetingScript, uuidFor } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

/** Ana's concern on version 1, Ben's consent, revealed; then version 2 changes one word. */
function amended() {
  const script = MeetingScript.at('objections')
    .add({
      type: 'response.given',
      responseId: uuidFor(401),
      participantId: ANA,
      stage: 'objections',
      version: 1,
      sealed: true,
      kind: 'concern',
      reason: 'Mondays are busy.',
      by: ANA,
    })
    .add({
      type: 'response.given',
      responseId: uuidFor(402),
      participantId: BEN,
      stage: 'objections',
      version: 1,
      sealed: true,
      kind: 'consent',
      by: BEN,
    })
    .add({
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [
        { responseId: uuidFor(401), participantId: ANA, kind: 'concern', reason: 'Mondays are busy.' },
        { responseId: uuidFor(402), participantId: BEN, kind: 'consent' },
      ],
      by: FACILITATOR,
    });
  const n = script.events.length;
  script.add({
    type: 'proposal.amended',
    version: 2,
    driver: 'The plants are dying.',
    text: 'Ben waters the plants every Tuesday.',
    resolves: [],
    by: FACILITATOR,
  });
  return { script, n };
}

describe('phones: an amendment shows what changed and keeps my answer [C5]', () => {
  it('[C5] the proposal marks the words the amendment removed and added', () => {
    const { script } = amended();
    const { container } = renderParticipant(script, ANA);
    expect(screen.getByText(/Changed since version 1/)).toBeTruthy();
    expect([...container.querySelectorAll('.proposal .prose del')].map((d) => d.textContent?.trim())).toEqual(
      ['Monday.'],
    );
    expect(
      [...container.querySelectorAll('.proposal .prose ins')].map((d) => d.textContent?.trim()),
    ).toContain('Tuesday.');
  });

  it('[C5] asked again, my answer to the version before is filled in, ready to confirm', async () => {
    const { script } = amended();
    const { send } = renderParticipant(script, ANA);
    expect(screen.getByText(/Your answer to version 1 is filled in/)).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Concern' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Reason \(required\)/) as HTMLTextAreaElement).value).toBe(
      'Mondays are busy.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send response' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'response.give',
      kind: 'concern',
      reason: 'Mondays are busy.',
    });
  });

  it('[C5] a "no objection" before is filled in too, and can be changed', async () => {
    const { script } = amended();
    const { send } = renderParticipant(script, BEN);
    expect((screen.getByRole('radio', { name: 'No objection (consent)' }) as HTMLInputElement).checked).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Objection' }));
    await userEvent.type(screen.getByLabelText(/Reason \(required\)/), 'Tuesday is my day off.');
    await userEvent.click(screen.getByRole('button', { name: 'Send response' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ kind: 'objection', reason: 'Tuesday is my day off.' });
  });

  it('[C5] the amendment is announced to screen readers', () => {
    const { script, n } = amended();
    const before = new MeetingScript();
    before.events.splice(0, before.events.length, ...script.events.slice(0, n));
    const { store } = renderParticipant(before, ANA);
    const live = screen
      .getAllByRole('status')
      .find((el) => el.getAttribute('aria-live') === 'polite' && el.textContent === '');
    expect(live).toBeTruthy();
    act(() => {
      store.setState((s) => withMeeting(s, reduceMeeting(s.meeting!, script.events[n]!)));
    });
    expect(live!.textContent).toBe(
      'The proposal was amended: this is version 2. What changed since version 1 is marked.',
    );
  });
});
