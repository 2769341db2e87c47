import { FACILITATOR } from '@circlewise/shared/events';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeboxPanel } from '../facilitator/TimeboxPanel';
import { ParticipantFrame } from '../participant/ParticipantFrame';
import { ANA, fakeSend, MeetingScript } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { Countdown, HIDE_COUNTDOWN_KEY } from './Countdown';

/** This device's clock when the test starts. */
const DEVICE_NOW = Date.UTC(2025, 0, 15, 10, 0, 0);

/** A meeting in clarifying with a timebox whose deadline is `deadline` on the server's clock. */
function meetingWithTimebox(deadline: number) {
  const script = MeetingScript.at('clarifying');
  const viewer = { role: 'participant' as const, participantId: ANA };
  const itemId = script.agendaFor(viewer).currentItemId;
  script.add({ type: 'timebox.set', itemId, stage: 'clarifying', deadline, reason: 'set', by: FACILITATOR });
  return { script, meeting: script.agendaFor(viewer), view: script.viewFor(viewer) };
}

function renderCountdown(deadline: number, clockOffset: number, ui = <Countdown hideable />) {
  const { meeting, view } = meetingWithTimebox(deadline);
  return renderWithMeeting(ui, view, fakeSend(), { participantId: ANA, meeting, clockOffset });
}

