import { defaultReviewDate } from '@circlewise/shared/dates';
import { canEnterConsent } from '@circlewise/shared/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO, fakeSend, MeetingScript, refusal, uuidFor } from '../test/meetingScript';
import { agendaOf, renderWithMeeting } from '../test/renderMeeting';
import { Console } from './Console';

function renderConsole(script: MeetingScript, send = fakeSend()) {
  const view = script.viewFor({ role: 'facilitator' });
  return {
    send,
    ...renderWithMeeting(<Console />, view, send, { role: 'facilitator', online: { [ANA]: true } }),
  };
}

/** At consent, everyone present having consented: the outcome can be recorded. */
function everyoneConsented(): MeetingScript {
  const script = MeetingScript.at('consent');
  [ANA, BEN, CLEO].forEach((who, i) => {
    script.add({
      type: 'response.given',
      responseId: uuidFor(600 + i),
      participantId: who,
      stage: 'consent',
      version: 1,
      sealed: false,
      kind: 'consent',
      by: who,
    });
  });
  return script;
}

const objectionBy = (script: MeetingScript, who: string, n: number) =>
  script.add({
    type: 'response.given',
    responseId: uuidFor(n),
    participantId: who,
    stage: 'objections',
    version: 1,
    sealed: true,
    kind: 'objection',
    reason: `Reason ${n}`,
    by: who,
  });

