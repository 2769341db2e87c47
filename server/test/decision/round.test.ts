/**
 * The round's process rule (PROCESS.md M3: opening check-in and closing evaluation) through
 * permissions + decide + the machine, the way the gateway runs a command on a round item.
 */
import { commandSchema } from '@circlewise/shared/commands';
import { FACILITATOR, type MeetingEvent } from '@circlewise/shared/events';
import { currentItem, reduceMeetingLog } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import { facilitator, MEETING_ID, replayed, T0, testId } from '../support/testHarness';
import { startRound } from '../support/testRound';

describe('M3 a round: each present participant speaks once, in turn; the facilitator closes it', () => {
  it('[M3] a present participant speaks: round.spoken by them, with their words, for everyone', () => {
    const m = startRound();
    const [spoken] = m.ok({ type: 'round.speak', text: 'Glad to be here.' }, m.as('Ana'));
    expect(spoken).toMatchObject({
      type: 'round.spoken',
      participantId: m.id('Ana'),
      text: 'Glad to be here.',
      by: m.id('Ana'),
      seq: m.live.view.seq,
    });
    // Nothing in a round is sealed (A6 not involved): the event carries no `sealed` flag at all.
    expect(spoken).not.toHaveProperty('sealed');
    expect(m.view().entries).toEqual([
      { participantId: m.id('Ana'), text: 'Glad to be here.', at: spoken!.at },
    ]);
  });

  it('[M3] entries keep the order of speaking; speaking again replaces one’s words, not one’s place', () => {
    const m = startRound();
    m.ok({ type: 'round.speak', text: 'Tired.' }, m.as('Ben'));
    m.ok({ type: 'round.speak', text: 'Happy.' }, m.as('Cleo'));
    m.ok({ type: 'round.speak', text: 'Tired, but curious.' }, m.as('Ben'));
    expect(m.view().entries.map((e) => [e.participantId, e.text])).toEqual([
      [m.id('Ben'), 'Tired, but curious.'],
      [m.id('Cleo'), 'Happy.'],
    ]);
    // Both of Ben's turns are in the log (R1).
    expect(m.log.filter((e) => e.type === 'round.spoken')).toHaveLength(3);
  });

  it('[M3] the facilitator closes the round, whoever has not spoken; then nothing more is said in it', () => {
    const m = startRound();
    m.ok({ type: 'round.speak', text: 'Fine.' }, m.as('Ana'));
    const [closed] = m.ok({ type: 'round.close' }, facilitator);
    expect(closed).toMatchObject({ type: 'round.closed', by: FACILITATOR });
    expect(m.view()).toMatchObject({ stage: 'outcome', closedAt: closed!.at });
    expect(m.state().status).toBe('done');

    const late = m.run({ type: 'round.speak', text: 'Sorry I am late.' }, m.as('Ben'));
    expect(late).toEqual({
      ok: false,
      error: {
        code: 'meeting_closed',
        message: 'This round is closed: what was said is on the record.',
        reason: 'round_finished',
        params: {},
      },
    });
    expect(m.refused({ type: 'round.close' }, facilitator)).toBe('meeting_closed');
  });

  it('[M3][M2] someone who left cannot speak until they join again; their earlier words stay', () => {
    const m = startRound();
    m.ok({ type: 'round.speak', text: 'Hello.' }, m.as('Cleo'));
    m.ok({ type: 'participant.leave' }, m.as('Cleo'));
    const d = m.run({ type: 'round.speak', text: 'Back?' }, m.as('Cleo'));
    expect(d).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'You have left this meeting; join again to take part.',
        reason: 'left_meeting',
        params: {},
      },
    });
    expect(m.view().entries.map((e) => e.text)).toEqual(['Hello.']);
    m.join('Cleo');
    m.ok({ type: 'round.speak', text: 'Back.' }, m.as('Cleo'));
    expect(m.view().entries.map((e) => e.text)).toEqual(['Back.']);
  });

  it('[M3] the facilitator may mark someone absent in a round; twice is not found', () => {
    const m = startRound();
    m.ok({ type: 'participant.markAbsent', participantId: m.id('Ben') }, facilitator);
    expect(m.view().participants[m.id('Ben')]?.present).toBe(false);
    expect(m.refused({ type: 'participant.markAbsent', participantId: m.id('Ben') }, facilitator)).toBe(
      'not_found',
    );
  });

  it('[M3][S1] only participants speak and only the facilitator closes (permissions)', () => {
    const m = startRound();
    expect(m.refused({ type: 'round.speak', text: 'I run this.' }, facilitator)).toBe('forbidden');
    expect(m.refused({ type: 'round.close' }, m.as('Ana'))).toBe('forbidden');
    expect(m.view().stage).toBe('open');
  });

  it('[M3] past the permissions, the machine itself refuses words not spoken by a present participant', () => {
    const m = startRound(['Ana'], false);
    const d = m.run({ type: 'round.speak', text: 'On behalf of everyone.' }, facilitator);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error.code).toBe('not_joined');
    const stranger = { role: 'participant' as const, participantId: testId(99, 0xbad) };
    const s = m.run({ type: 'round.speak', text: 'Hi.' }, stranger);
    expect(s).toEqual({
      ok: false,
      error: {
        code: 'not_joined',
        message: 'Join the meeting to speak in the round.',
        reason: 'join_to_speak',
        params: {},
      },
    });
    // Nobody speaks for another, even in a replayed or forged log.
    const forged = {
      type: 'round.spoken',
      participantId: m.id('Ana'),
      text: 'Ana agrees.',
      by: FACILITATOR,
      seq: m.live.view.seq + 1,
      at: T0,
      commandId: testId(1, 0xf00),
    } as MeetingEvent;
    expect(m.state().can(forged)).toBe(false);
    expect(m.view().entries).toEqual([]);
  });

  it('[M3] a command of a decision or an election gets a clear refusal: this item is a round', () => {
    const m = startRound();
    const cases = [
      { cmd: { type: 'stage.advance', from: 'proposal' }, who: facilitator },
      { cmd: { type: 'question.ask', text: 'Why?' }, who: m.as('Ana') },
      { cmd: { type: 'nominations.reveal' }, who: facilitator },
      { cmd: { type: 'response.give', kind: 'consent' }, who: m.as('Ben') },
    ] as const;
    const before = m.log.length;
    for (const { cmd, who } of cases) {
      const d = m.run(cmd, who);
      expect(d.ok, cmd.type).toBe(false);
      if (d.ok) continue;
      expect(d.error.code).toBe('wrong_stage');
      expect(d.error.message).toMatch(/^This item is a round: there is no .+ in it\. In a round each person/);
      expect(d.error.message).toContain(cmd.type);
    }
    expect(m.log).toHaveLength(before);
  });

  it('[M3] a bad round.speak is refused by the schema, before deciding: empty or too long', () => {
    const parse = (text: unknown) =>
      commandSchema.safeParse({ type: 'round.speak', commandId: testId(1, 0xc0de), text });
    expect(parse('   ').error?.issues[0]?.message).toBe('What you say must not be empty.');
    expect(parse('x'.repeat(2001)).error?.issues[0]?.message).toBe(
      'What you say must be at most 2000 characters.',
    );
    expect(parse(42).error?.issues[0]?.message).toBe('What you say must be text.');
  });

  it('[M3] a round on the agenda starts from the meeting and its title, and counts who is in the meeting', () => {
    const m = startRound(['Ana', 'Ben']);
    m.ok({ type: 'participant.leave' }, m.as('Ben'));
    expect(m.view()).toMatchObject({
      kind: 'round',
      title: 'Check-in',
      meetingId: MEETING_ID,
      stage: 'open',
    });
    expect(m.view().participants[m.id('Ana')]?.present).toBe(true);
    expect(m.view().participants[m.id('Ben')]?.present).toBe(false);
    expect(m.refused({ type: 'round.speak', text: 'Back?' }, m.as('Ben'))).toBe('forbidden');
  });

  it('[A5][A8] the round is kept once, in the meeting’s view: a replay of the log gives the same view', () => {
    const m = startRound();
    m.ok({ type: 'round.speak', text: 'One.' }, m.as('Ana'));
    m.ok({ type: 'round.speak', text: 'Two.' }, m.as('Ben'));
    m.ok({ type: 'participant.leave' }, m.as('Cleo'));
    m.ok({ type: 'round.close' }, facilitator);
    expect(currentItem(reduceMeetingLog(m.log))).toEqual(m.item());
    const again = replayed(m.log);
    expect(again.view).toEqual(m.live.view);
    expect(m.state().status).toBe('done');
  });
});
