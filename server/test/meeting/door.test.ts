/**
 * S12: the facilitator decides who is in the room. The door's rules, driven through LiveMeeting
 * as the server drives them (testHarness.ts): the lock, waiting, admitting, refusing, removing,
 * the cap, and the names a newcomer may take.
 */
import { joinSchema } from '@circlewise/shared/commands';
import { awaitingConsent } from '@circlewise/shared/decision';
import { waitingList } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import { callerFor, type Session } from '../../src/access/permissions';
import { replayed, testId } from '../support/testHarness';
import { facilitator, participant, startMeeting } from '../support/testMeeting';

const CAP = 200;
const NEW = testId(77, 0xbeef);

/** A meeting in consent, everyone's first consent given, and a new device waiting at a locked door. */
function lockedWithDora() {
  const m = startMeeting();
  m.ok({ type: 'meeting.lock' }, facilitator);
  expect(m.live.door({ name: 'Dora' }, CAP)).toEqual({ let: 'wait' });
  m.record({ type: 'participant.waiting', participantId: NEW, name: 'Dora', by: NEW });
  return m;
}

function inConsent(m = startMeeting()) {
  const { Ana, Ben, Cleo } = m.ids as { Ana: string; Ben: string; Cleo: string };
  m.advanceTo('objections');
  // Cleo gives no answer in the objection round, so nothing of hers carries into consent (C7).
  for (const p of [Ana, Ben]) m.ok({ type: 'response.give', kind: 'consent' }, participant(p));
  m.ok({ type: 'responses.reveal' }, facilitator);
  m.advanceTo('consent');
  return { m, Ana, Ben, Cleo };
}

const joinName = (name: string) => joinSchema.safeParse({ protocol: 1, code: 'ABC123', name });

describe('S12 lock and admission', () => {
  it('[S12] an open meeting lets a new device in; a locked one makes it wait', () => {
    const m = startMeeting();
    expect(m.live.door({ name: 'Dora' }, CAP)).toEqual({ let: 'in' });
    m.ok({ type: 'meeting.lock' }, facilitator);
    expect(m.live.view.locked).toBe(true);
    expect(m.live.door({ name: 'Dora' }, CAP)).toEqual({ let: 'wait' });
    m.ok({ type: 'meeting.unlock' }, facilitator);
    expect(m.live.view.locked).toBeUndefined();
    expect(m.live.door({ name: 'Dora' }, CAP)).toEqual({ let: 'in' });
  });

  it('[S12] a known participant comes back in through a locked door', () => {
    const m = startMeeting();
    m.ok({ type: 'participant.leave' }, m.as('Ana'));
    m.ok({ type: 'meeting.lock' }, facilitator);
    expect(m.live.door({ participantId: m.id('Ana') }, CAP)).toEqual({ let: 'in' });
    expect(m.live.door({ participantId: m.id('Ben') }, CAP)).toEqual({ let: 'here' });
  });

  it('[S12] locking twice, or unlocking an open meeting, is refused and records nothing', () => {
    const m = startMeeting();
    expect(m.refused({ type: 'meeting.unlock' }, facilitator)).toBe('not_allowed');
    m.ok({ type: 'meeting.lock' }, facilitator);
    expect(m.refused({ type: 'meeting.lock' }, facilitator)).toBe('not_allowed');
  });

  it('[S12][C7] someone waiting is listed, not present, and not awaited for consent', () => {
    const m = lockedWithDora();
    expect(waitingList(m.live.view).map((w) => w.name)).toEqual(['Dora']);
    expect(m.live.view.participants[NEW]).toBeUndefined();
    expect(m.live.door({ participantId: NEW }, CAP)).toEqual({ let: 'wait' });
    const { m: c, Ana, Ben, Cleo } = inConsent(m);
    for (const p of [Ana, Ben, Cleo]) c.ok({ type: 'response.give', kind: 'consent' }, participant(p));
    expect(awaitingConsent(c.view()).map((p) => p.name)).toEqual([]);
    c.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
  });

  it('[S12] admitting makes them present, with their name, and lets their token in', () => {
    const m = lockedWithDora();
    const events = m.ok({ type: 'participant.admit', participantId: NEW }, facilitator);
    expect(events.map((e) => e.type)).toEqual(['participant.admitted', 'participant.joined']);
    expect(m.live.view.participants[NEW]).toMatchObject({ name: 'Dora', present: true });
    expect(waitingList(m.live.view)).toEqual([]);
    expect(m.live.door({ participantId: NEW }, CAP)).toEqual({ let: 'here' });
    expect(replayed(m.log).view).toEqual(m.live.view);
  });

  it('[S12] refusing takes them off the list, and their token opens nothing after', () => {
    const m = lockedWithDora();
    m.ok({ type: 'participant.refuse', participantId: NEW }, facilitator);
    expect(waitingList(m.live.view)).toEqual([]);
    expect(m.live.view.participants[NEW]).toBeUndefined();
    expect(m.live.door({ participantId: NEW }, CAP)).toMatchObject({ code: 'removed' });
    expect(m.refused({ type: 'participant.admit', participantId: NEW }, facilitator)).toBe('not_found');
  });

  it('[S12] admitting or refusing someone who is not waiting is not_found', () => {
    const m = startMeeting();
    expect(m.refused({ type: 'participant.admit', participantId: NEW }, facilitator)).toBe('not_found');
    expect(m.refused({ type: 'participant.refuse', participantId: NEW }, facilitator)).toBe('not_found');
    expect(m.refused({ type: 'participant.admit', participantId: m.id('Ana') }, facilitator)).toBe(
      'not_found',
    );
  });
});

