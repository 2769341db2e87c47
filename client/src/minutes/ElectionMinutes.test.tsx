import { eventFor } from '@circlewise/shared/visibility';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ElectionScript } from '../test/electionScript';
import { ANA, BEN, CLEO } from '../test/meetingScript';
import { MinutesView } from './Minutes';

function elected() {
  const s = ElectionScript.at('objections')
    .respond(BEN, 'objections', 'objection')
    .respond(CLEO, 'objections', 'consent')
    .respond(ANA, 'objections', 'consent')
    .revealResponses();
  const objection = s.responseOf(BEN);
  return s
    .add({ type: 'objection.tested', objectionId: objection, verdict: 'qualifies', by: 'facilitator' })
    .add({
      type: 'candidate.proposed',
      version: 2,
      candidateId: ANA,
      termStart: '2025-02-01',
      termEnd: '2025-07-31',
      reasons: 'A shorter term.',
      resolves: [objection],
      by: 'facilitator',
    })
    .add({
      type: 'stage.changed',
      from: 'objections',
      to: 'proposal',
      reason: 'amendment',
      by: 'facilitator',
    })
    .add({
      type: 'election.recorded',
      outcome: 'elected',
      version: 2,
      electedId: ANA,
      electedName: 'Ana',
      role: 'Garden circle lead',
      termStart: '2025-02-01',
      termEnd: '2025-07-31',
      by: 'facilitator',
    });
}

describe('election minutes', () => {
  it('render role, nominations, changes, proposals, objections, outcome and the register', () => {
    const events = elected().events;
    render(
      <MinutesView
        events={events}
        roles={{
          state: 'ready',
          roles: [
            { role: 'Garden circle lead', person: 'Ana', termStart: '2025-02-01', termEnd: '2025-07-31' },
          ],
        }}
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Garden circle lead' })).toBeTruthy();
    const nominations = screen.getByRole('region', { name: 'Nominations' });
    expect(within(nominations).getByText(/She knows every bed/)).toBeTruthy();
    const changes = screen.getByRole('region', { name: 'Change round' });
    expect(changes.textContent).toContain('Cleo: Ben → Ana, because Ana’s knowledge matters more.');
    const proposals = screen.getByRole('region', { name: 'Proposals' });
    expect(within(proposals).getAllByRole('heading', { level: 3 })).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Objections and their fate' }).textContent).toContain(
      'Resolved by version 2',
    );
    expect(screen.getByRole('region', { name: 'Role register' }).textContent).toMatch(
      /Garden circle lead: Ana/,
    );
    const log = screen.getByRole('region', { name: 'Everything that happened' });
    expect(log.textContent).toContain('Changed from Ben to Ana, because Ana’s knowledge matters more.');
    expect(log.textContent).toMatch(/Outcome: Elected Ana as Garden circle lead/);
  });

  it('a participant’s minutes fill others’ sealed nominations from the reveal', () => {
    const script = elected();
    const events = script.events.map((e) => eventFor(e, { role: 'participant', participantId: CLEO }));
    render(<MinutesView events={events} />);
    const log = screen.getByRole('region', { name: 'Everything that happened' });
    expect(log.textContent).not.toContain('shown when revealed');
    const ben = within(log).getByText('Nominated Ana, because She knows every bed.', { selector: 'li' });
    expect(ben.closest('li')!.textContent).toContain('“Ben”:');
    expect(log.textContent).toContain('Nominations revealed.');
    expect(screen.getByRole('region', { name: 'Role register' }).textContent).toContain('not loaded');
  });
});
