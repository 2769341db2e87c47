/**
 * The projector's screen link: a read-only capability the facilitator makes and rotates. A screen
 * sees what any participant may see and never sealed content (A6); it sends nothing (C2); a
 * rotated link opens nothing (S4). Checked on the wire, with real sockets.
 */
import type { ScreenLinkResult } from '@circlewise/shared/protocol';
import { describe, expect, it } from 'vitest';
import { type TestClient, type TestServer, uuid } from '../support/server';
import { advance, client, expectError, itemView, ok, openMeeting, settle, withServer } from './helpers';

let server: TestServer;

const newScreenLink = (c: TestClient): Promise<ScreenLinkResult> =>
  c.socket.emitWithAck('meeting:screenLink', {});

async function screen(code: string, token: string): Promise<TestClient> {
  const s = client(server, token);
  const joined = ok(await s.join(code));
  expect(joined.role).toBe('screen');
  expect(joined.participantId).toBeUndefined();
  return s;
}

describe('screen link', () => {
  withServer({ set: (s) => (server = s), current: () => server });

  it('[A6] a screen never receives sealed content, before or after it joins, until the reveal', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
    const { screenToken } = ok(await newScreenLink(fac));
    const early = await screen(meeting.code, screenToken);
    ok(await fac.command({ type: 'proposal.edit', title: 'Budget', driver: 'Money.', text: 'Spend it.' }));
    await advance(fac, 'proposal');
    await advance(fac, 'clarifying');
    const secrets = participants.map(() => `reaction-secret-${uuid()}`);
    let last = 0;
    for (const [i, p] of participants.entries()) {
      last = ok(await p.command({ type: 'reaction.give', text: secrets[i]!, gesture: 'down' })).seq;
    }
    const late = client(server, screenToken);
    const lateJoin = ok(await late.join(meeting.code));
    await settle([early, late], last);

    const wire = (c: TestClient, snapshot?: unknown) => JSON.stringify([snapshot, c.received]);
    for (const seen of [wire(early), wire(late, lateJoin)]) {
      for (const secret of secrets) expect(seen).not.toContain(secret);
    }
    expect(Object.values(itemView(late.meeting!).reactions).every((r) => r.hidden)).toBe(true);
    // No presence is recorded for a screen: it is nobody.
    expect(Object.keys(late.meeting!.participants)).toHaveLength(2);

    const revealed = ok(await fac.command({ type: 'responses.reveal' }));
    await settle([early, late], revealed.seq);
    for (const secret of secrets) expect(wire(early)).toContain(secret);
  });

  it('[C2] a screen can send no command, nor make a new screen link; the log is unchanged', async () => {
    const { meeting, facilitator: fac } = await openMeeting(server, ['Ada']);
    const { screenToken } = ok(await newScreenLink(fac));
    const s = await screen(meeting.code, screenToken);
    const before = fac.meeting!.seq;
    expectError(await s.command({ type: 'stage.advance', from: 'proposal' }), 'forbidden');
    expectError(await s.command({ type: 'question.ask', text: 'Why?' }), 'forbidden');
    expectError(await newScreenLink(s), 'forbidden');
    const ada = fac.meeting!.participants;
    expect(Object.keys(ada)).toHaveLength(1);
    expect(fac.meeting!.seq).toBe(before);
    const again = client(server, fac.token);
    expect(ok(await again.join(meeting.code)).view.seq).toBe(before);
  });

  it('[C2] only whoever facilitates makes a screen link', async () => {
    const { participants } = await openMeeting(server, ['Ada']);
    expectError(await newScreenLink(participants[0]!), 'forbidden');
  });

  it('[S4] rotating refuses the old link and disconnects the screens that joined with it', async () => {
    const { meeting, facilitator: fac } = await openMeeting(server, ['Ada']);
    const first = ok(await newScreenLink(fac)).screenToken;
    const s = await screen(meeting.code, first);
    const dropped = new Promise<string>((resolve) => s.socket.on('disconnect', resolve));
    const second = ok(await newScreenLink(fac)).screenToken;
    expect(second).not.toBe(first);
    expect(await dropped).toBe('io server disconnect');

    expectError(await client(server, first).join(meeting.code), 'bad_token');
    await screen(meeting.code, second);
    // The screen link is not a participant's token nor a key: it opens no minutes (S4, R1).
    const res = await fetch(`${server.url}/api/meetings/${meeting.code}/events`, {
      headers: { authorization: `Bearer ${second}` },
    });
    expect(res.status).toBe(401);
  });

  it('[S2] a screen link opens only its own meeting', async () => {
    const { facilitator: fac } = await openMeeting(server, ['Ada']);
    const other = await openMeeting(server, ['Ben']);
    const { screenToken } = ok(await newScreenLink(fac));
    expectError(await client(server, screenToken).join(other.meeting.code), 'bad_token');
  });
});
