/**
 * S1, S2, C2: only the facilitator runs the meeting, and a token speaks for its own participant
 * only; a refusal changes nothing and leaves the connection usable.
 */
import type { CommandInput } from '@circlewise/shared/commands';
import { describe, expect, it } from 'vitest';
import {
  createMeeting,
  type DistributiveOmit,
  type TestClient,
  type TestServer,
  uuid,
} from '../support/server';
import { advance, client, expectError, log, ok, openMeeting, pid, settle, withServer } from './helpers';

let server: TestServer;

withServer({ set: (s) => (server = s), current: () => server });

type Command = DistributiveOmit<CommandInput, 'commandId'>;

describe('who may do what', () => {
  it('[S1][C2] a participant cannot advance, reveal, test or record', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
    const [ada, ben] = participants as [TestClient, TestClient];
    ok(
      await fac.command({ type: 'proposal.edit', title: 'Rota', driver: 'Dishes pile up.', text: 'A rota.' }),
    );
    await advance(fac, 'proposal');
    await advance(fac, 'clarifying');
    await advance(fac, 'reactions');
    ok(await ben.command({ type: 'response.give', kind: 'objection', reason: 'I cook, I do not wash.' }));
    ok(await fac.command({ type: 'responses.reveal' }));
    const objectionId = (await fac.until((v) => v.objections.length === 1)).objections[0]!.id;

    // Every facilitator-only command, each valid and possible for the facilitator right now.
    const facilitatorOnly: Command[] = [
      { type: 'stage.advance', from: 'objections' },
      { type: 'stage.back', from: 'objections' },
      { type: 'responses.reveal' },
      { type: 'objection.test', objectionId, verdict: 'concern' },
      { type: 'outcome.record', outcome: 'withdrawn' },
      { type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-01-01' },
      { type: 'proposal.amend', text: 'A rota, cooks excused.', resolves: [objectionId] },
      { type: 'proposal.edit', title: 'Mine now', driver: 'x', text: 'y' },
      { type: 'question.answer', questionId: uuid(), text: 'Because I say so.' },
      { type: 'participant.markAbsent', participantId: pid(ben) },
      // The agenda's (M1, M3, M4).
      { type: 'agenda.add', kind: 'decision', title: 'Mine too' },
      { type: 'facilitation.handOver', participantId: pid(ada) },
      { type: 'meeting.close' },
    ];
    for (const command of facilitatorOnly) {
      const before = log(server, meeting.meetingId);
      expectError(await ada.command(command), 'forbidden');
      expect(log(server, meeting.meetingId)).toEqual(before);
      expect(ada.socket.connected).toBe(true);
    }

    // Ada's connection still works for what she may do.
    const consent = ok(await ada.command({ type: 'response.give', kind: 'consent' }));
    await settle([fac, ada, ben], consent.seq);
    expect(fac.view?.objections[0]?.status).toBe('raised');
    expect(fac.view?.stage).toBe('objections');
    expect(fac.view?.participants[pid(ben)]?.present).toBe(true);
  });

  it('[S1] the facilitator cannot submit participant-only commands', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada']);
    const [ada] = participants as [TestClient];
    ok(await fac.command({ type: 'proposal.edit', title: 'Tea', driver: 'No tea.', text: 'Buy tea.' }));
    await advance(fac, 'proposal');
    await advance(fac, 'clarifying');
    await advance(fac, 'reactions');
    ok(await ada.command({ type: 'response.give', kind: 'objection', reason: 'Coffee people lose.' }));
    ok(await fac.command({ type: 'responses.reveal' }));
    const objectionId = (await fac.until((v) => v.objections.length === 1)).objections[0]!.id;

    const participantOnly: Command[] = [
      { type: 'question.ask', text: 'Green or black?' },
      { type: 'reaction.give', text: 'Love it' },
      { type: 'response.give', kind: 'consent' },
      { type: 'response.give', kind: 'objection', reason: 'I prefer coffee.' },
      { type: 'objection.withdraw', objectionId },
      { type: 'participant.leave' },
      { type: 'round.speak', text: 'My turn?' },
    ];
    for (const command of participantOnly) {
      const before = log(server, meeting.meetingId);
      expectError(await fac.command(command), 'forbidden');
      expect(log(server, meeting.meetingId)).toEqual(before);
    }
    expect(fac.socket.connected).toBe(true);
    ok(await fac.command({ type: 'objection.test', objectionId, verdict: 'qualifies' }));
  });

  it('[S2] a token joins as its own participant only', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
    const [ada, ben] = participants as [TestClient, TestClient];
    ok(
      await fac.command({
        type: 'proposal.edit',
        title: 'Bikes',
        driver: 'No parking.',
        text: 'Bike racks.',
      }),
    );
    await advance(fac, 'proposal');

    // Ada's token on another socket is Ada, whatever name it claims.
    const second = client(server, ada.token);
    const joined = ok(await second.join(meeting.code, 'Mallory'));
    expect(joined).toMatchObject({ role: 'participant', participantId: pid(ada) });
    expect(joined.view.participants[pid(ada)]?.name).toBe('Ada');
    expect(Object.values(joined.view.participants).map((p) => p.name)).toEqual(['Ada', 'Ben']);
    const asked = ok(await second.command({ type: 'question.ask', text: 'Covered racks?' }));
    const question = (await fac.until((v) => v.seq >= asked.seq)).questions.at(-1);
    expect(question).toMatchObject({ participantId: pid(ada), text: 'Covered racks?' });

    // A command cannot name someone else: there is no field for it (strict schemas).
    const before = log(server, meeting.meetingId);
    expectError(
      await ada.raw('meeting:command', {
        type: 'question.ask',
        commandId: uuid(),
        text: 'Asked as Ben?',
        participantId: pid(ben),
      }),
      'invalid_payload',
    );
    expectError(
      await ada.raw('meeting:command', {
        type: 'participant.leave',
        commandId: uuid(),
        participantId: pid(ben),
      }),
      'invalid_payload',
    );
    expect(log(server, meeting.meetingId)).toEqual(before);

    // Nobody withdraws someone else's objection (C8).
    await advance(fac, 'clarifying');
    await advance(fac, 'reactions');
    ok(await ada.command({ type: 'response.give', kind: 'objection', reason: 'Racks block the door.' }));
    ok(await fac.command({ type: 'responses.reveal' }));
    const objectionId = (await ben.until((v) => v.objections.length === 1)).objections[0]!.id;
    const beforeWithdraw = log(server, meeting.meetingId);
    expectError(await ben.command({ type: 'objection.withdraw', objectionId }), 'forbidden');
    expect(log(server, meeting.meetingId)).toEqual(beforeWithdraw);
    const withdrawn = ok(await second.command({ type: 'objection.withdraw', objectionId }));
    await settle([fac, ben], withdrawn.seq);
    expect(ben.view?.objections[0]).toMatchObject({ participantId: pid(ada), status: 'withdrawn' });
    const withdrawal = log(server, meeting.meetingId).at(-1);
    expect(withdrawal).toMatchObject({ type: 'objection.withdrawn', by: pid(ada) });

    // Tokens of another meeting open nothing here, with or without a name; nor do unknown ones.
    const other = await createMeeting(server.url, 'Another circle');
    const stranger = client(server);
    ok(await stranger.join(other.code, 'Stranger'));
    const countBefore = log(server, meeting.meetingId).length;
    for (const [token, name] of [
      [stranger.token, undefined],
      [stranger.token, 'Stranger'],
      [other.facilitatorKey, undefined],
      [other.facilitatorKey, 'Boss'],
      [`${uuid()}${uuid()}`.replaceAll('-', ''), undefined],
    ] as const) {
      const intruder = client(server, token);
      expectError(await intruder.join(meeting.code, name), 'bad_token');
      // Not joined anywhere by the failed attempt.
      expectError(await intruder.command({ type: 'question.ask', text: 'Hello?' }), 'not_joined');
      intruder.close();
    }
    expect(log(server, meeting.meetingId)).toHaveLength(countBefore);
    // The other meeting's participant is still its own participant there, and only there.
    const back = client(server, stranger.token);
    expect(ok(await back.join(other.code))).toMatchObject({ participantId: pid(stranger) });
    expect(log(server, meeting.meetingId)).toHaveLength(countBefore);
  });
});
