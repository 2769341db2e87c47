/**
 * The consent round through the real server: a late objection or an amendment sends the meeting
 * back to objections (C5, C6), and consent counts the people present (C7, M2).
 */
import { describe, expect, it } from 'vitest';
import type { TestClient, TestServer } from '../support/server';
import {
  advance,
  client,
  expectError,
  lastSeq,
  log,
  ok,
  openMeeting,
  pid,
  settle,
  withServer,
} from './helpers';

let server: TestServer;

withServer({ set: (s) => (server = s), current: () => server });

/** A meeting in the consent round, everyone having seen no objection to version 1. */
/** In consent; those named in `silent` gave no answer in the objection round, so none carries over (C7). */
async function inConsent(names: string[], silent: string[] = []) {
  const opened = await openMeeting(server, names);
  const { facilitator: fac, participants } = opened;
  ok(
    await fac.command({ type: 'proposal.edit', title: 'Hours', driver: 'Late starts.', text: 'Start at 9.' }),
  );
  await advance(fac, 'proposal');
  await advance(fac, 'clarifying');
  await advance(fac, 'reactions');
  for (const [i, p] of participants.entries()) {
    if (!silent.includes(names[i]!)) ok(await p.command({ type: 'response.give', kind: 'consent' }));
  }
  ok(await fac.command({ type: 'responses.reveal' }));
  await advance(fac, 'objections');
  await settle([fac, ...participants], lastSeq(server, opened.meeting.meetingId));
  return opened;
}

