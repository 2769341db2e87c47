import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MeetingProvider } from '../store/MeetingContext';
import { createMeetingStore } from '../store/meetingStore';
import { fakeSend } from '../test/meetingScript';
import { ConnectionBanner } from './ConnectionBanner';

describe('ConnectionBanner', () => {
  it('[A12] says the server is restarting while it is, and goes once the screen has joined again', () => {
    const store = createMeetingStore({ connection: 'reconnecting' });
    render(
      <MeetingProvider store={store} send={fakeSend()}>
        <ConnectionBanner />
      </MeetingProvider>,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Reconnecting…/);
    act(() => store.setState({ restarting: true }));
    expect(screen.getByRole('status').textContent).toMatch(/^The server is restarting…/);
    act(() => store.setState({ connection: 'joined', restarting: false }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
