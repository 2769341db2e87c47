import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ElectionScript } from '../../test/electionScript';
import { ANA, BEN, CLEO, fakeSend, refusal } from '../../test/meetingScript';
import { renderParticipant } from '../../test/renderParticipant';

describe('participant: change round', () => {
  it('[E3] shows every nomination with its reason, side by side, and the count', () => {
    renderParticipant(ElectionScript.at('changes'), ANA);
    const all = screen.getByRole('region', { name: 'All nominations' });
    expect(within(all).getByText(/Ben plans well/)).toBeTruthy();
    expect(within(all).getByText(/She knows every bed/)).toBeTruthy();
    expect(within(all).getByText(/He has time this year/)).toBeTruthy();
    const count = screen.getByRole('region', { name: 'Count now' });
    expect(within(count).getByText(/2 nominations/)).toBeTruthy();
  });

  it('keeps my nomination with nomination.change to the same person', async () => {
    const { send } = renderParticipant(ElectionScript.at('changes'), ANA);
    await userEvent.click(screen.getByRole('button', { name: 'Keep my nomination' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'nomination.change', nomineeId: BEN });
    expect(send.mock.calls[0]![0]).not.toHaveProperty('reason');
  });

  it('a change needs a reason: refused before sending, with the message', async () => {
    const { send } = renderParticipant(ElectionScript.at('changes'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'Cleo' }));
    await userEvent.click(screen.getByRole('button', { name: 'Change my nomination' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Say why you change your nomination.');
  });

  it('changes with a reason', async () => {
    const { send } = renderParticipant(ElectionScript.at('changes'), ANA);
    await userEvent.click(screen.getByRole('radio', { name: 'Cleo' }));
    await userEvent.type(screen.getByLabelText(/Reason for the change/), 'Cleo convinced me.');
    await userEvent.click(screen.getByRole('button', { name: 'Change my nomination' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'nomination.change',
      nomineeId: CLEO,
      reason: 'Cleo convinced me.',
    });
  });

  it('shows the server’s reason_required refusal in words', async () => {
    const send = fakeSend({
      ok: false,
      error: { code: 'reason_required', message: 'Say why you change your nomination.' },
    });
    renderParticipant(ElectionScript.at('changes'), ANA, send);
    await userEvent.click(screen.getByRole('button', { name: 'Keep my nomination' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Say why you change your nomination.');
  });

  it('[E3] shows a change as "Cleo: Ben → Ana, because …", and my nomination now', () => {
    const script = ElectionScript.at('changes').change(CLEO, BEN, ANA, 'Ana’s knowledge matters more.');
    renderParticipant(script, CLEO);
    const changes = screen.getByRole('region', { name: 'Changes' });
    expect(changes.textContent).toContain('Cleo: Ben → Ana, because Ana’s knowledge matters more.');
    const mine = screen.getByRole('region', { name: 'Your nomination now' });
    expect(within(mine).getByText('Ana')).toBeTruthy();
  });

  it('says there is nothing to keep for someone who did not nominate', () => {
    const script = ElectionScript.at('nominations').nominate(ANA, BEN, 'Ben plans well.').reveal();
    renderParticipant(script, CLEO);
    expect(screen.getByText(/You made no nomination/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Keep my nomination' })).toBeNull();
  });

  it('the refusal shown is the server’s, not a silent failure', async () => {
    const send = fakeSend(
      refusal('wrong_stage', 'Nominations are changed in the change round; the election is in Proposal.'),
    );
    renderParticipant(ElectionScript.at('changes'), BEN, send);
    await userEvent.click(screen.getByRole('button', { name: 'Keep my nomination' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/changed in the change round/);
  });
});
