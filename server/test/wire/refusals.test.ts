/**
 * Issue 12: every refusal is a stable code, a stable reason with params, and the English sentence
 * made from them by one table (shared/src/refusals.ts). The types make each refusal name a reason
 * of the table with exactly the params its template names; these tests check what the types
 * cannot: that the table holds no reason nobody sends, that no refusal is written by hand, that
 * the templates are well formed, that the client's English catalogue is the table's, and, end to
 * end through the decide path, that a refusal arrives with its reason and params.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandSchema } from '@circlewise/shared/commands';
import {
  englishCatalogue,
  englishRefusal,
  placeholders,
  REFUSAL_REASONS,
  REFUSALS,
  type RefusalReason,
} from '@circlewise/shared/refusals';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILE, catalogueText } from '../../../scripts/catalogue';
import { invalid } from '../../src/wire/failures';
import { electionAt } from '../support/testElection';
import { facilitator, participant, startMeeting } from '../support/testMeeting';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PRODUCTION = ['server/src', 'shared/src'];

/** The text of every production source file (tests and the table itself left out). */
function sources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (
        /\.ts$/.test(entry.name) &&
        !/\.test\.ts$/.test(entry.name) &&
        path !== 'shared/src/refusals.ts'
      ) {
        out.push({ path, text: readFileSync(join(ROOT, path), 'utf8') });
      }
    }
  };
  for (const dir of PRODUCTION) walk(dir);
  return out;
}

const forms = (reason: RefusalReason): string[] => {
  const entry: string | { one: string; other: string } = REFUSALS[reason];
  return typeof entry === 'string' ? [entry] : [entry.one, entry.other];
};

