import { FACILITATOR } from '@circlewise/shared/events';
import { reduceMeeting } from '@circlewise/shared/meeting';
import { act } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { withMeeting } from '../store/meetingStore';
import { ANA, BEN, fakeSend, MeetingScript } from '../test/meetingScript';
import { renderWithMeeting } from '../test/renderMeeting';
import { ReturnWhenHandedBack } from './ReturnWhenHandedBack';

/** Ana was handed facilitation and has the console open with her participant token. */
function anaFacilitating() {
  const script = MeetingScript.at('clarifying').add({
    type: 'facilitation.handed',
    from: null,
    to: ANA,
    by: FACILITATOR,
  });
  const viewer = { role: 'participant', participantId: ANA } as const;
  const rendered = renderWithMeeting(
    <ReturnWhenHandedBack code="ABC123" />,
    script.viewFor(viewer),
    fakeSend(),
    {
      role: 'participant',
      participantId: ANA,
      meeting: script.agendaFor(viewer),
    },
  );
  expect(rendered.store.getState().facilitating).toBe(true);
  const handBack = (to: string | null) => {
    const n = script.events.length;
    script.add({ type: 'facilitation.handed', from: ANA, to, by: FACILITATOR });
    act(() => {
      rendered.store.setState((s) => withMeeting(s, reduceMeeting(s.meeting!, script.events[n]!)));
    });
  };
  return { ...rendered, handBack };
}

describe('hand-back: a phone that facilitated returns to the participant view [M4]', () => {
  beforeEach(() => window.history.replaceState(null, '', '/m/ABC123/facilitate'));

  it('[M4] stays on the console while it facilitates, and leaves it when facilitation is taken back', () => {
    const { handBack } = anaFacilitating();
    expect(window.location.pathname).toBe('/m/ABC123/facilitate');
    handBack(null);
    expect(window.location.pathname).toBe('/m/ABC123');
  });

  it('[M4] leaves the console when facilitation goes on to someone else', () => {
    const { handBack } = anaFacilitating();
    handBack(BEN);
    expect(window.location.pathname).toBe('/m/ABC123');
  });
});
