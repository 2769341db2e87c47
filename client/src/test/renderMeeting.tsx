import type { CommandInput } from '@circlewise/shared/commands';
import type { AnyMeetingView } from '@circlewise/shared/meeting';
import type { CommandResult } from '@circlewise/shared/protocol';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MeetingProvider } from '../store/MeetingContext';
import { createMeetingStore, type MeetingState } from '../store/meetingStore';

export function renderWithMeeting(
  ui: ReactNode,
  view: AnyMeetingView,
  send: (command: CommandInput) => Promise<CommandResult>,
  state: Partial<MeetingState> = {},
) {
  const store = createMeetingStore({ connection: 'joined', view, ...state });
  return {
    store,
    ...render(
      <MeetingProvider store={store} send={send}>
        {ui}
      </MeetingProvider>,
    ),
  };
}
