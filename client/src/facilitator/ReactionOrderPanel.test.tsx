import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ANA, BEN, CLEO, fakeSend, MeetingScript } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { Console } from './Console';

function renderConsole(script: MeetingScript, send = fakeSend()) {
  renderWithMeeting(<Console />, script.viewFor({ role: 'facilitator' }), send, { role: 'facilitator' });
  return send;
}

describe('console: reactions in turn', () => {
  it('[O1] in the reactions stage the console sets the order of the reactions round', async () => {
    const send = renderConsole(MeetingScript.at('reactions'));
    const order = screen.getByRole('region', { name: 'Go around in turn' });
    await userEvent.click(within(order).getByRole('button', { name: 'Move Cleo up' }));
    await userEvent.click(within(order).getByRole('button', { name: 'Go in this order' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'round.order', order: [ANA, CLEO, BEN] });
  });

  it('[O1] once ordered the console shows who reacts now and next; in clarifying there is no order control', () => {
    renderConsole(
      MeetingScript.at('reactions').add({
        type: 'round.ordered',
        order: [CLEO, ANA, BEN],
        shuffled: true,
        by: 'facilitator',
      }),
    );
    expect(screen.getByTestId('turn-line').textContent).toBe('Speaking now: Cleo · Next: Ana');
    screen.getByTestId('turn-line').remove();
    renderConsole(MeetingScript.at('clarifying'));
    expect(screen.queryByTestId('turn-line')).toBeNull();
  });
});
