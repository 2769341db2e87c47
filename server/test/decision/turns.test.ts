/**
 * Turns in a round (PROCESS.md O1, O2): an order set by the facilitator or drawn by the server,
 * the turn it gives, passing, and the round coming back once to who passed.
 */
import { commandSchema } from '@circlewise/shared/commands';
import { FACILITATOR } from '@circlewise/shared/events';
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import { type RoundView, turns, turnsToCome } from '@circlewise/shared/round';
import { describe, expect, it } from 'vitest';
import { decideMeeting } from '../../src/decision/meetingDecide';
import { facilitator, replayed, testId } from '../support/testHarness';
import { startRound } from '../support/testRound';

const names = (m: ReturnType<typeof startRound>) => {
  const view = m.view();
  return turnsToCome(view).map((p) => p.name);
};

describe('O1 a round goes around in an order the facilitator sets, or shuffled', () => {
  it('[O1] the facilitator sets the seating order: round.ordered records it, turns follow it', () => {
    const m = startRound();
    const order = [m.id('Cleo'), m.id('Ana'), m.id('Ben')];
    const [ordered] = m.ok({ type: 'round.order', order }, facilitator);
    expect(ordered).toMatchObject({ type: 'round.ordered', order, shuffled: false, by: FACILITATOR });
    expect(m.view().order).toEqual(order);
    expect(turns(m.view())).toMatchObject({
      now: { name: 'Cleo' },
      next: { name: 'Ana' },
      comingBack: false,
    });
  });

  it('[O1] a shuffle is drawn by the server and the event holds the order: a replay does not draw again', () => {
    const m = startRound();
    // The draw uses the decide step's id source: here ids that sort Cleo, Ben, Ana.
    const draws = [testId(3, 0xdddd), testId(2, 0xdddd), testId(1, 0xdddd)];
    const decided = decideMeeting(
      m.live.view,
      { type: 'round.order', commandId: testId(1, 0xc111), shuffle: true },
      facilitator,
      { now: m.now(), newId: () => draws.shift() ?? testId(9, 0xdddd) },
    );
    if (!decided.ok) throw new Error(decided.error.message);
    const [event] = decided.events;
    expect(event).toMatchObject({
      type: 'round.ordered',
      shuffled: true,
      order: [m.id('Cleo'), m.id('Ben'), m.id('Ana')],
    });
    const log = [...m.log, ...decided.events];
    // Replayed twice, the same order: it is read from the event, not drawn.
    for (const view of [reduceMeetingLog(log), replayed(log).view]) {
      const round = view.views[view.currentItemId] as RoundView;
      expect(round.order).toEqual([m.id('Cleo'), m.id('Ben'), m.id('Ana')]);
    }
  });

  it('[O1] a shuffle through the command names everyone present, each once', () => {
    const m = startRound();
    const [ordered] = m.ok({ type: 'round.order', shuffle: true }, facilitator);
    if (ordered?.type !== 'round.ordered') throw new Error('not ordered');
    expect([...ordered.order].sort()).toEqual([m.id('Ana'), m.id('Ben'), m.id('Cleo')].sort());
    expect(ordered.shuffled).toBe(true);
  });

  it('[O1] speaking out of turn is refused with whose turn it is and whom one comes after; nothing is recorded', () => {
    const m = startRound(['Ana', 'Ben', 'Cleo', 'Dan']);
    m.ok({ type: 'round.order', order: [m.id('Ben'), m.id('Cleo'), m.id('Dan'), m.id('Ana')] }, facilitator);
    const seq = m.live.view.seq;
    const out = m.run({ type: 'round.speak', text: 'Me first.' }, m.as('Dan'));
    expect(out).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'It is Ben’s turn; yours comes after Cleo.',
        reason: 'turn_of_other_yours_after',
        params: { name: 'Ben', before: 'Cleo' },
      },
    });
    expect(m.live.view.seq).toBe(seq);
    expect(m.run({ type: 'round.speak', text: 'Me next.' }, m.as('Cleo'))).toMatchObject({
      ok: false,
      error: { message: 'It is Ben’s turn; yours is next.' },
    });
    m.ok({ type: 'round.speak', text: 'Hello.' }, m.as('Ben'));
    expect(names(m)).toEqual(['Cleo', 'Dan', 'Ana']);
    // Having had one's turn, one waits.
    expect(m.run({ type: 'round.speak', text: 'Again.' }, m.as('Ben'))).toMatchObject({
      ok: false,
      error: { message: 'You have had your turn in this round.' },
    });
  });

  it('[O1] a stale turn is refused: a pass sent after the turn moved on', () => {
    const m = startRound();
    m.ok({ type: 'round.order', order: [m.id('Ana'), m.id('Ben'), m.id('Cleo')] }, facilitator);
    m.ok({ type: 'round.speak', text: 'Hi.' }, m.as('Ana'));
    // Ana's phone still showed her turn: her pass comes too late.
    expect(m.refused({ type: 'round.pass' }, m.as('Ana'))).toBe('not_allowed');
  });

  it('[O1] an order names only people present, each once; only the facilitator sets it', () => {
    const m = startRound();
    const ana = m.id('Ana');
    expect(m.refused({ type: 'round.order', order: [ana, ana] }, facilitator)).toBe('not_allowed');
    expect(m.refused({ type: 'round.order', order: [ana, testId(77, 0xbeef)] }, facilitator)).toBe(
      'not_allowed',
    );
    expect(m.refused({ type: 'round.order', shuffle: true }, m.as('Ana'))).toBe('forbidden');
    // Validated at the edge: an order and a shuffle at once is not a command.
    expect(
      commandSchema.safeParse({ type: 'round.order', commandId: testId(5), order: [ana], shuffle: true })
        .success,
    ).toBe(false);
  });

  it('[O1] who joins after the order is set comes at the end; who leaves is skipped', () => {
    const m = startRound();
    m.ok({ type: 'round.order', order: [m.id('Cleo'), m.id('Ana'), m.id('Ben')] }, facilitator);
    m.join('Dan');
    m.record({ type: 'participant.left', participantId: m.id('Ana'), reason: 'left', by: m.id('Ana') });
    expect(names(m)).toEqual(['Cleo', 'Ben', 'Dan']);
  });

  it('[O1] a round without an order stays as it was: anyone speaks, nobody passes', () => {
    const m = startRound();
    m.ok({ type: 'round.speak', text: 'Fine.' }, m.as('Cleo'));
    expect(turns(m.view())).toBeUndefined();
    expect(m.refused({ type: 'round.pass' }, m.as('Ana'))).toBe('not_allowed');
  });
});

