/**
 * The consent decision's process rules (PROCESS.md C1–C10), through decide + the machine, the way
 * the gateway runs a command. Permissions (who may send which command) live in the gateway's
 * table and are not tested here; what the machine itself refuses is.
 */
import { commandSchema } from '@circlewise/shared/commands';
import { CONSENT_STAGES, type ConsentStage } from '@circlewise/shared/constants';
import { defaultReviewDate } from '@circlewise/shared/dates';
import { awaitingConsent, consentOf, currentVersion, openObjections } from '@circlewise/shared/decision';
import type { EventOf } from '@circlewise/shared/events';
import { eventFor, viewFor } from '@circlewise/shared/visibility';
import { describe, expect, it } from 'vitest';
import { facilitator, objectionOf, participant, startMeeting, testId } from '../support/testMeeting';

const errorOf = (d: ReturnType<ReturnType<typeof startMeeting>['run']>) => (d.ok ? undefined : d.error);

/** A meeting in objections with Ana's objection revealed (raised), Ben and Cleo consenting. */
function withRaisedObjection() {
  const m = startMeeting();
  const { Ana, Ben, Cleo } = m.ids as { Ana: string; Ben: string; Cleo: string };
  m.advanceTo('objections');
  m.ok(
    { type: 'response.give', kind: 'objection', reason: 'Noon clashes with the standup.' },
    participant(Ana),
  );
  m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
  m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
  m.ok({ type: 'responses.reveal' }, facilitator);
  const objection = objectionOf(m.view(), Ana)!;
  expect(objection.status).toBe('raised');
  return { m, Ana, Ben, Cleo, objection };
}

/**
 * A meeting in consent with no objections. Those named in `silent` gave no answer in the
 * objection round, so they have no consent carried over (C7).
 */
function inConsent(silent: string[] = []) {
  const m = startMeeting();
  const { Ana, Ben, Cleo } = m.ids as { Ana: string; Ben: string; Cleo: string };
  m.advanceTo('objections');
  for (const [name, p] of Object.entries({ Ana, Ben, Cleo })) {
    if (!silent.includes(name)) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
  }
  m.ok({ type: 'responses.reveal' }, facilitator);
  m.advanceTo('consent');
  return { m, Ana, Ben, Cleo };
}

describe('C1 stage order', () => {
  it('[C1] stages run proposal → clarifying → reactions → objections → consent', () => {
    const m = startMeeting();
    const seen: string[] = [m.view().stage];
    for (const from of CONSENT_STAGES.slice(0, -1)) {
      const [e] = m.ok({ type: 'stage.advance', from }, facilitator);
      expect(e).toMatchObject({ type: 'stage.changed', from, reason: 'advance', by: 'facilitator' });
      seen.push(m.view().stage);
      expect(m.state().value).toEqual({ open: m.view().stage });
    }
    expect(seen).toEqual([...CONSENT_STAGES]);
  });

  it('[C1] consent is the last stage: advancing further is refused', () => {
    const { m } = inConsent();
    expect(errorOf(m.run({ type: 'stage.advance', from: 'consent' }, facilitator))?.code).toBe('not_allowed');
    expect(m.view().stage).toBe('consent');
  });

  it('[C1] the facilitator goes back one stage, recorded as stage.changed reason back', () => {
    const m = startMeeting();
    m.advanceTo('objections');
    for (const [from, to] of [
      ['objections', 'reactions'],
      ['reactions', 'clarifying'],
      ['clarifying', 'proposal'],
    ] as const) {
      const events = m.ok({ type: 'stage.back', from }, facilitator);
      expect(events).toEqual([expect.objectContaining({ type: 'stage.changed', from, to, reason: 'back' })]);
      expect(m.view().stage).toBe(to);
      expect(m.state().value).toEqual({ open: to });
    }
    expect(errorOf(m.run({ type: 'stage.back', from: 'proposal' }, facilitator))?.code).toBe('not_allowed');
  });

  it('[C1] consent goes back to objections', () => {
    const { m } = inConsent();
    m.ok({ type: 'stage.back', from: 'consent' }, facilitator);
    expect(m.view().stage).toBe('objections');
  });

  it('[C1] a move from a stage the meeting has left is stale, and records nothing', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    const before = m.log.length;
    expect(errorOf(m.run({ type: 'stage.advance', from: 'clarifying' }, facilitator))?.code).toBe(
      'stale_stage',
    );
    expect(errorOf(m.run({ type: 'stage.back', from: 'objections' }, facilitator))?.code).toBe('stale_stage');
    expect(m.log.length).toBe(before);
  });

  it('[C1] the machine refuses a skipped stage or a jump back of two', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    const base = { seq: m.live.view.seq + 1, at: m.now(), commandId: testId(9), by: 'facilitator' };
    const snap = m.state();
    expect(
      snap.can({ ...base, type: 'stage.changed', from: 'reactions', to: 'consent', reason: 'advance' }),
    ).toBe(false);
    expect(
      snap.can({ ...base, type: 'stage.changed', from: 'reactions', to: 'proposal', reason: 'back' }),
    ).toBe(false);
    expect(
      snap.can({ ...base, type: 'stage.changed', from: 'clarifying', to: 'reactions', reason: 'advance' }),
    ).toBe(false);
  });

  it('[C1] the proposal is presented only with a driver and a text', () => {
    const m = startMeeting(['Ana'], { present: true });
    m.record({ type: 'proposal.edited', title: 'Lunch', driver: ' ', text: 'x', by: 'facilitator' });
    const d = m.run({ type: 'stage.advance', from: 'proposal' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
    expect(m.view().stage).toBe('proposal');
  });

  it('[C1] after the proposal is presented it is amended, not edited', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'stage.back', from: 'clarifying' }, facilitator);
    const d = m.run({ type: 'proposal.edit', title: 'T', driver: 'D', text: 'X' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
    expect(currentVersion(m.view()).text).toBe('A shared lunch at noon.');
  });

  it('[C1] nothing is accepted after the outcome', () => {
    const { m, Ana } = inConsent();
    m.ok({ type: 'outcome.record', outcome: 'withdrawn' }, facilitator);
    expect(errorOf(m.run({ type: 'stage.back', from: 'consent' }, facilitator))?.code).toBe('meeting_closed');
    expect(errorOf(m.run({ type: 'response.give', kind: 'consent' }, participant(Ana)))?.code).toBe(
      'meeting_closed',
    );
  });
});