describe('S12 removal', () => {
  it('[S12][C7] a removed participant is not present, not awaited for consent, and cannot come back', () => {
    const { m, Ana, Ben, Cleo } = inConsent();
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ana));
    m.ok({ type: 'response.give', kind: 'consent' }, participant(Ben));
    expect(awaitingConsent(m.view()).map((p) => p.name)).toEqual(['Cleo']);
    m.ok({ type: 'participant.remove', participantId: Cleo }, facilitator);
    expect(m.live.view.participants[Cleo]).toMatchObject({ present: false, removed: true });
    expect(awaitingConsent(m.view())).toEqual([]);
    expect(m.live.door({ participantId: Cleo }, CAP)).toMatchObject({ code: 'removed' });
    // Nor can a join be recorded for them by any other way.
    expect(() => m.join('Cleo')).toThrow(/removed/);
    m.ok({ type: 'outcome.record', outcome: 'adopted' }, facilitator);
  });

  it('[S12] a removed participant’s connection may send nothing more', () => {
    const m = startMeeting();
    const Cleo = m.id('Cleo');
    m.ok({ type: 'participant.remove', participantId: Cleo }, facilitator);
    const session: Session = { meetingId: m.live.id, role: 'participant', participantId: Cleo };
    expect(callerFor(session, m.live, 'question.ask')).toEqual({
      denied: expect.objectContaining({
        code: 'forbidden',
        reason: 'removed_you',
        message: expect.stringMatching(/removed/),
      }),
    });
  });

  it('[S12] removing someone unknown, or twice, is not_found; the facilitator of the moment is not removed', () => {
    const m = startMeeting();
    expect(m.refused({ type: 'participant.remove', participantId: NEW }, facilitator)).toBe('not_found');
    m.ok({ type: 'participant.remove', participantId: m.id('Cleo') }, facilitator);
    expect(m.refused({ type: 'participant.remove', participantId: m.id('Cleo') }, facilitator)).toBe(
      'not_found',
    );
    m.ok({ type: 'facilitation.handOver', participantId: m.id('Ana') }, facilitator);
    expect(m.refused({ type: 'participant.remove', participantId: m.id('Ana') }, facilitator)).toBe(
      'not_allowed',
    );
  });
});

