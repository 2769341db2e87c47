/**
 * A meeting's lifetime (issue 11): an open meeting whose log has had no event for the abandonment
 * time (CIRCLEWISE_ABANDON_DAYS, 14 days unless set) is closed as abandoned, recorded in its log
 * as `meeting.abandoned` through the same spine as every other command the server runs itself
 * (DECIDE → APPEND → APPLY → BROADCAST). Idleness is measured from the last event's time in the
 * log (A7), so a restart neither resets nor forgets it; the sweep runs at start and then
 * periodically on a timer that does not keep the process alive.
 *
 * Start-up loads only live meetings (`Meetings.restore` is given `due` to leave the others out);
 * a meeting closed here leaves memory unless someone is connected to it.
 */
import { randomUUID } from 'node:crypto';
import type { Meetings } from '../meeting/meetings';
import type { CommandRunner } from './commandRunner';
import type { Log } from './recorder';

export const DEFAULT_ABANDON_DAYS = 14;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often the sweep looks, at most: an hour (less when the abandonment time is short). */
const MAX_CHECK_MS = 60 * 60 * 1000;

export interface LifetimeOptions {
  /** No event for this long closes an open meeting as abandoned. */
  abandonAfterMs: number;
  /** How often to look; default the abandonment time / 4, at most an hour. */
  checkEveryMs?: number;
  now?: () => number;
  log?: Log;
}

export class Lifetime {
  private readonly now: () => number;
  private readonly log: Log;
  private readonly checkEveryMs: number;
  /** Quarantined meetings (A11) take no command: they are not tried again at every sweep. */
  private readonly skipped = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly meetings: Meetings,
    private readonly runner: CommandRunner,
    private readonly options: LifetimeOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((m, e) => (e === undefined ? console.log(m) : console.error(m, e)));
    this.checkEveryMs =
      options.checkEveryMs ?? Math.max(1000, Math.min(MAX_CHECK_MS, options.abandonAfterMs / 4));
  }

  /** Is this meeting due to be closed as abandoned, by its log's last event time? Loads nothing. */
  due(meetingId: string): boolean {
    const at = this.meetings.store.lastEventAt(meetingId);
    return at !== undefined && this.now() - at >= this.options.abandonAfterMs;
  }

  /** Closes every open meeting that is due; returns how many were closed. */
  sweep(): number {
    let closed = 0;
    for (const record of this.meetings.store.openMeetings()) {
      if (this.skipped.has(record.id) || !this.due(record.id)) continue;
      try {
        if (this.abandon(record.id)) closed++;
      } catch (error) {
        // A failed write (a full disk) is tried again at the next sweep; the rest go on.
        this.log(`circlewise: meeting ${record.id} could not be closed as abandoned`, error);
      }
    }
    if (closed > 0) {
      const days = Math.round((this.options.abandonAfterMs / DAY_MS) * 100) / 100;
      this.log(
        `circlewise: closed ${closed} meeting(s) as abandoned after ${days} days without activity; ${this.meetings.count()} meeting(s) in memory`,
      );
    }
    return closed;
  }

  /** Sweeps now, then every `checkEveryMs` on an unref'd timer. */
  start(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), this.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private abandon(id: string): boolean {
    const kept = this.meetings.cached(id);
    const meeting = kept ?? this.meetings.read(id);
    if (!meeting) return false;
    if (meeting.quarantine) {
      this.skipped.add(id);
      return false;
    }
    const command = {
      type: 'meeting.abandon',
      commandId: randomUUID(),
      afterMs: this.options.abandonAfterMs,
    } as const;
    const result = this.runner.run(id, command, meeting);
    // Nobody is there to read it: it leaves memory (a connected screen keeps it until it leaves).
    if (result.ok && kept && kept.online().length === 0) this.meetings.forget(id);
    return result.ok;
  }
}