describe('C2 what the machine itself refuses', () => {
  it("[C2] a participant cannot withdraw someone else's objection (forbidden)", () => {
    const { m, Ben, objection } = withRaisedObjection();
    const before = m.log.length;
    const d = m.run({ type: 'objection.withdraw', objectionId: objection.id }, participant(Ben));
    expect(errorOf(d)?.code).toBe('forbidden');
    expect(m.log.length).toBe(before);
    expect(objectionOf(m.view(), objection.participantId)?.status).toBe('raised');
  });

  it("[C2] the facilitator cannot withdraw a participant's objection either", () => {
    const { m, objection } = withRaisedObjection();
    expect(errorOf(m.run({ type: 'objection.withdraw', objectionId: objection.id }, facilitator))?.code).toBe(
      'forbidden',
    );
  });

  it('[C2] testing an unknown objection is not_found', () => {
    const { m } = withRaisedObjection();
    const d = m.run({ type: 'objection.test', objectionId: testId(999), verdict: 'qualifies' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_found');
  });

  it('[C2] an objection already recorded as a concern cannot be tested again', () => {
    const { m, objection } = withRaisedObjection();
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, facilitator);
    const d = m.run({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
  });
});

describe('C3 submissions only in the stage that asks', () => {
  type Sub = 'question.ask' | 'reaction.give' | 'response.give:consent' | 'response.give:objection';
  const asks: Record<Sub, ConsentStage[]> = {
    'question.ask': ['clarifying'],
    'reaction.give': ['reactions'],
    'response.give:consent': ['objections', 'consent'],
    'response.give:objection': ['objections', 'consent'],
  };
  const command = (sub: Sub) => {
    switch (sub) {
      case 'question.ask':
        return { type: 'question.ask', text: 'Which noon?' } as const;
      case 'reaction.give':
        return { type: 'reaction.give', text: 'Love it' } as const;
      case 'response.give:consent':
        return { type: 'response.give', kind: 'consent' } as const;
      case 'response.give:objection':
        return { type: 'response.give', kind: 'objection', reason: 'Harm.' } as const;
    }
  };
  const cases = (Object.keys(asks) as Sub[]).flatMap((sub) =>
    CONSENT_STAGES.map((stage) => ({ sub, stage, accepted: asks[sub].includes(stage) })),
  );

  it.each(cases)('[C3] $sub in $stage: accepted=$accepted', ({ sub, stage, accepted }) => {
    const m = stage === 'consent' ? inConsent().m : startMeeting();
    m.advanceTo(stage);
    const before = m.log.length;
    const d = m.run(command(sub), participant(m.ids.Ana!));
    if (accepted) {
      expect(d.ok).toBe(true);
    } else {
      expect(errorOf(d)?.code).toBe('wrong_stage');
      expect(errorOf(d)?.message).toMatch(/\w/);
      expect(m.log.length).toBe(before);
    }
  });

  it('[C3] an objection cannot be withdrawn outside the objections stage (wrong_stage)', () => {
    const { m, Ana, objection } = withRaisedObjection();
    m.ok({ type: 'stage.back', from: 'objections' }, facilitator);
    const d = m.run({ type: 'objection.withdraw', objectionId: objection.id }, participant(Ana));
    expect(errorOf(d)?.code).toBe('wrong_stage');
    const t = m.run({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, facilitator);
    expect(errorOf(t)?.code).toBe('wrong_stage');
  });

  it('[C3] responses cannot be revealed outside reactions and objections (wrong_stage)', () => {
    for (const stage of ['proposal', 'clarifying', 'consent'] as const) {
      const m = stage === 'consent' ? inConsent().m : startMeeting();
      m.advanceTo(stage);
      const before = m.log.length;
      const d = m.run({ type: 'responses.reveal' }, facilitator);
      expect(errorOf(d)?.code, stage).toBe('wrong_stage');
      expect(m.log.length).toBe(before);
    }
  });

  it('[C3][C10] a reveal in clarifying does not unseal the later objection round', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.run({ type: 'responses.reveal' }, facilitator);
    m.advanceTo('objections');
    const [e] = m.ok({ type: 'response.give', kind: 'concern', reason: 'Cost.' }, participant(m.ids.Ana!));
    expect(e).toMatchObject({ type: 'response.given', sealed: true });
  });

  it('[C3] a participant who left cannot submit (forbidden)', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'participant.leave' }, participant(m.ids.Ben!));
    expect(errorOf(m.run({ type: 'question.ask', text: 'Q?' }, participant(m.ids.Ben!)))?.code).toBe(
      'forbidden',
    );
  });

  it('[C3] in the consent round a concern is not an answer (consent or object)', () => {
    const { m, Ana } = inConsent();
    expect(
      errorOf(m.run({ type: 'response.give', kind: 'concern', reason: 'r' }, participant(Ana)))?.code,
    ).toBe('not_allowed');
  });

  it('[C3] questions are answered against an existing question only', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    const [asked] = m.ok({ type: 'question.ask', text: 'When?' }, participant(m.ids.Ana!));
    const qid = (asked as EventOf<'question.asked'>).questionId;
    m.ok({ type: 'question.answer', questionId: qid, text: 'At noon.' }, facilitator);
    expect(m.view().questions[0]?.answer?.text).toBe('At noon.');
    expect(
      errorOf(m.run({ type: 'question.answer', questionId: testId(4242), text: 'x' }, facilitator))?.code,
    ).toBe('not_found');
  });
});

