import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MeetingProvider } from '../store/MeetingContext';
import { createMeetingStore, type MeetingState } from '../store/meetingStore';
import { fakeSend } from './meetingScript';

/**
 * A round's screen with a joined connection and a fake send. The round's view is the
 * component's prop (the screens route an item's view to it), so the store holds none here.
 */
export function renderRound(ui: ReactNode, send = fakeSend(), state: Partial<MeetingState> = {}) {
  // As renderWithMeeting: a screen without a participant id is the facilitator's, facilitating.
  const store = createMeetingStore({ connection: 'joined', facilitating: !state.participantId, ...state });
  return {
    send,
    store,
    ...render(
      <MeetingProvider store={store} send={send}>
        {ui}
      </MeetingProvider>,
    ),
  };
}
