import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ElectionScript, ROLE } from '../../test/electionScript';
import { ANA, BEN, CLEO, fakeSend, refusal } from '../../test/meetingScript';
import { renderParticipant } from '../../test/renderParticipant';

describe('participant: election role stage', () => {
  it('shows the role, its description and term, and asks nothing yet', () => {
    renderParticipant(ElectionScript.at('role'), ANA);
    expect(screen.getByRole('heading', { level: 1, name: 'Role and term' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: ROLE.role })).toBeTruthy();
    expect(screen.getByText(ROLE.description)).toBeTruthy();
    expect(screen.getByText(/February 1, 2025|1 February 2025/)).toBeTruthy();
    expect(screen.getByText(/nominations open when the facilitator moves on/)).toBeTruthy();
    // Only leaving is offered.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Leave meeting']);
  });

  it('says so while no role is set', () => {
    renderParticipant(new ElectionScript().join(ANA, 'Ana'), ANA);
    expect(screen.getByRole('heading', { name: 'No role set yet' })).toBeTruthy();
  });
});

describe('participant: nominations stage', () => {
  it('nominates a present person with a reason', async () => {
    const { send } = renderParticipant(ElectionScript.at('nominations'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'Cleo' }));
    await userEvent.type(screen.getByLabelText(/Reason \(required\)/), 'Cleo listens.');
    await userEvent.click(screen.getByRole('button', { name: 'Send nomination' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'nomination.give',
      nomineeId: CLEO,
      reason: 'Cleo listens.',
    });
    expect(await screen.findByText(/Nomination recorded/)).toBeTruthy();
  });

  it('offers myself and "No one yet"; no one yet needs no reason', async () => {
    const { send } = renderParticipant(ElectionScript.at('nominations'), ANA);
    expect(screen.getByRole('radio', { name: 'Myself (Ana)' })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: 'No one yet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send nomination' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'nomination.give', nomineeId: null });
    expect(send.mock.calls[0]![0]).not.toHaveProperty('reason');
  });

  it('refuses a nomination of a person without a reason, before sending', async () => {
    const { send } = renderParticipant(ElectionScript.at('nominations'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'Ben' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send nomination' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Say why you nominate this person.');
  });

  it('shows the server refusal in words', async () => {
    const send = fakeSend(
      refusal(
        'not_allowed',
        'That person is not in this meeting: nominate someone present, yourself, or no one yet.',
      ),
    );
    renderParticipant(ElectionScript.at('nominations'), ANA, send);
    await userEvent.click(screen.getByRole('radio', { name: 'No one yet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send nomination' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not in this meeting/);
  });

  it('[E1] shows "N of M nominated"; others’ nominations only as "nominated"', () => {
    const script = ElectionScript.at('nominations').nominate(BEN, CLEO, 'Cleo is calm.');
    renderParticipant(script, ANA);
    const region = screen.getByRole('region', { name: 'Nominations' });
    expect(within(region).getByText('1 of 3 nominated')).toBeTruthy();
    expect(within(region).getByText(/secret/)).toBeTruthy();
    expect(within(region).getByText(': nominated')).toBeTruthy();
    expect(screen.queryByText(/Cleo is calm/)).toBeNull();
  });

  it('[E2] shows my nomination, and a later one replaces it', async () => {
    const script = ElectionScript.at('nominations').nominate(ANA, BEN, 'Ben plans well.');
    const { send } = renderParticipant(script, ANA);
    const mine = screen.getByRole('region', { name: 'Your nomination' });
    expect(within(mine).getByText('Ben')).toBeTruthy();
    expect(within(mine).getByText(/Ben plans well/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Change my nomination' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Cleo' }));
    const reason = screen.getByLabelText(/Reason \(required\)/);
    await userEvent.clear(reason);
    await userEvent.type(reason, 'Cleo has more time.');
    await userEvent.click(screen.getByRole('button', { name: 'Replace my nomination' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'nomination.give',
      nomineeId: CLEO,
      reason: 'Cleo has more time.',
    });
  });
});