describe('C4 objections and concerns carry a reason', () => {
  const base = { type: 'response.give', commandId: testId(1) };
  it.each([
    ['objection', undefined],
    ['objection', ''],
    ['objection', '   '],
    ['concern', undefined],
    ['concern', ''],
  ])('[C4] a %s with reason %j is refused with reason_required', (kind, reason) => {
    const r = commandSchema.safeParse({ ...base, kind, ...(reason !== undefined && { reason }) });
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path.join('.') === 'reason');
    expect(issue).toBeDefined();
    expect(issue && 'params' in issue && issue.params).toEqual({
      code: 'reason_required',
      reason: 'objection_reason_required',
    });
    expect(issue?.message).toMatch(/reason/i);
  });

  it('[C4] consent needs no reason; an objection with one is accepted', () => {
    expect(commandSchema.safeParse({ ...base, kind: 'consent' }).success).toBe(true);
    const r = commandSchema.safeParse({ ...base, kind: 'objection', reason: '  It harms X.  ' });
    expect(r.success && r.data.type === 'response.give' && r.data.reason).toBe('It harms X.');
  });

  it('[C4] the recorded objection keeps its reason', () => {
    const { m, objection } = withRaisedObjection();
    expect(objection.reason).toBe('Noon clashes with the standup.');
    expect(m.view().objections).toHaveLength(1);
  });
});

