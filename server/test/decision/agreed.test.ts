/**
 * R3: what an adoption carries for the circle's agreement register (`outcome.recorded.agreed`),
 * and the circle's review period (C9). Through decide + the machine, as the gateway runs it.
 */
import { commandSchemas } from '@circlewise/shared/commands';
import { LIMITS, type ReviewResult } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import type { EventOf, MeetingEvent } from '@circlewise/shared/events';
import { FACILITATOR } from '@circlewise/shared/events';
import { buildMinutes } from '@circlewise/shared/minutes';
import { minutesToMarkdown } from '@circlewise/shared/minutesMarkdown';
import { describe, expect, it } from 'vitest';
import { facilitator, MEETING_ID, participant, startHarness } from '../support/testHarness';

const AGREEMENT = 'agreement-1';
const PREFILL = { title: 'Shared lunch', driver: 'We skip lunch.', text: 'Lunch together at noon.' };

/**
 * A decision with Ana, Ben and Cleo, in consent. `reviewOf`: it reviews that agreement, started
 * from its text (the pre-fill is the decision's first edit, as a review item's is).
 */
function inConsent(opts: { reviewOf?: string; reviewMonths?: number; edit?: string; amend?: string } = {}) {
  const m = startHarness<DecisionView>({ checkPermissions: false });
  m.record({
    type: 'meeting.created',
    meetingId: MEETING_ID,
    code: 'ABC123',
    title: 'Review',
    ...(opts.reviewOf !== undefined && { reviewOf: opts.reviewOf }),
    ...(opts.reviewMonths !== undefined && { reviewMonths: opts.reviewMonths }),
    by: FACILITATOR,
  });
  m.ok({ type: 'proposal.edit', ...PREFILL }, facilitator);
  if (opts.edit) m.ok({ type: 'proposal.edit', ...PREFILL, text: opts.edit }, facilitator);
  const [Ana, Ben, Cleo] = ['Ana', 'Ben', 'Cleo'].map((n) => m.join(n)) as [string, string, string];
  const advance = (from: 'proposal' | 'clarifying' | 'reactions' | 'objections') =>
    m.ok({ type: 'stage.advance', from }, facilitator);
  advance('proposal');
  advance('clarifying');
  if (opts.amend) m.ok({ type: 'proposal.amend', text: opts.amend }, facilitator);
  advance('reactions');
  m.ok({ type: 'response.give', kind: 'concern', reason: 'Noon is early for me.' }, participant(Ben));
  m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
  m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
  m.ok({ type: 'responses.reveal' }, facilitator);
  advance('objections');
  for (const p of [Ana, Ben, Cleo]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
  return m;
}

function adopt(
  m: ReturnType<typeof inConsent>,
  extra: { review?: ReviewResult; reviewDate?: string; responsible?: string; evaluation?: string } = {},
) {
  const events: MeetingEvent[] = m.ok({ type: 'outcome.record', outcome: 'adopted', ...extra }, facilitator);
  const outcome = events.at(-1) as EventOf<'outcome.recorded'>;
  expect(outcome.type).toBe('outcome.recorded');
  return outcome;
}

describe('R3 what an adoption puts in the register', () => {
  it('[R3] one concern per person: the latest wording, with the versions it was given on (issue 10 §8)', () => {
    const m = inConsent();
    const [Ana, Ben, Cleo] = ['Ana', 'Ben', 'Cleo'].map((n) => m.id(n)) as [string, string, string];
    m.ok({ type: 'proposal.amend', text: 'Lunch together at one.' }, facilitator);
    m.ok({ type: 'response.give', kind: 'concern', reason: 'One is early too.' }, participant(Ben));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
    m.ok({ type: 'responses.reveal' }, facilitator);
    // After the reveal Ben rewords it: still one line, the latest wording.
    m.ok({ type: 'response.give', kind: 'concern', reason: 'One is still early for me.' }, participant(Ben));
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(m.view().concerns).toHaveLength(3);
    const outcome = adopt(m);
    expect(outcome.agreed?.concerns).toEqual(['Ben (v1, v2): One is still early for me.']);

    const minutes = buildMinutes(m.log);
    expect(minutes.concerns).toEqual([
      expect.objectContaining({
        by: 'Ben',
        version: 2,
        versions: [1, 2],
        reason: 'One is still early for me.',
      }),
    ]);
    const md = minutesToMarkdown(minutes);
    const concerns = md.slice(md.indexOf('## Concerns'), md.indexOf('## Everything'));
    expect(concerns.match(/^- /gm)).toHaveLength(1);
    expect(concerns).toContain('- **Ben** (v1, v2): One is still early for me.');
  });

  it('[R3] an adoption carries the title, driver, text and the concerns as "Name: reason"', () => {
    const outcome = adopt(inConsent());
    expect(outcome.agreed).toEqual({ ...PREFILL, concerns: ['Ben: Noon is early for me.'] });
  });

  it('[R3] a concern given to an earlier version is not on the adopted version’s record (C5)', () => {
    const m = inConsent();
    // Back to objections with a new version: everyone is asked again, Ben now just consents.
    m.ok({ type: 'proposal.amend', text: 'Lunch together at one.' }, facilitator);
    for (const name of ['Ana', 'Ben', 'Cleo']) {
      m.ok({ type: 'response.give', kind: 'consent' }, participant(m.id(name)));
    }
    m.ok({ type: 'responses.reveal' }, facilitator);
    m.ok({ type: 'stage.advance', from: 'objections' }, facilitator);
    for (const name of ['Ana', 'Ben', 'Cleo']) {
      m.ok({ type: 'response.give', kind: 'consent' }, participant(m.id(name)));
    }
    expect(adopt(m).agreed).toEqual({
      ...PREFILL,
      text: 'Lunch together at one.',
      concerns: [],
    });
  });

  it('[R3] a withdrawn or deferred decision carries no agreement', () => {
    const m = inConsent();
    const [outcome] = m.ok({ type: 'outcome.record', outcome: 'deferred' }, facilitator);
    expect(outcome).toMatchObject({ type: 'outcome.recorded', outcome: 'deferred' });
    expect((outcome as EventOf<'outcome.recorded'>).agreed).toBeUndefined();
  });

  it('[R3] a decision that reviews nothing carries no review result, even if one is sent', () => {
    const agreed = adopt(inConsent(), { review: 'drop' }).agreed;
    expect(agreed?.reviewOf).toBeUndefined();
    expect(agreed?.review).toBeUndefined();
  });
});

describe('R3 reviews: keep, evolve or drop', () => {
  it('[R3] a review adopted with the text it started from keeps the agreement', () => {
    const outcome = adopt(inConsent({ reviewOf: AGREEMENT }));
    expect(outcome.agreed).toMatchObject({ ...PREFILL, reviewOf: AGREEMENT, review: 'keep' });
  });

  it('[R3] a review whose proposal was amended evolves the agreement', () => {
    const outcome = adopt(inConsent({ reviewOf: AGREEMENT, amend: 'Lunch together at one.' }));
    expect(outcome.agreed).toMatchObject({
      reviewOf: AGREEMENT,
      review: 'evolve',
      text: 'Lunch together at one.',
    });
  });

  it('[R3] a review whose pre-filled text was edited before presenting evolves the agreement', () => {
    const outcome = adopt(inConsent({ reviewOf: AGREEMENT, edit: 'Lunch together, at noon or one.' }));
    expect(outcome.agreed).toMatchObject({ review: 'evolve', text: 'Lunch together, at noon or one.' });
  });

  it('[R3] the facilitator says drop (or overrides keep/evolve) with the outcome’s review', () => {
    expect(adopt(inConsent({ reviewOf: AGREEMENT }), { review: 'drop' }).agreed?.review).toBe('drop');
    expect(
      adopt(inConsent({ reviewOf: AGREEMENT, amend: 'Lunch at one.' }), { review: 'keep' }).agreed?.review,
    ).toBe('keep');
  });
});

describe('R3 who is responsible and the evaluation criteria', () => {
  const RESPONSIBLE = 'Ben books the table.';
  const EVALUATION = 'At least four of us lunch together each week by June.';

  it('[R3] an adoption carries who is responsible and the evaluation criteria on the event, in agreed and in the view', () => {
    const m = inConsent();
    const outcome = adopt(m, { responsible: `  ${RESPONSIBLE} `, evaluation: EVALUATION });
    // Trimmed, as all text is.
    expect(outcome).toMatchObject({ responsible: RESPONSIBLE, evaluation: EVALUATION });
    expect(outcome.agreed).toEqual({
      ...PREFILL,
      concerns: ['Ben: Noon is early for me.'],
      responsible: RESPONSIBLE,
      evaluation: EVALUATION,
    });
    expect(m.view().outcome).toMatchObject({
      outcome: 'adopted',
      responsible: RESPONSIBLE,
      evaluation: EVALUATION,
    });
  });

  it('[R3] each is optional: one alone is carried, an absent one is no field at all', () => {
    const only = adopt(inConsent(), { evaluation: EVALUATION });
    expect(only.evaluation).toBe(EVALUATION);
    expect(only).not.toHaveProperty('responsible');
    expect(only.agreed).not.toHaveProperty('responsible');
    const none = inConsent();
    const bare = adopt(none);
    for (const field of ['responsible', 'evaluation']) {
      expect(bare).not.toHaveProperty(field);
      expect(bare.agreed).not.toHaveProperty(field);
      expect(none.view().outcome).not.toHaveProperty(field);
    }
  });

  it('[R3] a review’s adoption carries them in agreed with its review result', () => {
    const outcome = adopt(inConsent({ reviewOf: AGREEMENT }), { responsible: RESPONSIBLE });
    expect(outcome.agreed).toMatchObject({ reviewOf: AGREEMENT, review: 'keep', responsible: RESPONSIBLE });
  });

  it.each([
    ['withdrawn', { responsible: RESPONSIBLE }],
    ['deferred', { evaluation: EVALUATION }],
    ['deferred', { responsible: RESPONSIBLE, evaluation: EVALUATION }],
  ] as const)('[R3] %s with %j is refused as invalid_payload, and nothing is recorded', (outcome, extra) => {
    const m = inConsent();
    const before = m.log.length;
    const cmd = { type: 'outcome.record', outcome, ...extra } as const;
    expect(m.refused(cmd, facilitator)).toBe('invalid_payload');
    const d = m.run(cmd, facilitator);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.error.message).toBe(
        `Who is responsible and the evaluation criteria belong to an adopted agreement; leave them out to record the decision as ${outcome}.`,
      );
    }
    expect(m.log).toHaveLength(before);
    // Without them the same outcome is recorded.
    expect(m.ok({ type: 'outcome.record', outcome }, facilitator).at(-1)).toMatchObject({
      type: 'outcome.recorded',
      outcome,
    });
  });

  it.each([
    ['responsible', '   ', 'Who is responsible must not be empty.'],
    [
      'responsible',
      'x'.repeat(LIMITS.title + 1),
      `Who is responsible must be at most ${LIMITS.title} characters.`,
    ],
    ['responsible', 42, 'Who is responsible must be text.'],
    ['evaluation', '', 'The evaluation criteria must not be empty.'],
    [
      'evaluation',
      'x'.repeat(LIMITS.text + 1),
      `The evaluation criteria must be at most ${LIMITS.text} characters.`,
    ],
  ])('[R3] %s %#: refused with a clear message', (field, value, message) => {
    const parsed = commandSchemas['outcome.record'].safeParse({
      type: 'outcome.record',
      commandId: '00000000-0000-4000-8000-000000000001',
      outcome: 'adopted',
      [field]: value,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: [field], message })]);
  });

  it('[R3] at their limits they are accepted', () => {
    const outcome = adopt(inConsent(), {
      responsible: 'r'.repeat(LIMITS.title),
      evaluation: 'e'.repeat(LIMITS.text),
    });
    expect(outcome.agreed?.responsible).toHaveLength(LIMITS.title);
    expect(outcome.agreed?.evaluation).toHaveLength(LIMITS.text);
  });
});

describe('C9 the circle’s review period', () => {
  it('[C9][R3] the default review date comes from the circle’s review period when given', () => {
    // The harness's clock starts at 2025-01-15.
    expect(adopt(inConsent({ reviewMonths: 3 })).reviewDate).toBe('2025-04-15');
    expect(adopt(inConsent()).reviewDate).toBe('2025-07-15');
    expect(adopt(inConsent({ reviewMonths: 3 }), { reviewDate: '2025-02-01' }).reviewDate).toBe('2025-02-01');
  });
});
