import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ElectionScript } from '../test/electionScript';
import { ANA, BEN, CLEO, fakeSend } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { Projector } from './Projector';

const renderProjector = (script: ElectionScript) =>
  renderWithMeeting(<Projector />, script.viewFor({ role: 'facilitator' }), fakeSend(), {
    role: 'facilitator',
    online: { [ANA]: true, [BEN]: true },
  });

describe('projector: election', () => {
  it('[E1] shows the role, the code and counts, and no nomination before the reveal', () => {
    renderProjector(ElectionScript.at('nominations').nominate(BEN, CLEO, 'Cleo is calm.'));
    expect(screen.getByRole('heading', { name: 'Garden circle lead' })).toBeTruthy();
    expect(screen.getByText(/3 present \(2 connected\) · 1 of 3 nominated/)).toBeTruthy();
    expect(screen.queryByText(/Cleo is calm/)).toBeNull();
  });

  it('after the reveal, the nominations with reasons, the counts, then the candidate', () => {
    renderProjector(ElectionScript.at('proposal'));
    const nominations = screen.getByRole('region', { name: 'Nominations' });
    expect(within(nominations).getByText(/She knows every bed/)).toBeTruthy();
    expect(within(nominations).getByText(/2 nominations/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ana as Garden circle lead' })).toBeTruthy();
  });

  it('[C7][E4] counts carried consents, the candidate’s only while last', () => {
    renderProjector(ElectionScript.at('consent'));
    expect(screen.getByText(/· 3 of 3 consented/)).toBeTruthy();
  });

  it('[C7] with nothing carried, counts only consents given', () => {
    renderProjector(ElectionScript.at('consent', true).respond(BEN, 'consent', 'consent'));
    expect(screen.getByText(/· 1 of 3 consented/)).toBeTruthy();
  });
});
