import { FACILITATOR } from '@circlewise/shared/events';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ElectionScript } from '../../test/electionScript';
import { ANA, BEN, CLEO, fakeSend, refusal } from '../../test/meetingScript';
import { renderParticipant } from '../../test/renderParticipant';

const sendButton = () => screen.getByRole('button', { name: 'Send response' }) as HTMLButtonElement;

describe('participant: election proposal stage', () => {
  it('shows the proposed candidate, term and reasons, and asks nothing', () => {
    renderParticipant(ElectionScript.at('proposal'), BEN);
    expect(screen.getByRole('heading', { name: 'Ana as Garden circle lead' })).toBeTruthy();
    expect(screen.getByText('Ana: She knows every bed.')).toBeTruthy();
    expect(screen.getByText(/Waiting for the facilitator/)).toBeTruthy();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Leave meeting']);
  });

  it('before any proposal, says the facilitator is preparing one', () => {
    renderParticipant(ElectionScript.at('changes').move('changes', 'proposal'), BEN);
    expect(screen.getByText(/preparing a proposal/)).toBeTruthy();
  });
});

describe('participant: election objection round', () => {
  it('sends an objection with its reason, like a decision’s round', async () => {
    const { send } = renderParticipant(ElectionScript.at('objections'), BEN);
    expect(screen.getByRole('group', { name: /objection to Ana taking this role/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'Objection' }));
    await userEvent.type(screen.getByLabelText(/Reason \(required\)/), 'Ana is away in spring.');
    await userEvent.click(sendButton());
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'response.give',
      kind: 'objection',
      reason: 'Ana is away in spring.',
    });
  });

  it('[E4] the candidate answers last: disabled until everyone else answered', async () => {
    const { send } = renderParticipant(
      ElectionScript.at('objections').respond(BEN, 'objections', 'consent'),
      ANA,
    );
    expect(screen.getByRole('heading', { name: 'You are the candidate' })).toBeTruthy();
    expect(screen.getByText('Waiting for Cleo.')).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'No objection (consent)' }));
    expect(sendButton().disabled).toBe(true);
    expect(screen.getByText(/As the candidate you answer last/)).toBeTruthy();
    await userEvent.click(sendButton());
    expect(send).not.toHaveBeenCalled();
  });

  it('[E4] the candidate may answer once everyone else has (their answers still hidden)', async () => {
    const script = ElectionScript.at('objections')
      .respond(BEN, 'objections', 'consent')
      .respond(CLEO, 'objections', 'concern');
    const { send } = renderParticipant(script, ANA);
    expect(screen.queryByText(/Reason of Cleo/)).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'No objection (consent)' }));
    expect(sendButton().disabled).toBe(false);
    await userEvent.click(sendButton());
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'response.give', kind: 'consent' });
  });

  it('[E4] the candidate can decline the role, with a reason', async () => {
    const { send } = renderParticipant(ElectionScript.at('objections'), ANA);
    await userEvent.click(screen.getByRole('button', { name: 'Decline the role' }));
    await userEvent.type(screen.getByLabelText('Reason (optional)'), 'No time this year.');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, decline the role' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'candidate.decline', reason: 'No time this year.' });
    expect(await screen.findByText('You declined the role.')).toBeTruthy();
  });

  it('only the candidate is offered to decline', () => {
    renderParticipant(ElectionScript.at('objections'), BEN);
    expect(screen.queryByRole('button', { name: 'Decline the role' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'You are the candidate' })).toBeNull();
  });

  it('shows the server refusal in words', async () => {
    const send = fakeSend(
      refusal('not_allowed', 'As the candidate you answer last (E4): wait until everyone else has answered.'),
    );
    renderParticipant(ElectionScript.at('objections'), CLEO, send);
    await userEvent.click(screen.getByRole('radio', { name: 'No objection (consent)' }));
    await userEvent.click(sendButton());
    expect((await screen.findByRole('alert')).textContent).toMatch(/answer last \(E4\)/);
  });

  it('after the reveal, shows objections; the author may withdraw', async () => {
    const script = ElectionScript.at('objections')
      .respond(BEN, 'objections', 'objection')
      .respond(CLEO, 'objections', 'consent')
      .respond(ANA, 'objections', 'consent');
    script.revealResponses();
    const { send } = renderParticipant(script, BEN);
    const objections = screen.getByRole('region', { name: 'Objections' });
    expect(within(objections).getByText(/Reason of Ben/)).toBeTruthy();
    await userEvent.click(within(objections).getByRole('button', { name: 'Withdraw my objection' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'objection.withdraw',
      objectionId: script.responseOf(BEN),
    });
  });
});