describe('C5 amendments make new versions', () => {
  it('[C5] amending makes a new version and resets the objection and consent rounds', () => {
    const { m, Ana, Ben, objection } = withRaisedObjection();
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, facilitator);
    const [amended] = m.ok(
      { type: 'proposal.amend', text: 'A shared lunch at 12:30.', resolves: [objection.id] },
      facilitator,
    );
    expect(amended).toMatchObject({ type: 'proposal.amended', version: 2, resolves: [objection.id] });
    const v = m.view();
    expect(v.versions.map((x) => x.version)).toEqual([1, 2]);
    expect(currentVersion(v)).toMatchObject({ text: 'A shared lunch at 12:30.', driver: 'We skip lunch.' });
    expect(v.objectionRound).toEqual({ version: 2, revealed: false, responses: {} });
    expect(v.consentRound).toMatchObject({ version: 2, responses: {} });
    // Asked again: the new response is on version 2 and sealed, as the round is hidden again.
    const [e] = m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    expect(e).toMatchObject({ version: 2, sealed: true });
    expect(objectionOf(m.view(), Ana)).toMatchObject({ status: 'resolved', resolvedBy: 2 });
  });

  it('[C5] questions and reactions keep the version they were given against', () => {
    const m = startMeeting();
    const { Ana, Ben } = m.ids as { Ana: string; Ben: string };
    m.advanceTo('clarifying');
    m.ok({ type: 'question.ask', text: 'Where?' }, participant(Ana));
    m.advanceTo('reactions');
    m.ok({ type: 'reaction.give', text: 'Nice', gesture: 'up' }, participant(Ben));
    m.ok({ type: 'proposal.amend', text: 'Lunch in the garden.' }, facilitator);
    m.ok({ type: 'reaction.give', text: 'Even nicer' }, participant(Ana));
    const v = m.view();
    expect(v.questions.map((q) => q.version)).toEqual([1]);
    expect(v.reactions[Ben]?.version).toBe(1);
    expect(v.reactions[Ana]?.version).toBe(2);
  });

  it('[C5] amending in consent goes back to objections, recorded as reason amendment', () => {
    const { m, Ana } = inConsent();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    const events = m.ok({ type: 'proposal.amend', text: 'A shared lunch, vegetarian.' }, facilitator);
    expect(events.map((e) => e.type)).toEqual(['proposal.amended', 'stage.changed']);
    expect(events[1]).toMatchObject({ from: 'consent', to: 'objections', reason: 'amendment' });
    expect(events.map((e) => e.seq)).toEqual([events[0]!.seq, events[0]!.seq + 1]);
    expect(m.view().stage).toBe('objections');
    expect(m.view().consentRound.responses).toEqual({});
    expect(awaitingConsent(m.view())).toHaveLength(3);
  });

  it('[C5] an amendment identical to the current version is refused', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    const d = m.run({ type: 'proposal.amend', text: 'A shared lunch at noon.' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
  });

  it('[C5] an amendment can only resolve open objections', () => {
    const { m, objection } = withRaisedObjection();
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, facilitator);
    const d = m.run({ type: 'proposal.amend', text: 'v2', resolves: [objection.id] }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
    expect(m.view().versions).toHaveLength(1);
  });

  it('[C5] the proposal cannot be amended before it is presented', () => {
    const m = startMeeting();
    expect(errorOf(m.run({ type: 'proposal.amend', text: 'other' }, facilitator))?.code).toBe('not_allowed');
  });
});

