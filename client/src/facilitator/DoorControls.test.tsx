import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MeetingGate } from '../components/MeetingGate';
import { MeetingProvider } from '../store/MeetingContext';
import { createMeetingStore } from '../store/meetingStore';
import { BEN, fakeSend, MeetingScript, uuidFor } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { PeoplePanel } from './PeoplePanel';

const DORA = uuidFor(900);

function renderPeople(script: MeetingScript, send = fakeSend()) {
  const viewer = { role: 'facilitator' } as const;
  renderWithMeeting(<PeoplePanel view={script.viewFor(viewer)} />, script.viewFor(viewer), send, {
    role: 'facilitator',
    meeting: script.agendaFor(viewer),
  });
  return { send, people: screen.getByRole('region', { name: /People/ }) };
}

describe('S12 the console’s door', () => {
  it('[S12] locks an open meeting, and unlocks a locked one', async () => {
    const open = renderPeople(MeetingScript.at('clarifying'));
    await userEvent.click(within(open.people).getByRole('button', { name: 'Lock the meeting' }));
    expect(open.send.mock.calls[0]![0]).toMatchObject({ type: 'meeting.lock' });
  });

  it('[S12] lists who waits, and admits or refuses them', async () => {
    const script = MeetingScript.at('clarifying')
      .add({ type: 'meeting.locked', by: 'facilitator' })
      .add({ type: 'participant.waiting', participantId: DORA, name: 'Dora', by: DORA });
    const { send, people } = renderPeople(script);
    expect(within(people).getByRole('button', { name: 'Unlock the meeting' })).toBeTruthy();
    const waiting = within(people).getByRole('region', { name: /Waiting to be admitted \(1\)/ });
    await userEvent.click(within(waiting).getByRole('button', { name: 'Admit Dora' }));
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'participant.admit', participantId: DORA });
    await userEvent.click(within(waiting).getByRole('button', { name: 'Refuse Dora' }));
    expect(send.mock.calls[1]![0]).toMatchObject({ type: 'participant.refuse', participantId: DORA });
  });

  it('[S12] removes a participant only after a confirmation', async () => {
    const { send, people } = renderPeople(MeetingScript.at('clarifying'));
    await userEvent.click(within(people).getByRole('button', { name: 'Remove Ben' }));
    expect(send).not.toHaveBeenCalled();
    await userEvent.click(within(people).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(people).getByRole('button', { name: 'Remove Ben' }));
    await userEvent.click(within(people).getByRole('button', { name: 'Yes, remove Ben' }));
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'participant.remove', participantId: BEN });
  });

  it('[S12] a removed participant is not listed as present or absent', () => {
    const script = MeetingScript.at('clarifying').add({
      type: 'participant.removed',
      participantId: BEN,
      by: 'facilitator',
    });
    const { people } = renderPeople(script);
    expect(within(people).queryByText(/Ben/)).toBeNull();
    expect(screen.getByRole('heading', { name: /People \(2 present\)/ })).toBeTruthy();
  });
});

describe('S12 the phone at the door', () => {
  const gate = (state: Parameters<typeof createMeetingStore>[0]) =>
    render(
      <MeetingProvider store={createMeetingStore(state)} send={fakeSend()}>
        <MeetingGate code="ABC123">
          <p>the meeting</p>
        </MeetingGate>
      </MeetingProvider>,
    );

  it('[S12] shows that it waits to be admitted', () => {
    gate({ connection: 'waiting', joinError: { code: 'waiting', message: 'Locked.' } });
    expect(screen.getByRole('status').textContent).toMatch(/Waiting to be admitted/);
    expect(screen.queryByText('the meeting')).toBeNull();
  });

  it.each([
    ['removed', 'The facilitator removed you from this meeting.', /removed you.*Ask the facilitator/],
    ['name_taken', 'Ana is already here: add an initial or a surname.', /Ana is already here.*another name/],
    ['meeting_full', 'This meeting is full.', /This meeting is full/],
    ['rate_limited', 'Too many people are joining at once.', /Too many people/],
  ] as const)('[S12] says clearly why a join was refused: %s', (code, message, shown) => {
    gate({ connection: 'failed', joinError: { code, message } });
    expect(screen.getByRole('alert').textContent).toMatch(shown);
  });
});
