/**
 * A11: a meeting whose log holds an event its rules refuse is quarantined when the server starts:
 * reported with its id and the seq, served read-only (readable, every command refused with
 * `read_only`, its log untouched), while every other meeting starts and runs as usual.
 *
 * The bad event is written into the SQLite file by hand while the server is down, as an older
 * server with a looser rule (or a hand edit) would have left it.
 */
import { FACILITATOR, type MeetingEvent } from '@circlewise/shared/events';
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type TestClient, type TestServer, uuid } from '../support/server';
import {
  advance,
  client,
  expectError,
  itemView,
  log,
  ok,
  openMeeting,
  pid,
  serverMeeting,
  settle,
  withServer,
} from './helpers';

let server: TestServer;

withServer({ set: (s) => (server = s), current: () => server }, { perTest: true });
afterEach(() => {
  vi.restoreAllMocks();
});

interface Row {
  seq: number;
  command_id: string;
  type: string;
  at: number;
  body: string;
}

/** A meeting's rows as the file holds them, read past the server. */
function rows(dbFile: string, meetingId: string): Row[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], Row>(
        'SELECT seq, command_id, type, at, body FROM events WHERE meeting_id = ? ORDER BY seq',
      )
      .all(meetingId);
  } finally {
    db.close();
  }
}

/** Appends one event to a meeting's log in the file, with its command row, as the store would. */
function inject(dbFile: string, meetingId: string, event: MeetingEvent): void {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.transaction(() => {
      db.prepare(
        'INSERT INTO events (meeting_id, seq, command_id, type, at, body) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(meetingId, event.seq, event.commandId, event.type, event.at, JSON.stringify(event));
      db.prepare('INSERT INTO commands (meeting_id, command_id, last_seq) VALUES (?, ?, ?)').run(
        meetingId,
        event.commandId,
        event.seq,
      );
    })();
  } finally {
    db.close();
  }
}

/** Events the rules refuse in a decision that is in clarifying questions. */
const refused: Array<{ name: string; body: (seq: number) => MeetingEvent }> = [
  {
    // No outcome can be recorded before the consent round.
    name: 'an adoption recorded during clarifying questions',
    body: (seq) => ({
      type: 'outcome.recorded',
      outcome: 'adopted',
      version: 1,
      by: FACILITATOR,
      seq,
      at: Date.now(),
      commandId: uuid(),
    }),
  },
  {
    // Only a question that was asked can be answered.
    name: 'an answer to a question nobody asked',
    body: (seq) => ({
      type: 'question.answered',
      questionId: uuid(),
      text: 'An answer to nothing.',
      by: FACILITATOR,
      seq,
      at: Date.now(),
      commandId: uuid(),
    }),
  },
];

