/**
 * BROADCAST, as the command runner sees it: whoever tells the connected screens (the Socket.IO
 * gateway implements it). The runner depends on this, never on a transport.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import type { LiveMeeting } from '../meeting/liveMeeting';

export interface Publisher {
  /**
   * Sends recorded events to the meeting's screens, each as its viewer may see them (A6). Called
   * once the events are durable (A1), after the sender's ack, in seq order. Also the place for what
   * follows from them on the transport's side (the facilitators' room follows a hand-over, M4).
   */
  publish(meetingId: string, events: readonly MeetingEvent[]): void;
  /**
   * The meeting was rebuilt from its log (an APPLY failed): `meeting` replaces the instance the
   * transport knew, which must carry over what it kept about it (who is connected).
   */
  reloaded(meeting: LiveMeeting): void;
}