describe('consent round', () => {
  it('[C5][C6] a late objection reopens the objection round and blocks adoption until resolved', async () => {
    const { meeting, facilitator: fac, participants } = await inConsent(['Ada', 'Ben']);
    const [ada, ben] = participants as [TestClient, TestClient];
    ok(await ada.command({ type: 'response.give', kind: 'consent' }));
    // A concern is not a consent-round answer.
    expectError(await ben.command({ type: 'response.give', kind: 'concern', reason: 'Hmm' }), 'not_allowed');
    const late = ok(
      await ben.command({ type: 'response.give', kind: 'objection', reason: 'The bus arrives at 9:10.' }),
    );
    await settle([fac, ada, ben], late.seq);

    // One command, two events, one seq each: the stage change and the objection, both public.
    const [reopened, objected] = log(server, meeting.meetingId).slice(-2);
    expect(reopened).toMatchObject({
      type: 'stage.changed',
      from: 'consent',
      to: 'objections',
      reason: 'late_objection',
    });
    expect(objected).toMatchObject({ type: 'response.given', kind: 'objection', participantId: pid(ben) });
    expect(late.seq).toBe(objected!.seq);
    expect(ada.view?.stage).toBe('objections');
    const objection = ada.view?.objections[0];
    expect(objection).toMatchObject({ participantId: pid(ben), status: 'raised', version: 1 });

    // C6: consent stays closed; adoption is not even in reach.
    expectError(await fac.command({ type: 'stage.advance', from: 'objections' }), 'not_allowed');
    expectError(
      await fac.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-01-01' }),
      'wrong_stage',
    );

    // The facilitator finds it does not qualify: recorded as a concern (C8), consent reopens.
    ok(await fac.command({ type: 'objection.test', objectionId: objection!.id, verdict: 'concern' }));
    await advance(fac, 'objections');
    for (const p of [ada, ben]) ok(await p.command({ type: 'response.give', kind: 'consent' }));
    const adopted = ok(await fac.command({ type: 'outcome.record', outcome: 'adopted' }));
    await settle([fac, ada, ben], adopted.seq);
    expect(ada.view?.objections[0]?.status).toBe('concern');
    expect(ada.view?.concerns).toEqual([
      expect.objectContaining({ id: objection!.id, source: 'objection', reason: 'The bus arrives at 9:10.' }),
    ]);
    // C9: no date given, the default review date is set.
    expect(ada.view?.outcome?.reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ada.view).toEqual(fac.view);
  });

  it('[C5] amending in the consent round makes a new version and asks everyone again', async () => {
    const { meeting, facilitator: fac, participants } = await inConsent(['Ada', 'Ben']);
    const [ada, ben] = participants as [TestClient, TestClient];
    ok(await ada.command({ type: 'response.give', kind: 'consent' }));
    ok(await ben.command({ type: 'response.give', kind: 'consent' }));
    expectError(
      await fac.command({ type: 'proposal.amend', text: 'Start at 9.' }),
      'not_allowed', // the same text is not a new version
    );
    const amended = ok(await fac.command({ type: 'proposal.amend', text: 'Start at 9:15.' }));
    await settle([fac, ada, ben], amended.seq);
    expect(log(server, meeting.meetingId).at(-1)).toMatchObject({
      type: 'stage.changed',
      from: 'consent',
      to: 'objections',
      reason: 'amendment',
    });
    for (const c of [fac, ada, ben]) {
      expect(c.view?.stage).toBe('objections');
      expect(c.view?.versions.at(-1)).toMatchObject({ version: 2, text: 'Start at 9:15.' });
      expect(c.view?.consentRound).toEqual({ version: 2, revealed: true, responses: {} });
      expect(c.view?.objectionRound).toEqual({ version: 2, revealed: false, responses: {} });
    }
    // The consents to version 1 no longer count (C7): consent needs version 2's round first.
    await advance(fac, 'objections');
    expectError(
      await fac.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-01-01' }),
      'not_allowed',
    );
  });

  it('[C7][M2] consent counts those present: someone who leaves does not block, and counts again on return', async () => {
    const {
      meeting,
      facilitator: fac,
      participants,
    } = await inConsent(['Ada', 'Ben', 'Cleo'], ['Ben', 'Cleo']);
    const [ada, ben, cleo] = participants as [TestClient, TestClient, TestClient];
    ok(await ada.command({ type: 'response.give', kind: 'consent' }));
    const waiting = expectError(
      await fac.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-01-01' }),
      'not_allowed',
    );
    expect(waiting.message).toMatch(/Ben.*Cleo/);

    // Ben leaves; Cleo's phone is in a bag and the facilitator marks her absent.
    ok(await ben.command({ type: 'participant.leave' }));
    expectError(await ben.command({ type: 'response.give', kind: 'consent' }), 'forbidden');
    ok(await fac.command({ type: 'participant.markAbsent', participantId: pid(cleo) }));
    expectError(await fac.command({ type: 'participant.markAbsent', participantId: pid(cleo) }), 'not_found');
    await settle([fac, ada], lastSeq(server, meeting.meetingId));
    expect(ada.view?.participants[pid(cleo)]?.present).toBe(false);

    // Cleo comes back on her token: present again (recorded), and now she must consent too.
    const cleoAgain = client(server, cleo.token);
    const rejoined = ok(await cleoAgain.join(meeting.code));
    expect(rejoined.participantId).toBe(pid(cleo));
    expect(rejoined.view.participants[pid(cleo)]?.present).toBe(true);
    expect(log(server, meeting.meetingId).at(-1)).toMatchObject({
      type: 'participant.joined',
      participantId: pid(cleo),
      name: 'Cleo',
    });
    expectError(
      await fac.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-01-01' }),
      'not_allowed',
    );
    ok(await cleoAgain.command({ type: 'response.give', kind: 'consent' }));
    const adopted = ok(
      await fac.command({ type: 'outcome.record', outcome: 'adopted', reviewDate: '2030-01-01' }),
    );
    await settle([fac, ada, cleoAgain], adopted.seq);
    expect(ada.view?.outcome?.outcome).toBe('adopted');
    expect(cleoAgain.view).toEqual(fac.view);
  });

  it('[C8][C10] an amendment cannot bury responses still hidden: they are revealed and recorded first', async () => {
    const { meeting, facilitator: fac, participants } = await openMeeting(server, ['Ada', 'Ben']);
    const [ada, ben] = participants as [TestClient, TestClient];
    ok(
      await fac.command({
        type: 'proposal.edit',
        title: 'Hours',
        driver: 'Late starts.',
        text: 'Start at 9.',
      }),
    );
    await advance(fac, 'proposal');
    await advance(fac, 'clarifying');
    await advance(fac, 'reactions');
    ok(await ben.command({ type: 'response.give', kind: 'objection', reason: 'The bus arrives at 9:10.' }));
    ok(await ada.command({ type: 'response.give', kind: 'consent' }));

    // Amending now would start version 2's round and leave Ben's objection hidden for ever.
    const before = log(server, meeting.meetingId);
    expectError(await fac.command({ type: 'proposal.amend', text: 'Start at 9:15.' }), 'not_allowed');
    // Nor by stepping back to reactions first.
    ok(await fac.command({ type: 'stage.back', from: 'objections' }));
    expectError(await fac.command({ type: 'proposal.amend', text: 'Start at 9:15.' }), 'not_allowed');
    expect(log(server, meeting.meetingId).filter((e) => e.type === 'proposal.amended')).toEqual([]);
    expect(log(server, meeting.meetingId)).toHaveLength(before.length + 1);

    // Revealed, the objection is on the record; the amendment then resolves it by name.
    await advance(fac, 'reactions');
    ok(await fac.command({ type: 'responses.reveal' }));
    const objection = (await fac.until((v) => v.objections.length === 1)).objections[0]!;
    ok(await fac.command({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }));
    const amended = ok(
      await fac.command({ type: 'proposal.amend', text: 'Start at 9:15.', resolves: [objection.id] }),
    );
    await settle([fac, ada, ben], amended.seq);
    expect(ada.view?.objections).toEqual([
      expect.objectContaining({ participantId: pid(ben), status: 'resolved', resolvedBy: 2 }),
    ]);
  });
});
