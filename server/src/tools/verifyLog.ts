/**
 * `npm run verify` (verify.ts): checks every meeting's log in a database file, read-only, also
 * while the server runs. A log is sound when its seqs run from 1 without gaps, every row parses
 * as an event of the one event schema (shared/src/eventSchema.ts, the schema the server checks
 * every row against before it replays a log) and matches its row, and its replay is accepted by
 * the server's own rules: the replay is LiveMeeting's (meeting/liveMeeting.ts), which checks each event with
 * `admits` (decision/meetingDecide.ts) as it was checked when it was decided, and quarantines the
 * meeting at the first one refused (A11). Nothing here judges an event a second way.
 */
import { eventProblem } from '@circlewise/shared/eventSchema';
import type { MeetingEvent } from '@circlewise/shared/events';
import Database from 'better-sqlite3';
import { LiveMeeting } from '../meeting/liveMeeting';

/** What one bad meeting's log is reported with: where it first went wrong, and why. */
export interface BadLog {
  meetingId: string;
  code: string;
  seq: number;
  reason: string;
}

export interface Verdict {
  meetings: number;
  events: number;
  bad: BadLog[];
}

interface Row {
  seq: number;
  type: string;
  body: string;
}

/** Checks every meeting in `file`, closed ones too. Opens the file read-only. */
export function verifyDatabase(file: string): Verdict {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const meetings = db.prepare('SELECT id, code FROM meetings ORDER BY created_at').all() as Array<{
      id: string;
      code: string;
    }>;
    const rows = db.prepare<[string], Row>(
      'SELECT seq, type, body FROM events WHERE meeting_id = ? ORDER BY seq',
    );
    const verdict: Verdict = { meetings: meetings.length, events: 0, bad: [] };
    for (const m of meetings) {
      const log = rows.all(m.id);
      verdict.events += log.length;
      const problem = checkLog(m.id, m.code, log);
      if (problem) verdict.bad.push({ meetingId: m.id, code: m.code, ...problem });
    }
    return verdict;
  } finally {
    db.close();
  }
}

/** The first problem in one meeting's rows, or undefined if its log is sound. */
export function checkLog(
  meetingId: string,
  code: string,
  log: readonly Row[],
): { seq: number; reason: string } | undefined {
  if (log.length === 0) return { seq: 1, reason: 'the log is empty: no meeting.created' };
  const events: MeetingEvent[] = [];
  for (const [i, row] of log.entries()) {
    const expected = i + 1;
    if (row.seq !== expected) {
      return { seq: expected, reason: `gap: seq ${expected} is missing (the next row is seq ${row.seq})` };
    }
    let body: unknown;
    try {
      body = JSON.parse(row.body);
    } catch (error) {
      return { seq: row.seq, reason: `the row is not JSON (${(error as Error).message})` };
    }
    const problem = eventProblem(body);
    if (problem) return { seq: row.seq, reason: `not an event: ${problem}` };
    const event = body as MeetingEvent;
    if (event.seq !== row.seq || event.type !== row.type) {
      return {
        seq: row.seq,
        reason: `the event says ${event.type} at seq ${event.seq}, its row ${row.type} at seq ${row.seq}`,
      };
    }
    events.push(event);
  }
  try {
    const { quarantine } = new LiveMeeting(meetingId, code, events);
    if (quarantine) return { seq: quarantine.seq, reason: `refused on replay: ${quarantine.reason}` };
  } catch (error) {
    return { seq: events.at(-1)?.seq ?? 1, reason: `the replay failed (${(error as Error).message})` };
  }
  return undefined;
}
