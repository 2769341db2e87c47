import { reduceMeeting } from '@circlewise/shared/meeting';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withMeeting } from '../store/meetingStore';
import { ANA, MeetingScript } from '../test/meetingScript';
import { renderParticipant } from '../test/renderParticipant';

describe('phones: a stage change brings the new action into view (issue 10 §7)', () => {
  const scrolled: Element[] = [];
  const original = Element.prototype.scrollIntoView;
  beforeEach(() => {
    scrolled.length = 0;
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
  });
  afterEach(() => {
    Element.prototype.scrollIntoView = original;
  });

  it('focuses the new stage heading and scrolls its first input into view', () => {
    const script = MeetingScript.at('clarifying');
    const { store } = renderParticipant(script, ANA);
    expect(scrolled).toEqual([]);
    const n = script.events.length;
    script.move('clarifying', 'reactions');
    act(() => {
      store.setState((s) => withMeeting(s, reduceMeeting(s.meeting!, script.events[n]!)));
    });
    const heading = screen.getByRole('heading', { level: 1, name: 'Reactions' });
    expect(document.activeElement).toBe(heading);
    // The last element scrolled to is the stage's first input.
    expect(scrolled.at(-1)).toBe(screen.getByLabelText('Your reaction'));
  });

  it('moves to the objection round’s first choice', () => {
    const script = MeetingScript.at('reactions');
    const { store } = renderParticipant(script, ANA);
    const n = script.events.length;
    script.move('reactions', 'objections');
    act(() => {
      store.setState((s) => withMeeting(s, reduceMeeting(s.meeting!, script.events[n]!)));
    });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(scrolled.at(-1)).toBe(screen.getByRole('radio', { name: 'No objection (consent)' }));
  });
});
