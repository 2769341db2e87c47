import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoundConsole } from '../../facilitator/round/RoundConsole';
import { RoundProjector } from '../../projector/RoundProjector';
import { ANA, BEN, CLEO, fakeSend } from '../../test/meetingScript';
import { renderRound } from '../../test/renderRound';
import { RoundScript } from '../../test/roundScript';
import { RoundStage } from './RoundStage';

const renderPhone = (script: RoundScript, me: string, send = fakeSend()) =>
  renderRound(<RoundStage view={script.view()} me={me} />, send, { participantId: me });

/** Cleo, Ana, Ben: the seating order of these tests. */
const inTurn = () => RoundScript.open().order([CLEO, ANA, BEN]);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('O1, O2 on the phone: Your turn, whose turn it is, Pass', () => {
  it('[O1] the phone whose turn it is says “Your turn” in a live region, vibrates, and offers Say it and Pass', () => {
    const vibrate = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, vibrate });
    renderPhone(inTurn(), CLEO);
    const yours = screen.getByText('Your turn');
    expect(yours.getAttribute('aria-live')).toBe('assertive');
    expect(vibrate).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('turn-line').textContent).toBe('Speaking now: Cleo (you) · Next: Ana');
    expect(screen.getByLabelText('What would you like to say?')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pass' })).toBeTruthy();
  });

  it('[O1] a phone without vibration still says “Your turn”', () => {
    vi.stubGlobal('navigator', { userAgent: 'test' });
    renderPhone(inTurn(), CLEO);
    expect(screen.getByText('Your turn')).toBeTruthy();
  });

  it('[O1] another phone says whose turn it is and whom it comes after, with nothing to send', () => {
    const vibrate = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, vibrate });
    renderPhone(inTurn(), BEN);
    expect(screen.queryByText('Your turn')).toBeNull();
    expect(vibrate).not.toHaveBeenCalled();
    expect(screen.getByTestId('wait-turn').textContent).toBe('It is Cleo’s turn; yours comes after Ana.');
    expect(screen.queryByLabelText('What would you like to say?')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pass' })).toBeNull();
  });

  it('[O2] Pass sends round.pass; the round comes back to who passed, and says so', async () => {
    const { send } = renderPhone(inTurn(), CLEO);
    await userEvent.click(screen.getByRole('button', { name: 'Pass' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'round.pass' });
  });

  it('[O2] after everyone had a turn, the round comes back once to who passed', () => {
    renderPhone(inTurn().pass(CLEO).speak(ANA, 'Fine.').speak(BEN, 'Good.'), CLEO);
    expect(screen.getByText('Your turn: the round came back to you.')).toBeTruthy();
  });

  it('[M3] a round without an order works as before: no turn line, no Pass', () => {
    renderPhone(RoundScript.open(), BEN);
    expect(screen.queryByTestId('turn-line')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pass' })).toBeNull();
    expect(screen.getByLabelText('What would you like to say?')).toBeTruthy();
  });
});

describe('O1 on the console and the projector: who speaks now and who is next', () => {
  it('[O1] the console sets the seating order as arranged, or asks for a shuffle', async () => {
    const send = fakeSend();
    renderRound(<RoundConsole view={RoundScript.open().view()} />, send, { role: 'facilitator' });
    const order = screen.getByRole('region', { name: 'Go around in turn' });
    await userEvent.click(within(order).getByRole('button', { name: 'Move Cleo up' }));
    await userEvent.click(within(order).getByRole('button', { name: 'Go in this order' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'round.order', order: [ANA, CLEO, BEN] });
    await userEvent.click(within(order).getByRole('button', { name: 'Shuffle' }));
    expect(send.mock.calls[1]![0]).toMatchObject({ type: 'round.order', shuffle: true });
    expect(send.mock.calls[1]![0]).not.toHaveProperty('order');
  });

  it('[O1] the console and the projector show who speaks now and who is next', () => {
    const script = inTurn().speak(CLEO, 'Hi.');
    renderRound(<RoundConsole view={script.view()} />, fakeSend(), { role: 'facilitator' });
    expect(screen.getByTestId('turn-line').textContent).toBe('Speaking now: Ana · Next: Ben');
    screen.getByTestId('turn-line').remove();
    renderRound(<RoundProjector view={script.view()} online={{}} />, undefined, { role: 'facilitator' });
    expect(screen.getByTestId('turn-line').textContent).toBe('Speaking now: Ana · Next: Ben');
  });
});
