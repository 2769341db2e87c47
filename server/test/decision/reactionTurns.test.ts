/**
 * Reactions in turn (PROCESS.md O1, O2): in a consent decision's reactions stage the facilitator
 * may set an order (`round.order`, as in a round); then reactions go around in it, sealed as
 * before, and someone who passes is come back to once.
 */
import { reactionTurns } from '@circlewise/shared/reactionTurns';
import { describe, expect, it } from 'vitest';
import { facilitator, startMeeting } from '../support/testMeeting';

const react = (text: string) => ({ type: 'reaction.give' as const, text });

describe('O1, O2 reactions in turn', () => {
  it('[O1] the facilitator sets the order in the reactions stage: round.ordered records it on the decision', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    const order = [m.id('Ben'), m.id('Cleo'), m.id('Ana')];
    const [ordered] = m.ok({ type: 'round.order', order }, facilitator);
    expect(ordered).toMatchObject({ type: 'round.ordered', order, shuffled: false });
    expect(m.view().reactionOrder).toEqual(order);
    expect(reactionTurns(m.view())).toMatchObject({ now: { name: 'Ben' }, next: { name: 'Cleo' } });
    const [shuffled] = m.ok({ type: 'round.order', shuffle: true }, facilitator);
    expect(shuffled).toMatchObject({ type: 'round.ordered', shuffled: true });
    if (shuffled?.type !== 'round.ordered') throw new Error('no order');
    expect([...shuffled.order].sort()).toEqual([...order].sort());
  });

  it('[O1] a reaction out of turn is refused with whose turn it is, and the log is unchanged', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    m.ok({ type: 'round.order', order: [m.id('Ben'), m.id('Cleo'), m.id('Ana')] }, facilitator);
    const before = m.log.length;
    expect(m.run(react('Fine by me'), m.as('Ana'))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'It is Ben’s turn; yours comes after Cleo.' },
    });
    expect(m.refused({ type: 'round.pass' }, m.as('Cleo'))).toBe('not_allowed');
    expect(m.log.length).toBe(before);

    const [given] = m.ok(react('Good idea'), m.as('Ben'));
    // Sealed as before (C10): the order governs only who reacts when.
    expect(given).toMatchObject({ type: 'reaction.given', sealed: true });
    expect(m.view().reactionsRevealed).toBe(false);
    expect(reactionTurns(m.view())).toMatchObject({ now: { name: 'Cleo' }, next: { name: 'Ana' } });
    expect(m.run(react('Again'), m.as('Ben'))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'You have had your turn in this round.' },
    });
  });

  it('[O2] a pass in the reactions round comes back once; a second pass ends the turn', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    m.ok({ type: 'round.order', order: [m.id('Ana'), m.id('Ben'), m.id('Cleo')] }, facilitator);
    const [passed] = m.ok({ type: 'round.pass' }, m.as('Ana'));
    expect(passed).toMatchObject({ type: 'round.passed', participantId: m.id('Ana') });
    m.ok(react('Yes'), m.as('Ben'));
    m.ok({ type: 'round.pass' }, m.as('Cleo'));
    expect(reactionTurns(m.view())).toMatchObject({
      now: { name: 'Ana' },
      next: { name: 'Cleo' },
      comingBack: true,
    });
    m.ok({ type: 'round.pass' }, m.as('Ana'));
    m.ok(react('Now I see it'), m.as('Cleo'));
    expect(reactionTurns(m.view())).toEqual({ comingBack: false });
    expect(m.refused(react('Late'), m.as('Ana'))).toBe('not_allowed');
    expect(m.view().reactionPasses).toEqual([m.id('Ana'), m.id('Cleo'), m.id('Ana')]);
  });

  it('[O1] without an order reactions work as before; a pass and an order outside the reactions stage are refused', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    m.ok(react('One'), m.as('Cleo'));
    m.ok(react('Two'), m.as('Ana'));
    m.ok(react('Two, better'), m.as('Ana'));
    expect(m.view()).not.toHaveProperty('reactionOrder');
    expect(reactionTurns(m.view())).toBeUndefined();
    expect(m.refused({ type: 'round.pass' }, m.as('Ben'))).toBe('not_allowed');
    expect(m.refused({ type: 'round.order', order: [m.id('Ana'), m.id('Ana')] }, facilitator)).toBe(
      'not_allowed',
    );
    m.advanceTo('objections');
    expect(m.refused({ type: 'round.order', shuffle: true }, facilitator)).toBe('wrong_stage');
  });
});
