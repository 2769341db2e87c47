import { buildMeetingMinutes } from '@circlewise/shared/meetingMinutes';
import { meetingMinutesToMarkdown } from '@circlewise/shared/minutesMarkdown';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MeetingScript, START } from '../test/meetingScript';
import { MinutesView } from './Minutes';

/** A decision left in clarifying questions, then closed by the server after `days` idle. */
function abandoned(days: number) {
  const s = MeetingScript.at('clarifying');
  const lastActivityAt = s.events.at(-1)?.at ?? START;
  s.add({ type: 'meeting.abandoned', lastActivityAt, idleDays: days, by: 'system' });
  return s.events;
}

describe('minutes of an abandoned meeting [A7]', () => {
  it('[A7] the React minutes say it was closed as abandoned after N days without activity', () => {
    render(<MinutesView events={abandoned(14)} />);
    const log = screen.getByRole('region', { name: 'The agenda as it went' });
    expect(within(log).getByText(/Closed as abandoned after 14 days without activity\./)).toBeTruthy();
    expect(screen.getByText(/^Closed at /)).toBeTruthy();
  });

  it('[A7] the Markdown minutes say so too, with the number of days the log gives', () => {
    const markdown = meetingMinutesToMarkdown(buildMeetingMinutes(abandoned(21)));
    expect(markdown).toContain('Closed as abandoned after 21 days without activity.');
    expect(markdown).not.toContain('not closed yet');
    expect(meetingMinutesToMarkdown(buildMeetingMinutes(abandoned(1)))).toContain(
      'Closed as abandoned after 1 day without activity.',
    );
  });
});