describe('S12 the cap', () => {
  it('[S12] a new device is refused once the meeting holds its cap; those waiting count', () => {
    const m = startMeeting();
    expect(m.live.door({ name: 'Dora' }, 4)).toEqual({ let: 'in' });
    expect(m.live.door({ name: 'Dora' }, 3)).toMatchObject({ code: 'meeting_full' });
    m.ok({ type: 'meeting.lock' }, facilitator);
    m.record({ type: 'participant.waiting', participantId: NEW, name: 'Dora', by: NEW });
    expect(m.live.door({ name: 'Eve' }, 4)).toMatchObject({ code: 'meeting_full' });
    // A returning participant is not a newcomer: the cap does not keep them out.
    expect(m.live.door({ participantId: m.id('Ana') }, 3)).toEqual({ let: 'here' });
  });

  it('[S12] a removed participant frees their place', () => {
    const m = startMeeting();
    m.ok({ type: 'participant.remove', participantId: m.id('Cleo') }, facilitator);
    expect(m.live.door({ name: 'Dora' }, 3)).toEqual({ let: 'in' });
  });
});

describe('S12 names', () => {
  it('[S12] a name in use is refused, whatever its case and spacing, with a way to tell apart', () => {
    const m = startMeeting(['Ana Maria', 'Ben', 'Cleo']);
    for (const name of ['ana maria', 'ANA  MARIA', 'AnaMaria', 'Ben', ' bEn ']) {
      const verdict = m.live.door({ name }, CAP);
      expect(verdict, name).toMatchObject({ code: 'name_taken' });
      expect((verdict as { message: string }).message).toMatch(
        /is already here: add an initial or a surname/,
      );
    }
    expect(m.live.door({ name: 'Ana' }, CAP)).toEqual({ let: 'in' });
    expect(m.live.door({ name: 'Ben K.' }, CAP)).toEqual({ let: 'in' });
  });

  it('[S12] a waiting name is taken too; a removed one is free again', () => {
    const m = lockedWithDora();
    expect(m.live.door({ name: 'dora' }, CAP)).toMatchObject({ code: 'name_taken' });
    m.ok({ type: 'participant.remove', participantId: m.id('Cleo') }, facilitator);
    expect(m.live.door({ name: 'Cleo' }, CAP)).toEqual({ let: 'wait' });
  });

  it('[S12] names that pass for a role are refused, in any case', () => {
    const m = startMeeting();
    for (const name of [
      'Facilitator',
      'FACILITATOR',
      'The facilitator',
      'the Facilitator',
      'Moderator',
      'host',
      'Admin',
      'System',
      'Circlewise',
      'Ana (facilitator)',
    ]) {
      expect(m.live.door({ name }, CAP), name).toMatchObject({ code: 'name_taken' });
    }
    for (const name of ['Hostetler', 'Sysadmin Sam', 'Adminah']) {
      expect(m.live.door({ name }, CAP), name).toEqual({ let: 'in' });
    }
  });

  it('[S12] control, bidi-override and zero-width characters are stripped from a name', () => {
    const cases: Array<[string, string]> = [
      ['Ana\u202Egnam', 'Anagnam'],
      ['\u2066Ben\u2069', 'Ben'],
      ['Cl\u200Beo', 'Cleo'],
      ['D\u200Dora\uFEFF', 'Dora'],
      ['Eve\u0000', 'Eve'],
      ['Fe\nlix', 'Fe lix'],
      ['\u200FGus\u200E', 'Gus'],
    ];
    for (const [raw, clean] of cases) {
      const parsed = joinName(raw);
      expect(parsed.success, raw).toBe(true);
      expect(parsed.data?.name).toBe(clean);
    }
  });

  it('[S12] a name that is empty once stripped is refused', () => {
    for (const raw of ['\u200B\u200B', '\u202E', ' \u0007 ', '\uFEFF\u2060']) {
      const parsed = joinName(raw);
      expect(parsed.success, JSON.stringify(raw)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/must not be empty/);
    }
  });

  it('[S12] a name that hides a role behind invisible characters is still refused', () => {
    const m = startMeeting();
    const name = joinName('Fac\u200Bilit\u200Dator').data?.name ?? '';
    expect(m.live.door({ name }, CAP)).toMatchObject({ code: 'name_taken' });
    const taken = joinName('A\u200Bna').data?.name ?? '';
    expect(m.live.door({ name: taken }, CAP)).toMatchObject({ code: 'name_taken' });
  });
});