describe('[A11] quarantine on start', () => {
  it.each(refused)(
    '[A11] a meeting whose log contains an event its machine refuses is quarantined at start, while the others run ($name)',
    async ({ body }) => {
      // Two decisions, each with a few commands: A gets the bad event, B is left as it is.
      const a = await openMeeting(server, ['Ada', 'Cleo'], 'Meeting A');
      const b = await openMeeting(server, ['Ben'], 'Meeting B');
      for (const m of [a, b]) {
        const [first] = m.participants as [TestClient];
        ok(
          await m.facilitator.command({
            type: 'proposal.edit',
            title: m.meeting.code,
            driver: 'D',
            text: 'T',
          }),
        );
        await advance(m.facilitator, 'proposal');
        ok(await first.command({ type: 'question.ask', text: 'Why now?' }));
      }
      // Cleo leaves A: her rejoin after the restart is a returning absentee's, which records a join.
      const [ada, cleo] = a.participants as [TestClient, TestClient];
      ok(await cleo.command({ type: 'participant.leave' }));
      const tokens = { ada: ada.token, cleo: cleo.token, ben: b.participants[0]!.token };
      const ids = { ada: pid(ada), cleo: pid(cleo) };
      const bBefore = log(server, b.meeting.meetingId);

      await server.stop();
      const badSeq = rows(server.dbFile, a.meeting.meetingId).length + 1;
      inject(server.dbFile, a.meeting.meetingId, body(badSeq));
      const aRows = rows(server.dbFile, a.meeting.meetingId);
      expect(aRows.at(-1)?.seq).toBe(badSeq);

      // Start again on the same file, with the server's error log captured.
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      server = await server.restart();
      const reported = errors.mock.calls.map((args) => args.map(String).join(' '));
      errors.mockRestore();

      // Reported once, naming meeting A and the seq of the refused event; nothing about B.
      const quarantined = reported.filter((line) => line.includes('quarantined'));
      expect(quarantined).toHaveLength(1);
      expect(quarantined[0]).toContain(`meeting ${a.meeting.meetingId} quarantined at seq ${badSeq} (`);
      expect(reported.some((line) => line.includes(b.meeting.meetingId))).toBe(false);
      expect(server.app.meetings.count()).toBe(2);
      expect(server.app.meetings.get(a.meeting.meetingId)?.quarantine?.seq).toBe(badSeq);
      expect(server.app.meetings.get(b.meeting.meetingId)?.quarantine).toBeUndefined();

      // B runs as usual: its people rejoin, a participant's command is acked and broadcast.
      expect(log(server, b.meeting.meetingId)).toEqual(bBefore);
      const bFac = client(server, b.meeting.facilitatorKey);
      ok(await bFac.join(b.meeting.code));
      const ben = client(server, tokens.ben);
      expect(itemView(ok(await ben.join(b.meeting.code)).view).stage).toBe('clarifying');
      const asked = ok(await ben.command({ type: 'question.ask', text: 'Who pays?' }));
      expect(asked.seq).toBe(bBefore.length + 1);
      await settle([bFac, ben], asked.seq);
      expect(bFac.view?.questions.map((q) => q.text)).toEqual(['Why now?', 'Who pays?']);
      expect(await ben.command({ type: 'reaction.give', text: 'Early.' })).toMatchObject({
        ok: false,
        error: { code: 'wrong_stage' },
      });
      await advance(bFac, 'clarifying');

      // A can be read: its facilitator and participants rejoin with their secrets and get the view,
      // which is the replay of the whole log; its record answers over REST.
      const aView = reduceMeetingLog(log(server, a.meeting.meetingId));
      expect(serverMeeting(server, a.meeting.meetingId, { role: 'facilitator' })).toEqual(aView);
      const aFac = client(server, a.meeting.facilitatorKey);
      expect(ok(await aFac.join(a.meeting.code)).view).toEqual(aView);
      const ada2 = client(server, tokens.ada);
      expect(ok(await ada2.join(a.meeting.code)).participantId).toBe(ids.ada);
      const cleo2 = client(server, tokens.cleo);
      expect(ok(await cleo2.join(a.meeting.code)).participantId).toBe(ids.cleo);
      expect((await ada2.resync(0)).ok).toBe(true);
      const events = await fetch(`${server.url}/api/meetings/${a.meeting.code}/events`, {
        headers: { authorization: `Bearer ${a.meeting.facilitatorKey}` },
      });
      expect(events.status).toBe(200);
      expect(((await events.json()) as { events: MeetingEvent[] }).events.map((e) => e.seq)).toEqual(
        aRows.map((r) => r.seq),
      );
      const minutes = await fetch(`${server.url}/api/meetings/${a.meeting.code}/minutes.md`, {
        headers: { authorization: `Bearer ${tokens.ada}` },
      });
      expect(minutes.status).toBe(200);
      expect(await minutes.text()).toContain(a.meeting.code);

      // …and nothing can be written to it: every command is refused read-only, by anyone.
      expectError(await ada2.command({ type: 'question.ask', text: 'Still there?' }), 'read_only');
      expectError(await aFac.command({ type: 'stage.advance', from: 'clarifying' }), 'read_only');
      expectError(
        await aFac.command({ type: 'proposal.edit', title: 'X', driver: 'Y', text: 'Z' }),
        'read_only',
      );
      expectError(await ada2.command({ type: 'participant.leave' }), 'read_only');

      // A newcomer is not let in (no participant can be recorded in it).
      expect(await client(server).join(a.meeting.code, 'Newcomer')).toMatchObject({
        ok: false,
        error: { code: 'read_only' },
      });

      // Its log in the file is what it was: the rejoins and refusals recorded nothing.
      expect(rows(server.dbFile, a.meeting.meetingId)).toEqual(aRows);
      expect(log(server, a.meeting.meetingId).map((e) => e.seq)).toEqual(aRows.map((r) => r.seq));
    },
  );
});