describe('facilitator console', () => {
  it('[C1] explains why the proposal cannot be presented yet', () => {
    renderConsole(new MeetingScript().join(ANA, 'Ana'));
    const present = screen.getByRole('button', { name: /Present the proposal/ }) as HTMLButtonElement;
    expect(present.disabled).toBe(true);
    expect(screen.getByText('Write the driver and the proposal before presenting it.')).toBeTruthy();
  });

  it('saves the proposal with proposal.edit and presents it with stage.advance from proposal', async () => {
    const { send } = renderConsole(MeetingScript.at('proposal'));
    await userEvent.clear(screen.getByLabelText('Proposal'));
    await userEvent.type(screen.getByLabelText('Proposal'), 'Water weekly.');
    await userEvent.click(screen.getByRole('button', { name: 'Save proposal' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'proposal.edit',
      title: 'Plant care',
      driver: 'The plants are dying.',
      text: 'Water weekly.',
    });
    await userEvent.click(screen.getByRole('button', { name: /Present the proposal/ }));
    expect(send.mock.calls[1]![0]).toMatchObject({ type: 'stage.advance', from: 'proposal' });
  });

  it('shows who is online and who responded, and marks someone absent', async () => {
    const script = MeetingScript.at('reactions').add({
      type: 'reaction.given',
      participantId: BEN,
      version: 1,
      sealed: true,
      text: 'Good',
      by: BEN,
    });
    const { send } = renderConsole(script);
    const people = screen.getByRole('region', { name: /People \(3 present\)/ });
    expect(within(people).getByText('1 of 3 responded')).toBeTruthy();
    expect(within(people).getByText('(online)')).toBeTruthy();
    // The facilitator sees hidden reactions (A6).
    expect(screen.getByRole('region', { name: /Reactions \(hidden/ }).textContent).toContain('Good');
    await userEvent.click(within(people).getByRole('button', { name: 'Mark Cleo absent' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'participant.markAbsent', participantId: CLEO });
  });

  it('reveals hidden responses', async () => {
    const { send } = renderConsole(objectionBy(MeetingScript.at('objections'), BEN, 500));
    await userEvent.click(screen.getByRole('button', { name: 'Reveal responses' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'responses.reveal' });
  });

  it('[C6] refuses to enter consent while responses are hidden, with the shared rule’s message', () => {
    const script = objectionBy(MeetingScript.at('objections'), BEN, 500);
    renderConsole(script);
    const refusal = canEnterConsent(script.viewFor({ role: 'facilitator' }));
    expect(refusal).not.toBeNull();
    expect(screen.getByText(refusal!.message)).toBeTruthy();
    expect((screen.getByRole('button', { name: /Go to Consent/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('tests an objection and amends the proposal to resolve it', async () => {
    const script = objectionBy(MeetingScript.at('objections'), BEN, 500).add({
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [{ responseId: uuidFor(500), participantId: BEN, kind: 'objection', reason: 'Reason 500' }],
      by: 'facilitator',
    });
    const { send } = renderConsole(script);
    expect(screen.getByText(/An objection is still open \(Ben\)/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Qualifies as objection' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'objection.test',
      objectionId: uuidFor(500),
      verdict: 'qualifies',
    });
    await userEvent.clear(screen.getByLabelText('Proposal'));
    await userEvent.type(screen.getByLabelText('Proposal'), 'Cleo waters in March.');
    await userEvent.click(screen.getByRole('checkbox', { name: /Ben: Reason 500/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Amend: make version 2' }));
    expect(send.mock.calls[1]![0]).toMatchObject({
      type: 'proposal.amend',
      text: 'Cleo waters in March.',
      resolves: [uuidFor(500)],
    });
    expect(send.mock.calls[1]![0]).not.toHaveProperty('driver');
  });

  it('shows what an amendment changed', () => {
    const script = MeetingScript.at('reactions').add({
      type: 'proposal.amended',
      version: 2,
      driver: 'The plants are dying.',
      text: 'Cleo waters the plants every Monday.',
      resolves: [],
      by: 'facilitator',
    });
    const { container } = renderConsole(script);
    expect(screen.getByRole('heading', { name: 'Changes in version 2' })).toBeTruthy();
    expect(container.querySelector('.diff del')?.textContent).toBe('Ben ');
    expect(container.querySelector('.diff ins')?.textContent).toBe('Cleo ');
  });

  it('[C7] cannot adopt until everyone consented, and says who is missing', async () => {
    const { send } = renderConsole(MeetingScript.at('consent'));
    const adopt = screen.getByRole('button', { name: 'Record: Adopted' }) as HTMLButtonElement;
    expect(adopt.disabled).toBe(true);
    expect(screen.getByText('Still waiting for consent to version 1 from Ana, Ben, Cleo.')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'Deferred' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record: Deferred' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'outcome.record', outcome: 'deferred' });
    expect(send.mock.calls[0]![0]).not.toHaveProperty('reviewDate');
  });

  it('[C9] adopts with a review date defaulting to six months ahead', async () => {
    const { send } = renderConsole(everyoneConsented());
    expect((screen.getByLabelText('Review date') as HTMLInputElement).value).toBe(
      defaultReviewDate(Date.now()),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record: Adopted' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'outcome.record',
      outcome: 'adopted',
      reviewDate: defaultReviewDate(Date.now()),
    });
    // R3: the optional fields left empty are not sent.
    expect(send.mock.calls[0]![0]).not.toHaveProperty('responsible');
    expect(send.mock.calls[0]![0]).not.toHaveProperty('evaluation');
  });

  it('[R3] adopts with who is responsible and the evaluation criteria, asked only for Adopted', async () => {
    const { send } = renderConsole(everyoneConsented());
    const responsible = 'Who is responsible? (optional)';
    const evaluation = 'How will we know it works? Evaluation criteria (optional)';
    await userEvent.type(screen.getByLabelText(responsible), 'Ben');
    await userEvent.type(screen.getByLabelText(evaluation), 'Every plant alive in June.');
    // Not asked for another outcome; back to Adopted, what was typed is still there.
    await userEvent.click(screen.getByRole('radio', { name: 'Deferred' }));
    expect(screen.queryByLabelText(responsible)).toBeNull();
    expect(screen.queryByLabelText(evaluation)).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Adopted' }));
    expect((screen.getByLabelText(responsible) as HTMLInputElement).value).toBe('Ben');
    await userEvent.click(screen.getByRole('button', { name: 'Record: Adopted' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'outcome.record',
      outcome: 'adopted',
      responsible: 'Ben',
      evaluation: 'Every plant alive in June.',
    });
  });

  it('[R3] left empty, or with another outcome, they are not sent', async () => {
    const { send } = renderConsole(MeetingScript.at('consent'));
    await userEvent.type(screen.getByLabelText('Who is responsible? (optional)'), 'Ben');
    await userEvent.click(screen.getByRole('radio', { name: 'Withdrawn' }));
    await userEvent.click(screen.getByRole('button', { name: 'Record: Withdrawn' }));
    const sent = send.mock.calls[0]![0];
    expect(sent).toMatchObject({ type: 'outcome.record', outcome: 'withdrawn' });
    expect(sent).not.toHaveProperty('responsible');
    expect(sent).not.toHaveProperty('evaluation');
  });

  it('[C9][R3] in a circle meeting the review date defaults to the circle’s period', () => {
    const script = MeetingScript.at('consent');
    const view = script.viewFor({ role: 'facilitator' });
    renderWithMeeting(<Console />, view, fakeSend(), {
      role: 'facilitator',
      meeting: { ...agendaOf(view), circleId: 'circle', reviewMonths: 3 },
    });
    // Three months, the circle's, not the default six (dates.test.ts checks the arithmetic).
    expect((screen.getByLabelText('Review date') as HTMLInputElement).value).toBe(
      defaultReviewDate(Date.now(), 3),
    );
  });

  it('[M4] after a hand-over the key holder’s controls are disabled, and taking it back is not', () => {
    const view = MeetingScript.at('proposal').viewFor({ role: 'facilitator' });
    renderWithMeeting(<Console />, view, fakeSend(), {
      role: 'facilitator',
      meeting: { ...agendaOf(view), facilitatorId: ANA },
    });
    expect(screen.getByText(/facilitates now/, { selector: '.callout' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save proposal' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Add to the agenda' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Take facilitation back' }).matches(':disabled')).toBe(false);
  });

  it('shows a refused stage move in words', async () => {
    const send = fakeSend(refusal('not_allowed', 'The meeting has already moved on to Reactions.'));
    renderConsole(MeetingScript.at('clarifying'), send);
    await userEvent.click(screen.getByRole('button', { name: /Go to Reactions/ }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'stage.advance', from: 'clarifying' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The meeting has already moved on to Reactions.',
    );
  });

  it('answers a question', async () => {
    const script = MeetingScript.at('clarifying').add({
      type: 'question.asked',
      questionId: uuidFor(700),
      participantId: ANA,
      text: 'Which plants?',
      version: 1,
      by: ANA,
    });
    const { send } = renderConsole(script);
    await userEvent.type(screen.getByLabelText('Answer'), 'All of them.');
    await userEvent.click(screen.getByRole('button', { name: 'Record answer' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'question.answer',
      questionId: uuidFor(700),
      text: 'All of them.',
    });
  });
});