describe('C6 consent needs every objection resolved', () => {
  it('[C6] consent cannot be entered with a raised objection', () => {
    const { m } = withRaisedObjection();
    const d = m.run({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
    expect(errorOf(d)?.message).toContain('Ana');
    expect(m.view().stage).toBe('objections');
  });

  it('[C6] consent cannot be entered with a qualified (tested, unresolved) objection', () => {
    const { m, objection } = withRaisedObjection();
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, facilitator);
    expect(errorOf(m.run({ type: 'stage.advance', from: 'objections' }, facilitator))?.code).toBe(
      'not_allowed',
    );
  });

  it('[C6] consent cannot be entered while an objection is still hidden', () => {
    const m = startMeeting();
    m.advanceTo('objections');
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Harm.' }, participant(m.ids.Ana!));
    const d = m.run({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
    expect(errorOf(d)?.message).toMatch(/reveal/i);
  });

  it.each([
    ['recorded as a concern', 'concern'],
    ['resolved by an amendment', 'amend'],
    ['withdrawn by its author', 'withdraw'],
  ] as const)('[C6] consent opens once the objection is %s', (_label, how) => {
    const { m, Ana, objection } = withRaisedObjection();
    if (how === 'concern') {
      m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, facilitator);
    } else if (how === 'withdraw') {
      m.ok({ type: 'objection.withdraw', objectionId: objection.id }, participant(Ana));
    } else {
      m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, facilitator);
      m.ok({ type: 'proposal.amend', text: 'At 12:30.', resolves: [objection.id] }, facilitator);
    }
    expect(openObjections(m.view())).toEqual([]);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(m.view().stage).toBe('consent');
  });
});

describe('C7 adoption needs every present participant', () => {
  it('[C7] adopted needs consent from every present participant; the refusal names who is missing', () => {
    const { m, Ana, Ben } = inConsent(['Cleo']);
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    const d = m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
    expect(errorOf(d)?.code).toBe('not_allowed');
    expect(errorOf(d)?.message).toContain('Cleo');
    expect(errorOf(d)?.message).not.toContain('Ana');
    expect(awaitingConsent(m.view()).map((p) => p.name)).toEqual(['Cleo']);
    expect(m.view().stage).toBe('consent');
  });

  it('[C7] absent participants do not count', () => {
    const { m, Ana, Ben, Cleo } = inConsent();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    m.ok({ type: 'participant.markAbsent', participantId: Cleo }, facilitator);
    m.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
    expect(m.view().outcome?.outcome).toBe('adopted');
    expect(m.state().value).toBe('adopted');
  });

  it('[C7] a participant who rejoins counts again', () => {
    const { m, Ana, Ben, Cleo } = inConsent(['Cleo']);
    m.ok({ type: 'participant.leave' }, participant(Cleo));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    m.join('Cleo');
    expect(errorOf(m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator))?.message).toContain(
      'Cleo',
    );
  });

  it('[C7] consent to an old version does not count', () => {
    const { m, Ana, Ben, Cleo } = inConsent();
    for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    m.ok({ type: 'proposal.amend', text: 'Lunch at one.' }, facilitator);
    for (const p of [Ana, Ben]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    m.ok({ type: 'responses.reveal' }, facilitator);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(errorOf(m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator))?.code).toBe(
      'not_allowed',
    );
    for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    m.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
    expect(m.view().outcome).toMatchObject({ outcome: 'adopted', version: 2 });
  });

  it('[C7] nobody present: nothing to adopt', () => {
    const m = startMeeting(['Ana']);
    m.advanceTo('objections');
    m.ok({ type: 'response.give', kind: 'consent' }, participant(m.ids.Ana!));
    m.ok({ type: 'responses.reveal' }, facilitator);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    m.ok({ type: 'participant.leave' }, participant(m.ids.Ana!));
    expect(errorOf(m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator))?.code).toBe(
      'not_allowed',
    );
  });

  it('[C7] adopted is recorded from the consent stage only', () => {
    const m = startMeeting(['Ana']);
    m.advanceTo('objections');
    expect(errorOf(m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator))?.code).toBe(
      'wrong_stage',
    );
  });

  it('[C7] withdrawn and deferred can end the decision from any stage', () => {
    for (const stage of CONSENT_STAGES) {
      for (const outcome of ['withdrawn', 'deferred'] as const) {
        const m = stage === 'consent' ? inConsent().m : startMeeting();
        m.advanceTo(stage);
        m.ok({ type: 'outcome.record', outcome }, facilitator);
        expect(m.view()).toMatchObject({ stage: 'outcome', outcome: { outcome, version: 1 } });
        expect(m.state().value).toBe(outcome);
        expect(m.state().status).toBe('done');
      }
    }
  });
});

describe('C7 consent carries over from the objection round', () => {
  /** Ana answers "no objection", Ben a concern, Cleo nothing; revealed, then into consent. */
  function carried() {
    const m = startMeeting();
    const { Ana, Ben, Cleo } = m.ids as { Ana: string; Ben: string; Cleo: string };
    m.advanceTo('objections');
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'concern', reason: 'Watering costs.' }, participant(Ben));
    m.ok({ type: 'responses.reveal' }, facilitator);
    m.advanceTo('consent');
    return { m, Ana, Ben, Cleo };
  }

  it('[C7] "no objection" and "concern" on the current version count as consent without asking again', () => {
    const { m, Cleo } = carried();
    expect(m.view().consentRound.responses).toEqual({});
    expect(awaitingConsent(m.view()).map((p) => p.id)).toEqual([Cleo]);
    expect(consentOf(m.view(), m.ids.Ana!)).toBe('carried');
    expect(consentOf(m.view(), m.ids.Ben!)).toBe('carried');
    expect(consentOf(m.view(), Cleo)).toBeUndefined();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
    m.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
    expect(m.view().outcome).toMatchObject({ outcome: 'adopted', version: 1 });
  });

  it('[C7] confirming a carried consent records it as given', () => {
    const { m, Ana } = carried();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    expect(consentOf(m.view(), Ana)).toBe('given');
  });

  it('[C7][C5] it carries over only on the current version: an amendment asks everyone again', () => {
    const { m, Ana, Ben, Cleo } = carried();
    m.ok({ type: 'proposal.amend', text: 'Lunch at one.' }, facilitator);
    expect(m.view().stage).toBe('objections');
    expect(awaitingConsent(m.view()).map((p) => p.id)).toEqual([Ana, Ben, Cleo]);
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
    m.ok({ type: 'responses.reveal' }, facilitator);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(awaitingConsent(m.view()).map((p) => p.id)).toEqual([Ana, Ben]);
    const refused = errorOf(m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator));
    expect(refused?.message).toContain('Ana, Ben');
  });

  it('[C7] a late objection still reopens the objection round and ends the carried consent', () => {
    const { m, Ana, Cleo } = carried();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Too soon.' }, participant(Ana));
    expect(m.view().stage).toBe('objections');
    expect(consentOf(m.view(), Ana)).toBeUndefined();
    expect(openObjections(m.view()).map((o) => o.participantId)).toEqual([Ana]);
    const objection = objectionOf(m.view(), Ana)!;
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, facilitator);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    // An objection recorded as a concern is not an answer of "concern": Ana is asked.
    expect(awaitingConsent(m.view()).map((p) => p.id)).toEqual([Ana]);
    expect(errorOf(m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator))?.code).toBe(
      'not_allowed',
    );
  });
});