describe('O2 a person may pass; the round comes back once to those who passed', () => {
  it('[O2] pass, come back once, then the round is through and the facilitator closes it', () => {
    const m = startRound();
    m.ok({ type: 'round.order', order: [m.id('Ana'), m.id('Ben'), m.id('Cleo')] }, facilitator);
    const [passed] = m.ok({ type: 'round.pass' }, m.as('Ana'));
    expect(passed).toMatchObject({ type: 'round.passed', participantId: m.id('Ana'), by: m.id('Ana') });
    expect(turns(m.view())).toMatchObject({ now: { name: 'Ben' }, next: { name: 'Cleo' } });
    m.ok({ type: 'round.speak', text: 'Good.' }, m.as('Ben'));
    m.ok({ type: 'round.pass' }, m.as('Cleo'));
    // Everyone had a turn: back to who passed, in order.
    expect(turns(m.view())).toMatchObject({ now: { name: 'Ana' }, next: { name: 'Cleo' }, comingBack: true });
    m.ok({ type: 'round.speak', text: 'Now I can say it.' }, m.as('Ana'));
    m.ok({ type: 'round.pass' }, m.as('Cleo'));
    // Once only: Cleo passed twice and the round does not come back again.
    expect(turnsToCome(m.view())).toEqual([]);
    expect(turns(m.view())).toEqual({ comingBack: false });
    expect(m.refused({ type: 'round.pass' }, m.as('Cleo'))).toBe('not_allowed');
    expect(m.refused({ type: 'round.speak', text: 'Third time.' }, m.as('Cleo'))).toBe('not_allowed');
    m.ok({ type: 'round.close' }, facilitator);
    expect(m.view().stage).toBe('outcome');
    expect(m.view().passes).toEqual([m.id('Ana'), m.id('Cleo'), m.id('Cleo')]);
  });

  it('[O2] one passes only on one’s own turn, only as oneself', () => {
    const m = startRound();
    m.ok({ type: 'round.order', order: [m.id('Ana'), m.id('Ben'), m.id('Cleo')] }, facilitator);
    expect(m.run({ type: 'round.pass' }, m.as('Cleo'))).toMatchObject({
      ok: false,
      error: { message: 'It is Ana’s turn; yours comes after Ben.' },
    });
    expect(m.refused({ type: 'round.pass' }, facilitator)).toBe('forbidden');
  });
});