const clock = () => screen.queryByRole('timer')?.textContent;
const announced = () => screen.getByTestId('countdown-announcer').textContent;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(DEVICE_NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('[T2] one countdown, corrected for this device', () => {
  it('[T2] counts down to the server deadline on a device whose clock is 30 s behind', () => {
    // The server is 30 s ahead of this device; its deadline is 90 s from its own now.
    const offset = 30_000;
    renderCountdown(DEVICE_NOW + offset + 90_000, offset);
    expect(clock()).toBe('1:30');
    act(() => vi.advanceTimersByTime(30_000));
    expect(clock()).toBe('1:00');
  });

  it('[T2] without the correction the same deadline would read 30 s long', () => {
    renderCountdown(DEVICE_NOW + 30_000 + 90_000, 0);
    expect(clock()).toBe('2:00');
  });

  it('[T2] at zero every screen says time is up, and the countdown stops there', () => {
    renderCountdown(DEVICE_NOW + 5_000, 0);
    act(() => vi.advanceTimersByTime(5_000));
    expect(clock()).toBe('Time is up');
    act(() => vi.advanceTimersByTime(60_000));
    expect(clock()).toBe('Time is up');
  });

  it('[T2] the phone, the console and the projector show nothing without a timebox', () => {
    const script = MeetingScript.at('clarifying');
    const viewer = { role: 'participant' as const, participantId: ANA };
    renderWithMeeting(<Countdown />, script.viewFor(viewer), fakeSend(), {
      meeting: script.agendaFor(viewer),
    });
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

describe('[T3] an accessible countdown', () => {
  it('[T3] a screen reader hears only the thresholds: 5 minutes, 1 minute, time up', () => {
    renderCountdown(DEVICE_NOW + 6 * 60_000, 0);
    const heard: string[] = [];
    let last = announced();
    expect(last).toBe('');
    for (let s = 0; s < 6 * 60 + 5; s++) {
      act(() => vi.advanceTimersByTime(1_000));
      const now = announced();
      if (now !== last && now) heard.push(now ?? '');
      last = now;
    }
    expect(heard).toEqual(['5 minutes left.', '1 minute left.', 'Time is up.']);
  });

  it('[T3] the clock itself is a timer, not a live region read each second', () => {
    renderCountdown(DEVICE_NOW + 120_000, 0);
    const timer = screen.getByRole('timer');
    expect(timer.getAttribute('aria-live')).toBeNull();
    expect(timer.closest('[aria-live]')).toBeNull();
  });

  it('[T3] a participant can hide the countdown, and the phone remembers it', () => {
    renderCountdown(DEVICE_NOW + 120_000, 0);
    fireEvent.click(screen.getByRole('button', { name: 'Hide countdown' }));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(localStorage.getItem(HIDE_COUNTDOWN_KEY)).toBe('1');
    // Crossing a threshold while hidden says nothing.
    act(() => vi.advanceTimersByTime(61_000));
    expect(announced()).toBe('');
  });

  it('[T3] a hidden countdown stays hidden on the next page load', () => {
    localStorage.setItem(HIDE_COUNTDOWN_KEY, '1');
    renderCountdown(DEVICE_NOW + 120_000, 0);
    expect(screen.queryByRole('timer')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show countdown' }));
    expect(clock()).toBe('2:00');
    expect(localStorage.getItem(HIDE_COUNTDOWN_KEY)).toBeNull();
  });

  it('[T3] the phone stage view shows the countdown with its hide button', () => {
    const { meeting, view } = meetingWithTimebox(DEVICE_NOW + 120_000);
    renderWithMeeting(
      <ParticipantFrame context="Meeting" name="Ana" stage="clarifying" ask="Ask" present>
        <p>stage</p>
      </ParticipantFrame>,
      view,
      fakeSend(),
      { participantId: ANA, meeting, clockOffset: 0 },
    );
    expect(clock()).toBe('2:00');
    expect(screen.getByRole('button', { name: 'Hide countdown' })).toBeTruthy();
  });
});

describe('[T1] the console sets, extends and clears the timebox', () => {
  it('[T1] sets a timebox on the current stage with its default minutes', () => {
    const script = MeetingScript.at('clarifying');
    const viewer = { role: 'facilitator' as const };
    const send = fakeSend();
    renderWithMeeting(<TimeboxPanel />, script.viewFor(viewer), send, {
      meeting: script.agendaFor(viewer),
      facilitating: true,
    });
    expect((screen.getByLabelText('Timebox in minutes') as HTMLInputElement).value).toBe('10');
    fireEvent.change(screen.getByLabelText('Timebox in minutes'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set timebox' }));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'timebox.set', stage: 'clarifying', seconds: 180 }),
    );
  });

  it('[T1] pre-fills the circle’s default for the stage, as the meeting recorded it', () => {
    const script = MeetingScript.at('clarifying');
    const viewer = { role: 'facilitator' as const };
    const meeting = { ...script.agendaFor(viewer), timeboxMinutes: { clarifying: 7 } };
    renderWithMeeting(<TimeboxPanel />, script.viewFor(viewer), fakeSend(), { meeting });
    expect((screen.getByLabelText('Timebox in minutes') as HTMLInputElement).value).toBe('7');
  });

  it('[T1] with a timebox running, extends or clears it for the same stage', async () => {
    const { meeting, view } = meetingWithTimebox(DEVICE_NOW + 120_000);
    const send = fakeSend();
    renderWithMeeting(<TimeboxPanel />, view, send, { meeting, clockOffset: 0, facilitating: true });
    expect(clock()).toBe('2:00');
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    expect(send).toHaveBeenLastCalledWith(
      expect.objectContaining({ type: 'timebox.extend', stage: 'clarifying', seconds: 600 }),
    );
    // The extension is acknowledged before the next button is free again.
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(send).toHaveBeenLastCalledWith(
      expect.objectContaining({ type: 'timebox.clear', stage: 'clarifying' }),
    );
  });

  it('[T1] a duration out of bounds is refused on the console before sending', () => {
    const script = MeetingScript.at('clarifying');
    const viewer = { role: 'facilitator' as const };
    const send = fakeSend();
    renderWithMeeting(<TimeboxPanel />, script.viewFor(viewer), send, { meeting: script.agendaFor(viewer) });
    fireEvent.change(screen.getByLabelText('Timebox in minutes'), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set timebox' }));
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/4 hours/);
  });
});
