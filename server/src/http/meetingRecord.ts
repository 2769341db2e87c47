/**
 * A meeting's record over REST, for whoever may read it: its log and its minutes as Markdown or
 * JSON (R1, R2). One copy for both ways in: a meeting's own token (routes.ts) and a circle's
 * member link (circleRoutes.ts). The minutes are made from the same filtered log as the events,
 * so an export holds nothing its reader could not read there (A6).
 */
import { eventProblem } from '@circlewise/shared/eventSchema';
import type { MeetingEvent } from '@circlewise/shared/events';
import { buildMeetingMinutes, meetingMinutesToJson } from '@circlewise/shared/meetingMinutes';
import { isTimeZone, meetingMinutesToMarkdown } from '@circlewise/shared/minutesMarkdown';
import { eventFor, type Viewer } from '@circlewise/shared/visibility';
import type { Request, Response } from 'express';
import { DamagedRowError, type EventStore } from '../store/eventStore';
import { sendError, whenDurable } from './respond';

export interface ReadableMeeting {
  id: string;
  code: string;
}

/** The log as far as it can be read: a damaged row ends it there (A11, quarantined). */
function readLog(store: EventStore, meeting: ReadableMeeting, viewer: Viewer) {
  let events: MeetingEvent[];
  try {
    events = store.events(meeting.id);
  } catch (error) {
    if (!(error instanceof DamagedRowError)) throw error;
    events = error.readable;
  }
  // A row that is JSON but not an event, or out of place, ends it too: the minutes are made from
  // what a replay accepts, and never crash on what it would not.
  const bad = events.findIndex((e, i) => e.seq !== i + 1 || eventProblem(e) !== null);
  return (bad < 0 ? events : events.slice(0, bad)).map((e) => eventFor(e, viewer));
}

export function sendMeetingEvents(
  store: EventStore,
  res: Response,
  meeting: ReadableMeeting,
  viewer: Viewer,
): void {
  whenDurable(store, () => res.json({ events: readLog(store, meeting, viewer) }));
}

/** R2: the minutes as a download. `?tz=` sets the time zone of the times (UTC by default). */
export function sendMinutes(
  store: EventStore,
  req: Request,
  res: Response,
  meeting: ReadableMeeting,
  viewer: Viewer,
  format: 'md' | 'json',
): void {
  const tz = req.query.tz;
  if (tz !== undefined && (typeof tz !== 'string' || !isTimeZone(tz))) {
    sendError(res, 400, 'invalid_payload', 'bad_time_zone');
    return;
  }
  const timeZone = tz ?? 'UTC';
  whenDurable(store, () => {
    const minutes = buildMeetingMinutes(readLog(store, meeting, viewer));
    const file = `minutes-${meeting.code}`;
    if (format === 'json') {
      res.attachment(`${file}.json`).json(meetingMinutesToJson(minutes));
      return;
    }
    res
      .attachment(`${file}.md`)
      .type('text/markdown; charset=utf-8')
      .send(meetingMinutesToMarkdown(minutes, { timeZone }));
  });
}
