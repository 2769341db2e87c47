/**
 * T1, T2 with real sockets: a timebox is a recorded deadline (A7), so a server stopped and
 * started on the same file still has it; the join ack carries the server's clock.
 */
import { describe, expect, it } from 'vitest';
import { type TestClient, type TestServer, uuid } from '../support/server';
import { call, createCircle, expectRefusal, openCircleMeeting } from './circleSupport';
import { advance, client, expectError, lastSeq, log, ok, openMeeting, settle, withServer } from './helpers';

let server: TestServer;

describe('timeboxes over sockets', () => {
  withServer({ set: (s) => (server = s), current: () => server }, { perTest: true });

  it('[T1] a restart keeps a deadline', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada']);
    const [ada] = participants as [TestClient];
    ok(
      await fac.command({
        type: 'proposal.edit',
        commandId: uuid(),
        title: 'Garden',
        driver: 'The yard is bare.',
        text: 'Plant a garden.',
      }),
    );
    await advance(fac, 'proposal');
    const before = Date.now();
    ok(await fac.command({ type: 'timebox.set', commandId: uuid(), stage: 'clarifying', seconds: 600 }));
    const timebox = server.app.meetings.get(meeting.meetingId)!.view.timebox;
    expect(timebox?.stage).toBe('clarifying');
    expect(timebox!.deadline).toBeGreaterThanOrEqual(before + 600_000);
    expect(timebox!.deadline).toBeLessThanOrEqual(Date.now() + 600_000);
    await settle([fac, ada], lastSeq(server, meeting.meetingId));
    expect(ada.meeting?.timebox).toEqual(timebox);

    server = await server.restart();
    // The rebuilt meeting has the same deadline: not lost, not reset.
    expect(server.app.meetings.get(meeting.meetingId)!.view.timebox).toEqual(timebox);
    // A phone that joins again gets it in its snapshot, with the server's clock beside it.
    const again = client(server, ada.token);
    const joined = ok(await again.join(meeting.code));
    expect(joined.view.timebox).toEqual(timebox);
    expect(typeof joined.serverNow).toBe('number');
  });

  it('[T1] a participant may not set a timebox, and a stale stage is refused; the log is unchanged', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada']);
    const [ada] = participants as [TestClient];
    const logBefore = log(server, meeting.meetingId);
    expectError(
      await ada.command({ type: 'timebox.set', commandId: uuid(), stage: 'proposal', seconds: 60 }),
      'forbidden',
    );
    expectError(
      await fac.command({ type: 'timebox.set', commandId: uuid(), stage: 'consent', seconds: 60 }),
      'stale_stage',
    );
    expectError(
      await fac.command({ type: 'timebox.set', commandId: uuid(), stage: 'proposal', seconds: 1 }),
      'invalid_payload',
    );
    expect(log(server, meeting.meetingId)).toEqual(logBefore);
  });

  it('[T1] a circle’s default timeboxes are copied into each new meeting (A7)', async () => {
    const { memberKey } = await createCircle(server, {
      name: 'Kitchen',
      timeboxMinutes: { clarifying: 7, open: 3 },
    });
    const { meeting, facilitator: fac } = await openCircleMeeting(server, memberKey, ['Ada']);
    expect(fac.meeting?.timeboxMinutes).toEqual({ clarifying: 7, open: 3 });
    // A later change is for meetings made afterwards; this one keeps what it was made with.
    const changed = await call(
      server,
      'PATCH',
      `/api/circle`,
      {
        timeboxMinutes: { clarifying: 2 },
      },
      memberKey,
    );
    expect(changed.status, changed.text).toBe(200);
    expect(server.app.meetings.get(meeting.meetingId)!.view.timeboxMinutes).toEqual({
      clarifying: 7,
      open: 3,
    });
    const bad = await call(
      server,
      'PATCH',
      `/api/circle`,
      {
        timeboxMinutes: { clarifying: 0 },
      },
      memberKey,
    );
    expectRefusal(bad, 400, 'invalid_payload');
  });
});