describe('C8 every objection ends with a named fate', () => {
  it('[C8] resolved names the version that resolved it', () => {
    const { m, Ana, objection } = withRaisedObjection();
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, facilitator);
    m.ok({ type: 'proposal.amend', text: 'v2 text', resolves: [objection.id] }, facilitator);
    const o = objectionOf(m.view(), Ana)!;
    expect(o).toMatchObject({ status: 'resolved', resolvedBy: 2 });
    expect(m.view().versions[1]?.resolves).toEqual([objection.id]);
  });

  it('[C8] recorded as a concern: the concern joins the record with its source', () => {
    const { m, Ana, objection } = withRaisedObjection();
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, facilitator);
    expect(objectionOf(m.view(), Ana)?.status).toBe('concern');
    expect(m.view().concerns).toEqual([
      expect.objectContaining({
        id: objection.id,
        participantId: Ana,
        source: 'objection',
        reason: objection.reason,
      }),
    ]);
  });

  it('[C8] withdrawn by its author', () => {
    const { m, Ana, objection } = withRaisedObjection();
    const [e] = m.ok({ type: 'objection.withdraw', objectionId: objection.id }, participant(Ana));
    expect(e).toMatchObject({ type: 'objection.withdrawn', by: Ana });
    expect(objectionOf(m.view(), Ana)?.status).toBe('withdrawn');
    // Its fate is final: neither tested nor withdrawn again.
    expect(
      errorOf(m.run({ type: 'objection.withdraw', objectionId: objection.id }, participant(Ana)))?.code,
    ).toBe('not_allowed');
  });

  it('[C8] an adopted decision leaves no objection open', () => {
    const { m, Ana, Ben, Cleo, objection } = withRaisedObjection();
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'qualifies' }, facilitator);
    m.ok({ type: 'proposal.amend', text: 'v2', resolves: [objection.id] }, facilitator);
    for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    m.ok({ type: 'responses.reveal' }, facilitator);
    m.advanceTo('consent');
    for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    m.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
    expect(m.view().objections.map((o) => o.status)).toEqual(['resolved']);
  });
});

describe('C9 review date', () => {
  it('[C9] adopted carries a default review date six months on', () => {
    const { m, Ana, Ben, Cleo } = inConsent();
    for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    m.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
    expect(m.view().outcome?.reviewDate).toBe('2025-07-15');
  });

  it('[C9] or the review date given', () => {
    const { m, Ana, Ben, Cleo } = inConsent();
    for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    m.ok(
      { type: 'outcome.record', outcome: 'adopted', reviewDate: '2025-03-01', note: 'Try it.' },
      facilitator,
    );
    expect(m.view().outcome).toMatchObject({ outcome: 'adopted', reviewDate: '2025-03-01', note: 'Try it.' });
  });

  it('[C9] the machine refuses an adoption without a review date', () => {
    const { m, Ana, Ben, Cleo } = inConsent();
    for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    const e = {
      type: 'outcome.recorded',
      outcome: 'adopted',
      version: 1,
      by: 'facilitator',
      seq: m.live.view.seq + 1,
      at: m.now(),
      commandId: testId(77),
    } as const;
    expect(m.state().can(e)).toBe(false);
    expect(m.state().can({ ...e, reviewDate: '2026-01-01' })).toBe(true);
    expect(m.state().can({ ...e, reviewDate: '2026-01-01', version: 2 })).toBe(false);
  });

  it('[C9] the default date stays inside a shorter month', () => {
    expect(defaultReviewDate(Date.UTC(2025, 0, 31))).toBe('2025-07-31');
    expect(defaultReviewDate(Date.UTC(2025, 7, 31))).toBe('2026-02-28');
    expect(defaultReviewDate(Date.UTC(2023, 7, 31))).toBe('2024-02-29');
    expect(defaultReviewDate(Date.UTC(2025, 11, 31, 23, 59))).toBe('2026-06-30');
  });
});

