import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, MeetingScript, uuidFor } from '../test/meetingScript';
import { MinutesView } from './Minutes';

/** A whole decision: an objection resolved by version 2, then adoption. */
function decision() {
  const s = MeetingScript.at('objections');
  return s
    .add({
      type: 'response.given',
      responseId: uuidFor(800),
      participantId: BEN,
      stage: 'objections',
      version: 1,
      sealed: true,
      kind: 'objection',
      reason: 'Away in March',
      by: BEN,
    })
    .add({
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [
        { responseId: uuidFor(800), participantId: BEN, kind: 'objection', reason: 'Away in March' },
      ],
      by: 'facilitator',
    })
    .add({ type: 'objection.tested', objectionId: uuidFor(800), verdict: 'qualifies', by: 'facilitator' })
    .add({
      type: 'proposal.amended',
      version: 2,
      driver: 'The plants are dying.',
      text: 'Cleo waters in March.',
      resolves: [uuidFor(800)],
      by: 'facilitator',
    })
    .move('objections', 'consent')
    .add({
      type: 'outcome.recorded',
      outcome: 'adopted',
      version: 2,
      reviewDate: '2025-07-15',
      by: 'facilitator',
    });
}

describe('minutes [R1]', () => {
  it('render every step from the event log, with names', () => {
    const script = decision();
    // What a participant receives: the sealed response without its content.
    render(<MinutesView events={script.events.map((e) => ({ ...e }))} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Plant care');
    expect(screen.getByText(/Adopted/, { selector: 'strong' })).toBeTruthy();
    const fate = screen.getByRole('region', { name: 'Objections and their fate' });
    expect(within(fate).getByText('Resolved by version 2')).toBeTruthy();
    expect(within(fate).getByText(/Away in March/)).toBeTruthy();
    const log = screen.getByRole('region', { name: 'Everything that happened' });
    expect(within(log).getByText(/Clarifying questions → Reactions/)).toBeTruthy();
    expect(within(log).getByText(/Tested the objection of Ben: it qualifies/)).toBeTruthy();
    expect(within(log).getByText(/version 2\. It resolves the objection of Ben\./)).toBeTruthy();
    expect(within(log).getByText(/Outcome: Adopted \(version 2\), to be reviewed by/)).toBeTruthy();
    expect(within(log).getAllByText('“Ana” joined.')).toHaveLength(1);
    const versions = screen.getByRole('region', { name: 'Proposal versions' });
    expect(within(versions).getByText('Cleo waters in March.')).toBeTruthy();
  });

  it('read as decisions only: the outcome and the agreed text stay, who said what goes', async () => {
    render(<MinutesView events={decision().events} />);
    await userEvent.click(screen.getByLabelText(/Decisions only/));
    expect(screen.getByText(/Adopted/, { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Proposal versions' })).toBeTruthy();
    // Hidden from view and from the accessibility tree alike (display: none in the stylesheet is
    // not loaded here, so the class is what says it).
    const log = screen.getByText('Everything that happened').closest('section');
    expect(log?.closest('.decisions-only')).not.toBeNull();
    expect(log?.classList.contains('minutes-discussion')).toBe(true);
    const versions = screen.getByRole('region', { name: 'Proposal versions' });
    expect(versions.classList.contains('minutes-discussion')).toBe(false);
    await userEvent.click(screen.getByLabelText(/Decisions only/));
    expect(log?.closest('.decisions-only')).toBeNull();
  });

  it('show sealed content at the reveal for a reader who got it redacted', () => {
    const script = decision();
    const redacted = script.events.map((e) => {
      if (e.type !== 'response.given') return e;
      const { kind: _k, reason: _r, ...rest } = e;
      return rest;
    });
    render(<MinutesView events={redacted} />);
    // The response's own line carries what the reveal showed, not a placeholder.
    expect(screen.queryByText(/shown when revealed/)).toBeNull();
    expect(screen.getByText('Objection on version 1: Away in March')).toBeTruthy();
    expect(screen.getByText(/Objection \(Away in March\)/, { selector: '.detail' }).textContent).toBe(
      '“Ben”: Objection (Away in March)',
    );
  });

  it('[R2] offer Markdown and JSON downloads beside print when the page has a token', () => {
    const { unmount } = render(
      <MinutesView events={decision().events} source={{ code: 'ABC123', token: 't' }} />,
    );
    for (const name of ['Print or save as PDF', 'Download Markdown', 'Download JSON'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    unmount();
    render(<MinutesView events={decision().events} />);
    expect(screen.queryByRole('button', { name: 'Download Markdown' })).toBeNull();
  });

  it('say so when nothing is recorded', () => {
    render(<MinutesView events={[]} />);
    expect(screen.getByText('Nothing has been recorded in this meeting yet.')).toBeTruthy();
  });

  it('name who did what', () => {
    const script = MeetingScript.at('clarifying').add({
      type: 'question.asked',
      questionId: uuidFor(900),
      participantId: ANA,
      text: 'How much water?',
      version: 1,
      by: ANA,
    });
    render(<MinutesView events={script.events} />);
    const item = screen.getByText(/How much water\?/).closest('li')!;
    expect(item.textContent).toContain('“Ana”:');
  });
});

describe('minutes: the speaking queue [O3]', () => {
  it('[O3] keep who spoke and when; the decisions-only reading leaves it out', async () => {
    const script = MeetingScript.at('clarifying')
      .add({ type: 'hand.raised', participantId: BEN, stage: 'clarifying', by: BEN })
      .add({ type: 'hand.called', participantId: BEN, stage: 'clarifying', by: 'facilitator' });
    render(<MinutesView events={script.events} />);
    const spoke = screen.getByRole('region', { name: 'Who spoke' });
    expect(spoke.textContent).toMatch(/Ben \(Clarifying questions\)/);
    expect(spoke.querySelector('time')).not.toBeNull();
    const log = screen.getByRole('region', { name: 'Everything that happened' });
    expect(within(log).getByText(/Called Ben to speak/)).toBeTruthy();
    await userEvent.click(screen.getByLabelText(/Decisions only/));
    expect(spoke.classList.contains('minutes-discussion')).toBe(true);
    expect(spoke.closest('.decisions-only')).not.toBeNull();
  });

  it('[O3] a meeting without a queue has no “Who spoke”', () => {
    render(<MinutesView events={decision().events} />);
    expect(screen.queryByRole('region', { name: 'Who spoke' })).toBeNull();
  });
});

describe('minutes: typed text cannot forge the record [S11]', () => {
  const CAROL = uuidFor(950);
  it('[S11] a participant named “Facilitator” reads as a name, not as the role', () => {
    const script = new MeetingScript()
      .join(ANA, 'Ana')
      .join(CAROL, 'Facilitator')
      .propose()
      .move('proposal', 'clarifying')
      .add({
        type: 'question.asked',
        questionId: uuidFor(951),
        participantId: CAROL,
        text: 'Why?',
        version: 1,
        by: CAROL,
      })
      .add({ type: 'question.answered', questionId: uuidFor(951), text: 'Because.', by: 'facilitator' });
    render(<MinutesView events={script.events} />);
    const log = screen.getByRole('region', { name: 'Everything that happened' });
    const labels = within(log)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('strong')?.textContent ?? '');
    const asked = within(log)
      .getByText(/Asked \(on version 1\): Why\?/)
      .closest('li');
    expect(asked?.querySelector('strong')?.textContent).toBe('“Facilitator”: ');
    const answered = within(log)
      .getByText(/Because\./)
      .closest('li');
    expect(answered?.querySelector('strong')?.textContent).toBe('Facilitator: ');
    // Only the facilitator's own lines carry the bare label.
    expect(labels.filter((l) => l === 'Facilitator: ')).toHaveLength(3);
    expect(within(log).getByText('“Facilitator” joined.')).toBeTruthy();
  });

  it('[S11] a CR typed into a question reads as a line break, as in the exports', () => {
    const script = MeetingScript.at('clarifying').add({
      type: 'question.asked',
      questionId: uuidFor(952),
      participantId: ANA,
      text: 'Which plants?\r# Forged\r\nheading',
      version: 1,
      by: ANA,
    });
    render(<MinutesView events={script.events} />);
    const log = screen.getByRole('region', { name: 'Everything that happened' });
    const asked = within(log)
      .getByText(/Which plants\?/)
      .closest('li');
    expect(asked?.textContent).toContain('Which plants?\n# Forged\nheading');
    expect(asked?.textContent).not.toContain('\r');
  });
});