describe('S6 a refusal is a code, a reason with params, and English made from them (issue 12)', () => {
  it('[S6] every reason of the table is sent somewhere in server/src or shared/src', () => {
    const text = sources()
      .map((s) => s.text)
      .join('\n');
    const unused = REFUSAL_REASONS.filter((reason) => !text.includes(`'${reason}'`));
    expect(unused).toEqual([]);
  });

  it('[S6] no refusal is written by hand: no error object spells out its own message', () => {
    const byHand = sources().flatMap(({ path, text }) =>
      [...text.matchAll(/\{\s*code:\s*'([a-z_]+)',[^{}]{0,200}?\bmessage:/g)]
        // A zod issue of the schemas' own (`code: 'custom'`) is not a refusal: invalid() makes that.
        .filter((m) => m[1] !== 'custom')
        .map((m) => `${path}: ${m[0]}`),
    );
    expect(byHand).toEqual([]);
  });

  it('[S6] each template is well formed: known formats, and both plural forms name the same params', () => {
    for (const reason of REFUSAL_REASONS) {
      for (const form of forms(reason)) {
        expect(form.split('{{').length, reason).toBe(form.split('}}').length);
        for (const [, format] of form.matchAll(/\{\{\s*[A-Za-z]+\s*,\s*([A-Za-z]+)\s*\}\}/g)) {
          expect(format, reason).toBe('stage');
        }
      }
      const [one, other] = forms(reason);
      if (other !== undefined) {
        const names = (t: string) => new Set(placeholders(t).filter((p) => p !== 'count'));
        expect(names(one as string), reason).toEqual(names(other));
        expect(placeholders(other), reason).toContain('count');
      }
    }
  });

  it('[S6] the English puts in every param it names, and leaves no placeholder', () => {
    for (const reason of REFUSAL_REASONS) {
      const params = Object.fromEntries(
        forms(reason)
          .flatMap(placeholders)
          .map((name) => [name, name === 'count' ? 2 : `<${name}>`]),
      );
      const english = englishRefusal(reason, params);
      expect(english, reason).not.toMatch(/\{\{|\}\}/);
      for (const [name, value] of Object.entries(params)) {
        if (name !== 'stage' && name !== 'from' && name !== 'to')
          expect(english, reason).toContain(String(value));
      }
    }
    expect(englishRefusal('decision_cannot_move', { from: 'objections', to: 'consent' })).toBe(
      'Cannot move from Objections to Consent.',
    );
    expect(englishRefusal('open_objections', { count: 1, names: 'Ana' })).toMatch(
      /^An objection is still open/,
    );
    expect(englishRefusal('open_objections', { count: 3, names: 'Ana, Ben, Cleo' })).toMatch(
      /^3 objections are still open \(Ana, Ben, Cleo\)/,
    );
  });

  it('[S6] the client’s English catalogue is what `npm run catalogue` writes from the table', () => {
    const committed = readFileSync(CATALOGUE_FILE, 'utf8');
    expect(committed, 'shared/src/i18n/locales/en/errors.json is stale: run `npm run catalogue`').toBe(
      catalogueText(),
    );
    const catalogue = JSON.parse(committed) as Record<string, string>;
    expect(catalogue.candidate_answers_last).toBe(REFUSALS.candidate_answers_last);
    expect(catalogue.open_objections_one).toBe(REFUSALS.open_objections.one);
    expect(Object.keys(catalogue)).toHaveLength(Object.keys(englishCatalogue()).length);
  });
});

describe('S6 refusals end to end through the decide path, with their reasons and params', () => {
  it('[E4][S6] the candidate answering first is refused as candidate_answers_last', () => {
    const m = electionAt('objections'); // Ben proposed
    const d = m.run({ type: 'response.give', kind: 'consent' }, m.as('Ben'));
    expect(d).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        reason: 'candidate_answers_last',
        params: {},
        message: 'As the candidate you answer last (E4): wait until everyone else has answered.',
      },
    });
  });

  it('[C6][S6] consent with objections open names how many and whose, as params, with English plurals', () => {
    const m = startMeeting();
    const { Ana, Ben, Cleo } = m.ids as { Ana: string; Ben: string; Cleo: string };
    m.advanceTo('objections');
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Noon clashes.' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'objection', reason: 'Too soon.' }, participant(Ben));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Cleo));
    m.ok({ type: 'responses.reveal' }, facilitator);
    const two = m.run({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(two.ok ? undefined : two.error).toEqual({
      code: 'not_allowed',
      reason: 'open_objections',
      params: { count: 2, names: 'Ana, Ben' },
      message:
        '2 objections are still open (Ana, Ben): test each one, then resolve it by amending, or record it as a concern.',
    });
    const ben = m.view().objections.find((o) => o.participantId === Ben);
    m.ok({ type: 'objection.withdraw', objectionId: ben?.id ?? '' }, participant(Ben));
    const one = m.run({ type: 'stage.advance', from: 'objections' }, facilitator);
    expect(one.ok ? undefined : one.error).toMatchObject({
      reason: 'open_objections',
      params: { count: 1, names: 'Ana' },
      message: expect.stringMatching(/^An objection is still open \(Ana\)/),
    });
  });

  it('[C3][S6] a stage is sent as its id and read in English as its name', () => {
    const m = startMeeting();
    const d = m.run({ type: 'response.give', kind: 'consent' }, participant(m.ids.Ana as string));
    expect(d.ok ? undefined : d.error).toEqual({
      code: 'wrong_stage',
      reason: 'response_given_not_now',
      params: { stage: 'proposal' },
      message: 'Responses are given during the objection and consent rounds. The meeting is in Proposal.',
    });
  });

  it('[S12][S6] a name in use at the door is refused with the name as a param', () => {
    const m = startMeeting();
    expect(m.live.door({ name: 'Ana' }, 200)).toEqual({
      code: 'name_taken',
      reason: 'name_taken',
      params: { name: 'Ana' },
      message: 'Ana is already here: add an initial or a surname, so everyone can tell you apart.',
    });
  });

  it('[S6][C4] a schema refusal stays generic: invalid_field names the field; C4 names its own reason', () => {
    const bad = commandSchema.safeParse({ type: 'question.ask', commandId: randomUUID(), text: 42 });
    expect(bad.success).toBe(false);
    const refused = bad.success ? undefined : invalid(bad.error);
    expect(refused?.error).toMatchObject({
      code: 'invalid_payload',
      reason: 'invalid_field',
      params: { field: 'text' },
    });
    expect(refused?.error.message).toBe(`${refused?.error.params?.problem} (text)`);
    const silent = commandSchema.safeParse({
      type: 'response.give',
      commandId: randomUUID(),
      kind: 'objection',
    });
    expect(silent.success ? undefined : invalid(silent.error).error).toEqual({
      code: 'reason_required',
      reason: 'objection_reason_required',
      params: {},
      message: REFUSALS.objection_reason_required,
    });
  });
});
