import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ElectionScript, ROLE } from '../../test/electionScript';
import { ANA, BEN, CLEO, fakeSend, refusal } from '../../test/meetingScript';
import { renderWithMeeting } from '../../test/renderMeeting';
import { Console } from '../Console';

function renderConsole(script: ElectionScript, send = fakeSend()) {
  const view = script.viewFor({ role: 'facilitator' });
  return {
    send,
    ...renderWithMeeting(<Console />, view, send, { role: 'facilitator', online: { [ANA]: true } }),
  };
}

describe('facilitator console: election', () => {
  it('sets the role and term with role.set', async () => {
    const { send } = renderConsole(new ElectionScript().join(ANA, 'Ana'));
    const open = screen.getByRole('button', { name: /Open nominations/ }) as HTMLButtonElement;
    expect(open.disabled).toBe(true);
    expect(screen.getByText('Set the role and its term first.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Role'), ROLE.role);
    await userEvent.type(screen.getByLabelText(/Description/), 'Keeps the backlog.');
    await userEvent.clear(screen.getByLabelText('Term starts'));
    await userEvent.type(screen.getByLabelText('Term starts'), '2025-02-01');
    await userEvent.clear(screen.getByLabelText('Term ends'));
    await userEvent.type(screen.getByLabelText('Term ends'), '2026-01-31');
    await userEvent.click(screen.getByRole('button', { name: 'Set the role' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'role.set',
      role: ROLE.role,
      description: 'Keeps the backlog.',
      termStart: '2025-02-01',
      termEnd: '2026-01-31',
    });
  });

  it('[E1] shows who has nominated, never whom, and reveals all at once', async () => {
    const script = ElectionScript.at('nominations').nominate(BEN, CLEO, 'Cleo is calm.');
    const { send } = renderConsole(script);
    const panel = screen.getByRole('region', { name: /Nominations \(secret/ });
    expect(within(panel).getByText('1 of 3 nominated')).toBeTruthy();
    expect(within(panel).getByText('Nominated: Ben')).toBeTruthy();
    expect(screen.queryByText(/Cleo is calm/)).toBeNull();
    expect(screen.queryByRole('region', { name: 'Tally' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Reveal nominations' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'nominations.reveal' });
  });

  it('[E3] after the reveal, counts per nominee and every change with its reason', () => {
    const script = ElectionScript.at('changes').change(CLEO, BEN, ANA, 'Ana’s knowledge matters more.');
    renderConsole(script);
    const tally = screen.getByRole('region', { name: 'Tally' });
    const rows = within(tally)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toContain('Ana: 2 nominations (Ben, Cleo)');
    expect(rows).toContain('Ben: 1 nomination (Ana)');
    expect(rows).toContain('Cleo: Ben → Ana, because Ana’s knowledge matters more.');
    expect(within(tally).getByText(/She knows every bed/)).toBeTruthy();
    // The change round has no way back: the reveal is final.
    expect(screen.queryByRole('button', { name: /Back to/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Go to Proposal/ })).toBeTruthy();
  });

  it('proposes the leading nominee with the reasons heard, for the role’s term', async () => {
    const script = ElectionScript.at('changes')
      .change(CLEO, BEN, ANA, 'Ana’s knowledge matters more.')
      .move('changes', 'proposal');
    const { send } = renderConsole(script);
    const go = screen.getByRole('button', { name: /Go to Objections/ }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    expect(screen.getByText('Propose a candidate first.')).toBeTruthy();
    const reasons = screen.getByLabelText(/Reasons/) as HTMLTextAreaElement;
    expect(reasons.value).toBe('Ben: She knows every bed.\nCleo: Ana’s knowledge matters more.');
    await userEvent.click(screen.getByRole('button', { name: 'Propose Ana' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'candidate.propose',
      candidateId: ANA,
      reasons: 'Ben: She knows every bed.\nCleo: Ana’s knowledge matters more.',
      termStart: ROLE.termStart,
      termEnd: ROLE.termEnd,
      resolves: [],
    });
  });

  it('in the objection round, proposes a shorter term that resolves a qualified objection', async () => {
    const script = ElectionScript.at('objections')
      .respond(BEN, 'objections', 'objection')
      .respond(CLEO, 'objections', 'consent')
      .respond(ANA, 'objections', 'consent')
      .revealResponses();
    script.add({
      type: 'objection.tested',
      objectionId: script.responseOf(BEN),
      verdict: 'qualifies',
      by: 'facilitator',
    });
    const { send } = renderConsole(script);
    expect(screen.getByText(/An objection is still open \(Ben\)/)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Propose another candidate or a shorter term' });
    await userEvent.clear(within(form).getByLabelText('Term ends'));
    await userEvent.type(within(form).getByLabelText('Term ends'), '2025-07-31');
    await userEvent.click(within(form).getByRole('checkbox', { name: /Ben: Reason of Ben/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Propose Ana' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'candidate.propose',
      candidateId: ANA,
      termEnd: '2025-07-31',
      resolves: [script.responseOf(BEN)],
    });
  });

  it('tests an objection with the decision’s panel', async () => {
    const script = ElectionScript.at('objections').respond(BEN, 'objections', 'objection').revealResponses();
    const { send } = renderConsole(script);
    await userEvent.click(screen.getByRole('button', { name: 'Record as concern' }));
    expect(send.mock.calls[0]![0]).toMatchObject({
      type: 'objection.test',
      objectionId: script.responseOf(BEN),
      verdict: 'concern',
    });
  });

  it('[C7, E4] "Record: elected" waits for everyone’s consent, the candidate last', async () => {
    const { send } = renderConsole(ElectionScript.at('consent', true).respond(BEN, 'consent', 'consent'));
    const elect = screen.getByRole('button', { name: /Record: elected/ }) as HTMLButtonElement;
    expect(elect.disabled).toBe(true);
    expect(screen.getByText(/Still waiting for Ana, Cleo/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Record: no one elected' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'election.record', outcome: 'none' });
  });

  it('records the election once everyone consented', async () => {
    const script = ElectionScript.at('consent', true)
      .respond(BEN, 'consent', 'consent')
      .respond(CLEO, 'consent', 'consent')
      .respond(ANA, 'consent', 'consent');
    const { send } = renderConsole(script);
    await userEvent.click(screen.getByRole('button', { name: 'Record: elected (Ana)' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'election.record', outcome: 'elected' });
  });

  it('shows a refused stage move in words', async () => {
    const send = fakeSend(refusal('not_allowed', 'The election has already moved on to Proposal.'));
    renderConsole(ElectionScript.at('changes'), send);
    await userEvent.click(screen.getByRole('button', { name: /Go to Proposal/ }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'stage.advance', from: 'changes' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The election has already moved on to Proposal.',
    );
  });

  it('lists the people present and who has responded', () => {
    renderConsole(ElectionScript.at('objections').respond(BEN, 'objections', 'consent'));
    const people = screen.getByRole('region', { name: /People/ });
    expect(within(people).getByText('1 of 3 responded')).toBeTruthy();
  });
});
