/**
 * APPEND → APPLY, and nothing else: the events go to the log with what must move with them (a new
 * device's token, the meeting's status; A1, A8), then into the live meeting. Broadcasting and
 * acknowledging are the caller's steps.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import type { LiveMeeting } from '../meeting/liveMeeting';
import type { Meetings } from '../meeting/meetings';
import type { NewToken } from '../store/eventStore';
import { statusAfter } from './meetingStatus';
import type { Publisher } from './publisher';

export interface Recorded {
  /** The live meeting after APPLY: a fresh instance if it had to be rebuilt from its log. */
  meeting: LiveMeeting;
  /** The seq of the last event recorded. */
  seq: number;
}

export type Log = (message: string, error?: unknown) => void;

export class Recorder {
  constructor(
    private readonly meetings: Meetings,
    private readonly publisher: Pick<Publisher, 'reloaded'>,
    private readonly log: Log,
  ) {}

  /**
   * Throws what APPEND throws (SeqConflictError, DuplicateCommandError, a storage failure): then
   * nothing was recorded. Once APPEND has returned, nothing is thrown: the events are recorded.
   */
  record(
    meeting: LiveMeeting,
    commandId: string,
    events: readonly MeetingEvent[],
    token?: NewToken,
    /** A2: who sent the command; absent, the author of its events. */
    sender?: string,
  ): Recorded {
    // APPEND
    const status = statusAfter(meeting.view, events);
    this.meetings.store.append(meeting.id, commandId, events, {
      ...(token && { token }),
      ...(status && { status }),
      ...(sender !== undefined && { sender }),
    });
    // APPLY
    const live = this.apply(meeting, events);
    // A9: under group commit the events are applied before their COMMIT; if it fails, they are
    // not in the log after all, and the meeting goes back to what its log says.
    this.meetings.store.whenDurable?.(
      () => {},
      () => this.rebuild(live),
    );
    return { meeting: live, seq: events[events.length - 1]?.seq ?? live.view.seq };
  }

  /**
   * The events are in the log, whatever happens here. If the live meeting cannot take them, memory
   * is wrong and the log is right: the meeting is rebuilt from its log (A8), and the sender is
   * still told the truth, that its command was recorded. (Keeping the half-applied meeting would
   * make every later append collide on seq until a restart.)
   */
  private apply(meeting: LiveMeeting, events: readonly MeetingEvent[]): LiveMeeting {
    try {
      meeting.apply(events);
      return meeting;
    } catch (error) {
      const seqs = `${events[0]?.seq}–${events[events.length - 1]?.seq}`;
      this.log(
        `circlewise: meeting ${meeting.id} failed to apply seq ${seqs}; rebuilding it from its log`,
        error,
      );
    }
    return this.rebuild(meeting);
  }

  /** Replaces the live meeting by its log's replay; once per failed group (A9), not per append. */
  private rebuild(meeting: LiveMeeting): LiveMeeting {
    const cached = this.meetings.cached(meeting.id);
    if (cached && cached !== meeting) return cached;
    try {
      const rebuilt = this.meetings.reload(meeting.id);
      if (rebuilt) {
        this.publisher.reloaded(rebuilt);
        return rebuilt;
      }
    } catch (error) {
      // Out of memory now; the next join or command loads it from the log again (or finds it
      // quarantined, A11), rather than serve a view that drifted from the log.
      this.log(`circlewise: meeting ${meeting.id} could not be rebuilt from its log`, error);
    }
    return meeting;
  }
}
