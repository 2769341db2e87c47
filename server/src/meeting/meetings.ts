/**
 * The meetings this process serves: live actors in memory, the store behind them. The only
 * place that assumes one process is this cache (ARCHITECTURE: scaling out routes by meeting id).
 */
import { randomUUID } from 'node:crypto';
import { normaliseCode } from '@circlewise/shared/commands';
import type { MeetingKind } from '@circlewise/shared/constants';
import { FACILITATOR, type MeetingEvent } from '@circlewise/shared/events';
import type { CreatedMeeting } from '@circlewise/shared/protocol';
import { hashSecret, newMeetingCode, newSecret } from '../auth/secrets';
import { DamagedRowError, type EventStore, type MeetingRecord } from '../store/eventStore';
import { LiveMeeting } from './liveMeeting';

export interface NewMeetingOptions {
  circleId?: string;
  /** R3: the agreement this decision reviews. */
  reviewOf?: string;
  /** A decision's proposal to start from (a review starts from the agreement's text). */
  proposal?: { title: string; driver: string; text: string };
}

export class Meetings {
  private readonly byId = new Map<string, LiveMeeting>();

  constructor(
    readonly store: EventStore,
    private readonly now: () => number = Date.now,
    /** Where a meeting that cannot be replayed is reported (A11). */
    private readonly log: (message: string, error?: unknown) => void = (m, e) =>
      e === undefined ? console.error(m) : console.error(m, e),
  ) {}

  /**
   * A8: rebuild every live meeting by replaying its log: the open ones that `keep` keeps (the
   * lifetime sweep leaves out those due to be closed as abandoned). Returns how many were loaded.
   */
  restore(keep: (meeting: MeetingRecord) => boolean = () => true): number {
    let loaded = 0;
    for (const m of this.store.openMeetings()) {
      if (!keep(m)) continue;
      // A11: one meeting whose log cannot be read is reported; every other meeting starts.
      try {
        this.byId.set(m.id, this.load(m.id, m.code));
        loaded++;
      } catch (error) {
        this.log(`circlewise: meeting ${m.id} could not be loaded from its log; it is left out`, error);
      }
    }
    return loaded;
  }

  /**
   * A new meeting, its first item of `kind`. In a circle (S3), `circleId` ties it to the circle;
   * a review of an agreement (R3) names it in `reviewOf` and starts from its text (`proposal`).
   */
  create(title: string, kind: MeetingKind = 'decision', options: NewMeetingOptions = {}): CreatedMeeting {
    const meetingId = randomUUID();
    const facilitatorKey = newSecret();
    const at = this.now();
    // Codes are short, so a clash with an existing meeting is possible: draw again.
    let code = newMeetingCode();
    while (this.store.meetingByCode(code)) code = newMeetingCode();
    const commandId = randomUUID();
    // The circle's review period goes into the record, so a later change of it does not alter
    // what this meeting decided (time is data, A7).
    const circle = options.circleId ? this.store.circleById(options.circleId) : undefined;
    const reviewMonths = circle?.reviewMonths;
    // The same for the circle's default timeboxes (T1).
    const timeboxMinutes = circle?.timeboxMinutes;
    const first: MeetingEvent = {
      type: 'meeting.created',
      meetingId,
      code,
      title,
      kind,
      ...(options.circleId !== undefined && { circleId: options.circleId }),
      ...(reviewMonths !== undefined && { reviewMonths }),
      ...(timeboxMinutes && Object.keys(timeboxMinutes).length > 0 && { timeboxMinutes }),
      ...(options.reviewOf !== undefined && { reviewOf: options.reviewOf }),
      by: FACILITATOR,
      seq: 1,
      at,
      commandId,
    };
    // The pre-filled proposal is the decision's first edit, recorded with its creation.
    const then: MeetingEvent[] = options.proposal
      ? [{ type: 'proposal.edited', ...options.proposal, by: FACILITATOR, seq: 2, at, commandId }]
      : [];
    this.store.createMeeting(
      { id: meetingId, code, createdAt: at, closedAt: null, circleId: options.circleId ?? null },
      first,
      { hash: hashSecret(facilitatorKey), role: 'facilitator', participantId: null },
      then,
    );
    this.byId.set(meetingId, new LiveMeeting(meetingId, code, [first, ...then]));
    return { meetingId, code, facilitatorKey };
  }

  /**
   * The meeting with this code. A live (open) one is kept in memory; a closed one is read from its
   * log for the caller and not kept, so reading old meetings does not fill memory. Callers ask
   * only once the reader may read it (a join, a valid token or circle key).
   */
  byCode(code: string): LiveMeeting | undefined {
    const record = this.store.meetingByCode(normaliseCode(code));
    return record && this.fetch(record);
  }

  /** The meeting by id: kept in memory when live, read through when closed (see byCode). */
  get(id: string): LiveMeeting | undefined {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const record = this.store.meetingById(id);
    return record && this.fetch(record);
  }

  /**
   * The meeting for one read or one server command, without keeping it: the instance in memory if
   * there is one, else a replay of its log that the caller lets go.
   */
  read(id: string): LiveMeeting | undefined {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const record = this.store.meetingById(id);
    return record && this.load(record.id, record.code);
  }

  /**
   * Keeps a meeting that a connection has joined in memory while it is there, closed or not (its
   * presence is counted on it); the gateway lets a finished one go with its last connection.
   */
  hold(meeting: LiveMeeting): void {
    if (!this.byId.has(meeting.id)) this.byId.set(meeting.id, meeting);
  }

  /** Meetings in memory now: the live ones, and finished ones someone is connected to. */
  count(): number {
    return this.byId.size;
  }

  /**
   * Lets a meeting that is over leave memory once nobody is connected to it: its log is the
   * truth, so the next join, resync or read loads it again (A8).
   */
  forget(id: string): void {
    this.byId.delete(id);
  }

  /**
   * Rebuilds a meeting from its log, replacing what is in memory: after an APPLY that failed
   * once its events were appended, the log is the truth and memory is not (A1, A8).
   */
  reload(id: string): LiveMeeting | undefined {
    this.byId.delete(id);
    return this.get(id);
  }

  /** The meeting if it is in memory now, without loading it. */
  cached(id: string): LiveMeeting | undefined {
    return this.byId.get(id);
  }

  private fetch(record: MeetingRecord): LiveMeeting {
    const cached = this.byId.get(record.id);
    if (cached) return cached;
    const meeting = this.load(record.id, record.code);
    if (record.closedAt === null) this.byId.set(record.id, meeting);
    return meeting;
  }

  /** Replays a meeting's log into a new instance; the caller decides whether it is kept. */
  private load(id: string, code: string): LiveMeeting {
    const meeting = replay(id, code, this.store);
    if (meeting.quarantine) {
      const { seq, reason } = meeting.quarantine;
      this.log(`circlewise: meeting ${id} quarantined at seq ${seq} (${reason}); it is served read-only`);
    }
    return meeting;
  }
}

/** A meeting from its log; a row the store cannot read stops the replay there (A11). */
function replay(id: string, code: string, store: EventStore): LiveMeeting {
  try {
    return new LiveMeeting(id, code, store.events(id));
  } catch (error) {
    if (!(error instanceof DamagedRowError)) throw error;
    return new LiveMeeting(id, code, error.readable, { seq: error.seq, reason: error.reason });
  }
}
