/**
 * The speaking queue (PROCESS.md O3): hands raised from the phone during clarifying questions
 * and the objections stage, lowered, and called by the facilitator.
 */
import { handQueue, placeInQueue } from '@circlewise/shared/decision';
import { FACILITATOR } from '@circlewise/shared/events';
import { describe, expect, it } from 'vitest';
import { facilitator, startMeeting } from '../support/testMeeting';

describe('O3 a speaking queue: raise a hand, lower it, the facilitator calls the next', () => {
  it('[O3] hands join the queue in the order raised; a call records who and when, and takes them out', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    const [raised] = m.ok({ type: 'hand.raise' }, m.as('Ben'));
    expect(raised).toMatchObject({ type: 'hand.raised', participantId: m.id('Ben'), stage: 'clarifying' });
    m.tick(5_000);
    m.ok({ type: 'hand.raise' }, m.as('Ana'));
    expect(handQueue(m.view()).map((h) => h.participantId)).toEqual([m.id('Ben'), m.id('Ana')]);
    expect(placeInQueue(m.view(), m.id('Ana'))).toBe(2);

    const [called] = m.ok({ type: 'hand.call', participantId: m.id('Ben') }, facilitator);
    expect(called).toMatchObject({ type: 'hand.called', participantId: m.id('Ben'), by: FACILITATOR });
    expect(m.view().spoke).toEqual([{ participantId: m.id('Ben'), at: called!.at, stage: 'clarifying' }]);
    expect(handQueue(m.view()).map((h) => h.participantId)).toEqual([m.id('Ana')]);
    expect(placeInQueue(m.view(), m.id('Ana'))).toBe(1);
  });

  it('[O3] a lowered hand leaves the queue; lowering a hand that is not up is refused', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'hand.raise' }, m.as('Ana'));
    m.ok({ type: 'hand.raise' }, m.as('Cleo'));
    m.ok({ type: 'hand.lower' }, m.as('Ana'));
    expect(handQueue(m.view()).map((h) => h.participantId)).toEqual([m.id('Cleo')]);
    const seq = m.live.view.seq;
    expect(m.run({ type: 'hand.lower' }, m.as('Ana'))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: 'Your hand is not up: there is nothing to lower.' },
    });
    expect(m.live.view.seq).toBe(seq);
  });

  it('[O3] raising twice is refused with one’s place in the queue; the log is unchanged', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'hand.raise' }, m.as('Cleo'));
    m.ok({ type: 'hand.raise' }, m.as('Ana'));
    const seq = m.live.view.seq;
    expect(m.run({ type: 'hand.raise' }, m.as('Ana'))).toEqual({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Your hand is already up: you are number 2 of 2 in the queue.',
        reason: 'hand_already_up',
        params: { place: 2, total: 2 },
      },
    });
    expect(m.live.view.seq).toBe(seq);
  });

  it('[O3] the queue is for clarifying questions and objections: elsewhere wrong_stage', () => {
    const m = startMeeting();
    expect(m.refused({ type: 'hand.raise' }, m.as('Ana'))).toBe('wrong_stage');
    m.advanceTo('reactions');
    expect(m.refused({ type: 'hand.raise' }, m.as('Ana'))).toBe('wrong_stage');
    expect(m.refused({ type: 'hand.lower' }, m.as('Ana'))).toBe('wrong_stage');
    expect(m.refused({ type: 'hand.call', participantId: m.id('Ana') }, facilitator)).toBe('wrong_stage');
    m.advanceTo('objections');
    const [raised] = m.ok({ type: 'hand.raise' }, m.as('Ana'));
    expect(raised).toMatchObject({ stage: 'objections' });
  });

  it('[O3] a new stage starts with every hand down', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'hand.raise' }, m.as('Ana'));
    m.advanceTo('reactions');
    expect(handQueue(m.view())).toEqual([]);
  });

  it('[O3] the facilitator calls only someone whose hand is up', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'hand.raise' }, m.as('Ana'));
    m.ok({ type: 'hand.call', participantId: m.id('Ana') }, facilitator);
    // A second click on a stale "Call next": Ana was already called.
    expect(m.run({ type: 'hand.call', participantId: m.id('Ana') }, facilitator)).toMatchObject({
      ok: false,
      error: {
        code: 'not_found',
        message: 'Ana is not in the queue (any more): call someone whose hand is up.',
      },
    });
  });

  it('[O3] leaving the meeting lowers one’s hand', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'hand.raise' }, m.as('Ana'));
    m.ok({ type: 'hand.raise' }, m.as('Ben'));
    m.ok({ type: 'participant.leave' }, m.as('Ana'));
    expect(handQueue(m.view()).map((h) => h.participantId)).toEqual([m.id('Ben')]);
    // Gone, they cannot raise it again until they rejoin.
    expect(m.refused({ type: 'hand.raise' }, m.as('Ana'))).toBe('forbidden');
  });

  it('[O3] a decision without hands raised keeps its view as before (no queue fields)', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    expect(m.view()).not.toHaveProperty('queue');
    expect(m.view()).not.toHaveProperty('spoke');
  });
});

describe('O1–O3 commands sent to the wrong kind of item', () => {
  it('[O3] round turns in a decision, and hands in a round, are refused as wrong_stage', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    expect(m.run({ type: 'round.pass' }, m.as('Ana'))).toMatchObject({
      ok: false,
      error: {
        code: 'wrong_stage',
        message:
          "Turns and passing belong to a round, or to a decision's reactions round; the meeting is in Clarifying questions.",
      },
    });
    expect(m.refused({ type: 'round.order', shuffle: true }, facilitator)).toBe('wrong_stage');
    const [added] = m.ok({ type: 'agenda.add', kind: 'round', title: 'Check-in' }, facilitator);
    if (added?.type !== 'agenda.item.added') throw new Error('no round added');
    m.ok({ type: 'agenda.open', itemId: added.itemId }, facilitator);
    expect(m.refused({ type: 'hand.raise' }, m.as('Ana'))).toBe('wrong_stage');
  });
});