describe('C10 hidden responses', () => {
  it('[C10] a reaction given before the reveal is sealed; others see that, not what', () => {
    const m = startMeeting();
    const { Ana, Ben } = m.ids as { Ana: string; Ben: string };
    m.advanceTo('reactions');
    const [e] = m.ok({ type: 'reaction.give', text: 'Great idea', gesture: 'up' }, participant(Ana));
    expect(e).toMatchObject({ sealed: true, text: 'Great idea', gesture: 'up' });
    const forBen = eventFor(e!, participant(Ben));
    expect(forBen).not.toHaveProperty('text');
    expect(forBen).not.toHaveProperty('gesture');
    expect(eventFor(e!, participant(Ana))).toBe(e);
    expect(eventFor(e!, facilitator)).toBe(e);
    const v = m.view();
    expect(viewFor(v, participant(Ben)).reactions[Ana]).toEqual({
      participantId: Ana,
      version: 1,
      at: e!.at,
      hidden: true,
    });
    expect(viewFor(v, participant(Ana)).reactions[Ana]?.text).toBe('Great idea');
    expect(viewFor(v, facilitator)).toBe(v);
  });

  it('[C10] objection-round kind and reason are hidden from other participants', () => {
    const m = startMeeting();
    const { Ana, Ben } = m.ids as { Ana: string; Ben: string };
    m.advanceTo('objections');
    const [e] = m.ok({ type: 'response.give', kind: 'objection', reason: 'Harm.' }, participant(Ana));
    const forBen = eventFor(e!, participant(Ben));
    expect(forBen).toMatchObject({ type: 'response.given', participantId: Ana, sealed: true });
    expect(forBen).not.toHaveProperty('kind');
    expect(forBen).not.toHaveProperty('reason');
    const seen = viewFor(m.view(), participant(Ben)).objectionRound.responses[Ana];
    expect(seen).toMatchObject({ hidden: true });
    expect(seen).not.toHaveProperty('kind');
    expect(viewFor(m.view(), participant(Ana)).objectionRound.responses[Ana]?.kind).toBe('objection');
    // Nor does the objection appear in the record before the reveal.
    expect(m.view().objections).toEqual([]);
  });

  it('[C10] the reveal event carries the content, and every view converges', () => {
    const m = startMeeting();
    const { Ana, Ben, Cleo } = m.ids as { Ana: string; Ben: string; Cleo: string };
    m.advanceTo('reactions');
    m.ok({ type: 'reaction.give', text: 'Great', gesture: 'up' }, participant(Ana));
    m.ok({ type: 'reaction.give', text: 'Hmm' }, participant(Ben));
    const [reveal] = m.ok({ type: 'responses.reveal' }, facilitator);
    expect(reveal).toMatchObject({
      type: 'responses.revealed',
      stage: 'reactions',
      reactions: expect.arrayContaining([
        { participantId: Ana, text: 'Great', gesture: 'up' },
        { participantId: Ben, text: 'Hmm' },
      ]),
    });
    // After the reveal, new reactions are not sealed.
    const [late] = m.ok({ type: 'reaction.give', text: 'Late' }, participant(Cleo));
    expect(late).toMatchObject({ sealed: false });
    const full = m.view();
    expect(viewFor(full, participant(Cleo))).toEqual(full);
    expect(errorOf(m.run({ type: 'responses.reveal' }, facilitator))?.code).toBe('not_allowed');
  });

  it('[C10] objections become records at the reveal', () => {
    const { m, Ana, Ben } = withRaisedObjection();
    const reveal = m.log.findLast((e) => e.type === 'responses.revealed') as EventOf<'responses.revealed'>;
    expect(reveal.responses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          participantId: Ana,
          kind: 'objection',
          reason: 'Noon clashes with the standup.',
        }),
        expect.objectContaining({ participantId: Ben, kind: 'consent' }),
      ]),
    );
    expect(m.view().objections).toHaveLength(1);
  });

  it('[C10] a late objection in consent reopens objections', () => {
    const { m, Ana, Ben } = inConsent();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    const events = m.ok(
      { type: 'response.give', kind: 'objection', reason: 'I see a harm now.' },
      participant(Ana),
    );
    expect(events.map((e) => e.type)).toEqual(['stage.changed', 'response.given']);
    expect(events[0]).toMatchObject({ from: 'consent', to: 'objections', reason: 'late_objection' });
    expect(events[1]).toMatchObject({ stage: 'objections', kind: 'objection', sealed: false });
    expect(m.view().stage).toBe('objections');
    expect(objectionOf(m.view(), Ana)).toMatchObject({ status: 'raised', reason: 'I see a harm now.' });
    expect(errorOf(m.run({ type: 'stage.advance', from: 'objections' }, facilitator))?.code).toBe(
      'not_allowed',
    );
  });

  it('[C10] recording the outcome reveals whatever is still hidden', () => {
    const m = startMeeting();
    const { Ana } = m.ids as { Ana: string };
    m.advanceTo('reactions');
    m.ok({ type: 'reaction.give', text: 'Meh' }, participant(Ana));
    m.advanceTo('objections');
    m.ok({ type: 'response.give', kind: 'concern', reason: 'Costs.' }, participant(Ana));
    const events = m.ok({ type: 'outcome.record', outcome: 'deferred' }, facilitator);
    expect(events.map((e) => e.type)).toEqual([
      'responses.revealed',
      'responses.revealed',
      'outcome.recorded',
    ]);
    const v = m.view();
    expect(v.reactionsRevealed && v.objectionRound.revealed).toBe(true);
    expect(v.concerns).toEqual([expect.objectContaining({ participantId: Ana, reason: 'Costs.' })]);
    expect(viewFor(v, participant(m.ids.Ben!))).toEqual(v);
  });
});

