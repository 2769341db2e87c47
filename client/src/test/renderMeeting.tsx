import type { CommandInput } from '@circlewise/shared/commands';
import type { ItemView, MeetingView, Seated } from '@circlewise/shared/meeting';
import type { CommandResult } from '@circlewise/shared/protocol';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MeetingProvider } from '../store/MeetingContext';
import { createMeetingStore, type MeetingState } from '../store/meetingStore';

/**
 * A meeting of one item, this one, as the server would send it for a meeting made with that kind:
 * the people the item is seated with are the meeting's; the item's own view holds none (M2).
 */
export function agendaOf(seatedView: Seated<ItemView>): MeetingView {
  const { participants, ...rest } = seatedView;
  const view = rest as ItemView;
  const id = view.meetingId || 'meeting';
  return {
    meetingId: id,
    code: view.code,
    title: view.title,
    createdAt: view.createdAt,
    seq: view.seq,
    participants,
    items: [{ id, kind: view.kind, title: view.title, addedAt: view.createdAt, openedAt: view.createdAt }],
    views: { [id]: view },
    currentItemId: id,
    facilitatorId: null,
    handOvers: [],
  };
}

/** Renders with a store holding this item's meeting; a screen without a participant id is the facilitator's. */
export function renderWithMeeting(
  ui: ReactNode,
  view: Seated<ItemView>,
  send: (command: CommandInput) => Promise<CommandResult>,
  state: Partial<MeetingState> = {},
) {
  const store = createMeetingStore({
    connection: 'joined',
    role: state.participantId ? 'participant' : 'facilitator',
    ...state,
    meeting: state.meeting ?? agendaOf(view),
  });
  return {
    store,
    ...render(
      <MeetingProvider store={store} send={send}>
        {ui}
      </MeetingProvider>,
    ),
  };
}