describe('participant: election consent', () => {
  it('[C7] a carried "no objection" shows as consent: one tap confirms, or a late objection', async () => {
    const { send } = renderParticipant(ElectionScript.at('consent'), BEN);
    expect(screen.getByText('You consented to Ana (carried over from the objection round).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'I consent' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'response.give', kind: 'consent' });
    expect(screen.getByRole('button', { name: 'Raise a late objection' })).toBeTruthy();
  });

  it('[C7][E4] the candidate’s carried consent counts while it is last; after a later consent, they accept again', () => {
    const carried = renderParticipant(ElectionScript.at('consent'), ANA);
    expect(screen.getByText('You accepted the role (carried over from the objection round).')).toBeTruthy();
    carried.unmount();
    // Cleo objected (recorded as a concern), then consents after Ana's "no objection": Ana again.
    const script = ElectionScript.at('objections')
      .respond(BEN, 'objections', 'consent')
      .respond(CLEO, 'objections', 'objection')
      .respond(ANA, 'objections', 'consent')
      .revealResponses();
    script
      .add({
        type: 'objection.tested',
        objectionId: script.responseOf(CLEO),
        verdict: 'concern',
        by: FACILITATOR,
      })
      .move('objections', 'consent')
      .respond(CLEO, 'consent', 'consent');
    renderParticipant(script, ANA);
    expect(screen.queryByText(/carried over/)).toBeNull();
    expect((screen.getByRole('button', { name: 'I accept the role' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('a participant consents', async () => {
    const { send } = renderParticipant(ElectionScript.at('consent', true), BEN);
    await userEvent.click(screen.getByRole('button', { name: 'I consent' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'response.give', kind: 'consent' });
    expect(await screen.findByText('Consent recorded.')).toBeTruthy();
  });

  it('[E4] the candidate accepts only after everyone else consented', async () => {
    const { send } = renderParticipant(
      ElectionScript.at('consent', true).respond(BEN, 'consent', 'consent'),
      ANA,
    );
    const accept = screen.getByRole('button', { name: 'I accept the role' }) as HTMLButtonElement;
    expect(accept.disabled).toBe(true);
    expect(screen.getByText(/You accept last/)).toBeTruthy();
    expect(screen.getByText('Waiting for Cleo.')).toBeTruthy();
    await userEvent.click(accept);
    expect(send).not.toHaveBeenCalled();
  });

  it('[E4] then the candidate accepts the role', async () => {
    const script = ElectionScript.at('consent', true)
      .respond(BEN, 'consent', 'consent')
      .respond(CLEO, 'consent', 'consent');
    const { send } = renderParticipant(script, ANA);
    await userEvent.click(screen.getByRole('button', { name: 'I accept the role' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'response.give', kind: 'consent' });
    expect(screen.getByRole('button', { name: 'Decline the role' })).toBeTruthy();
  });

  it('a late objection needs a reason and is sent with it', async () => {
    const { send } = renderParticipant(ElectionScript.at('consent', true), CLEO);
    await userEvent.click(screen.getByRole('button', { name: 'I see an objection' }));
    await userEvent.click(screen.getByRole('button', { name: 'Raise objection' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/needs a reason/);
    await userEvent.type(screen.getByLabelText(/Reason \(required\)/), 'Ana leads two circles already.');
    await userEvent.click(screen.getByRole('button', { name: 'Raise objection' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'response.give',
      kind: 'objection',
      reason: 'Ana leads two circles already.',
    });
  });
});

describe('participant: election outcome', () => {
  it('shows the elected person, role and term, and links to the minutes', () => {
    const script = ElectionScript.at('consent', true)
      .respond(BEN, 'consent', 'consent')
      .respond(CLEO, 'consent', 'consent')
      .respond(ANA, 'consent', 'consent')
      .add({
        type: 'election.recorded',
        outcome: 'elected',
        version: 1,
        electedId: ANA,
        electedName: 'Ana',
        role: 'Garden circle lead',
        termStart: '2025-02-01',
        termEnd: '2026-01-31',
        by: 'facilitator',
      });
    renderParticipant(script, BEN);
    expect(screen.getByRole('heading', { name: 'Elected: Ana' })).toBeTruthy();
    expect(screen.getByText('Garden circle lead')).toBeTruthy();
    expect(screen.getByText(/Term: .*2025.*2026/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the minutes' }).getAttribute('href')).toBe(
      '/m/ELE123/minutes',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows "No one elected"', () => {
    const script = ElectionScript.at('changes').add({
      type: 'election.recorded',
      outcome: 'none',
      version: 0,
      by: 'facilitator',
    });
    renderParticipant(script, BEN);
    expect(screen.getByRole('heading', { name: 'No one elected' })).toBeTruthy();
  });
});