describe('responses after the reveal, and the record around them', () => {
  it('[C10] a reveal that leaves out a hidden response is refused: nothing said is lost', () => {
    const m = startMeeting();
    const { Ana, Ben } = m.ids as { Ana: string; Ben: string };
    m.advanceTo('objections');
    m.ok({ type: 'response.give', kind: 'concern', reason: 'Cost' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    const ana = m.view().objectionRound.responses[Ana]!;
    const partial = {
      type: 'responses.revealed' as const,
      stage: 'objections' as const,
      reactions: [],
      responses: [{ responseId: ana.id, participantId: Ana, kind: 'concern' as const, reason: 'Cost' }],
      by: 'facilitator',
      seq: m.live.view.seq + 1,
      at: m.now(),
      commandId: testId(999, 0xbbbb),
    };
    expect(m.state().can(partial)).toBe(false);
    m.ok({ type: 'responses.reveal' }, facilitator);
    expect(m.view().concerns.map((c) => c.reason)).toEqual(['Cost']);
  });

  it('[C6][C10] consent is entered only after hidden responses are revealed, concerns included', () => {
    const m = startMeeting(['Ana']);
    m.advanceTo('objections');
    m.ok({ type: 'response.give', kind: 'concern', reason: 'Cost' }, participant(m.ids.Ana!));
    const refused = errorOf(m.run({ type: 'stage.advance', from: 'objections' }, facilitator));
    expect(refused?.message).toMatch(/Reveal the responses first/);
    m.ok({ type: 'responses.reveal' }, facilitator);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(m.view().concerns).toHaveLength(1);
  });

  it('[C7] a late objection withdraws that person’s earlier consent', () => {
    const { m, Ana, Ben, Cleo } = inConsent();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Too soon' }, participant(Ana));
    const objection = objectionOf(m.view(), Ana)!;
    m.ok({ type: 'objection.test', objectionId: objection.id, verdict: 'concern' }, facilitator);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
    expect(awaitingConsent(m.view()).map((p) => p.id)).toEqual([Ana]);
    expect(errorOf(m.run({ type: 'outcome.record', outcome: 'adopted' }, facilitator))?.code).toBe(
      'not_allowed',
    );
  });

  it('[C8] after the reveal a concern may become an objection; an open objection is withdrawn before consenting', () => {
    const { m, Ana, Ben } = withRaisedObjection();
    m.ok({ type: 'response.give', kind: 'concern', reason: 'Lunch is short' }, participant(Ben));
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Lunch is too short' }, participant(Ben));
    expect(objectionOf(m.view(), Ben)?.status).toBe('raised');
    expect(errorOf(m.run({ type: 'response.give', kind: 'consent' }, participant(Ana)))?.message).toMatch(
      /withdraw the objection first/,
    );
    m.ok({ type: 'objection.withdraw', objectionId: objectionOf(m.view(), Ana)!.id }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    expect(m.view().objectionRound.responses[Ana]?.kind).toBe('consent');
    expect(errorOf(m.run({ type: 'response.give', kind: 'consent' }, participant(Ana)))?.message).toMatch(
      /recorded already/,
    );
  });

  it('[A8] a meeting is created once: a second meeting.created is refused', () => {
    const m = startMeeting();
    const again = { ...m.log[0]!, seq: m.live.view.seq + 1, title: 'Hijacked' };
    expect(m.state().can(again)).toBe(false);
  });
});
