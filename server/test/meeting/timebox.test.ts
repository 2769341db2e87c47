import { describe, expect, it } from 'vitest';
import { permissionError } from '../../src/access/permissions';
import { facilitator, replayed } from '../support/testHarness';
import { startMeeting } from '../support/testMeeting';

describe('[T1] timeboxes are recorded deadlines', () => {
  it('[T1] set records an absolute deadline from the server clock, in the view', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    const at = m.now();
    const [event] = m.ok({ type: 'timebox.set', stage: 'clarifying', seconds: 300 }, facilitator);
    expect(event).toMatchObject({
      type: 'timebox.set',
      stage: 'clarifying',
      deadline: at + 300_000,
      reason: 'set',
    });
    expect(m.live.view.timebox).toEqual({
      itemId: m.live.view.currentItemId,
      stage: 'clarifying',
      deadline: at + 300_000,
      setAt: at,
    });
  });

  it('[T1] extend moves the deadline on from the old one; clear removes it', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    const at = m.now();
    m.ok({ type: 'timebox.set', stage: 'clarifying', seconds: 300 }, facilitator);
    m.ok({ type: 'timebox.extend', stage: 'clarifying', seconds: 120 }, facilitator);
    expect(m.live.view.timebox?.deadline).toBe(at + 420_000);
    m.ok({ type: 'timebox.clear', stage: 'clarifying' }, facilitator);
    expect(m.live.view.timebox).toBeUndefined();
  });

  it('[T1] a timebox that has run out is extended from now', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'timebox.set', stage: 'clarifying', seconds: 60 }, facilitator);
    m.tick(10 * 60_000);
    const now = m.now();
    m.ok({ type: 'timebox.extend', stage: 'clarifying', seconds: 120 }, facilitator);
    expect(m.live.view.timebox?.deadline).toBe(now + 120_000);
  });

  it('[T1] a stage change ends the timebox, forward and back', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'timebox.set', stage: 'clarifying', seconds: 300 }, facilitator);
    m.ok({ type: 'stage.advance', from: 'clarifying' }, facilitator);
    expect(m.live.view.timebox).toBeUndefined();
    m.ok({ type: 'timebox.set', stage: 'reactions', seconds: 300 }, facilitator);
    m.ok({ type: 'stage.back', from: 'reactions' }, facilitator);
    expect(m.live.view.timebox).toBeUndefined();
  });

  it('[T1] an event of the same stage keeps the timebox', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    m.ok({ type: 'timebox.set', stage: 'clarifying', seconds: 300 }, facilitator);
    m.ok({ type: 'question.ask', text: 'Where?' }, m.as('Ana'));
    expect(m.live.view.timebox?.stage).toBe('clarifying');
  });

  it('[T1] an item change ends the timebox', () => {
    const m = startMeeting();
    m.ok({ type: 'timebox.set', stage: 'proposal', seconds: 60 }, facilitator);
    const [added] = m.ok({ type: 'agenda.add', kind: 'round', title: 'Check-in' }, facilitator);
    expect(m.live.view.timebox).toBeDefined();
    const itemId = (added as { itemId: string }).itemId;
    m.ok({ type: 'agenda.open', itemId }, facilitator);
    expect(m.live.view.timebox).toBeUndefined();
    // A round's open stage takes a timebox too.
    m.ok({ type: 'timebox.set', stage: 'open', seconds: 60 }, facilitator);
    expect(m.live.view.timebox).toMatchObject({ itemId, stage: 'open' });
  });

  it('[T1] a command naming a stage that is not current is refused as stale; the log is unchanged', () => {
    const m = startMeeting();
    m.advanceTo('clarifying');
    expect(m.refused({ type: 'timebox.set', stage: 'proposal', seconds: 60 }, facilitator)).toBe(
      'stale_stage',
    );
    m.ok({ type: 'timebox.set', stage: 'clarifying', seconds: 60 }, facilitator);
    const log = [...m.log];
    expect(m.refused({ type: 'timebox.extend', stage: 'reactions', seconds: 60 }, facilitator)).toBe(
      'stale_stage',
    );
    expect(m.refused({ type: 'timebox.clear', stage: 'proposal' }, facilitator)).toBe('stale_stage');
    expect(m.log).toEqual(log);
    expect(m.live.view.timebox?.stage).toBe('clarifying');
  });

  it('[T1] extend or clear without a timebox is refused; the log is unchanged', () => {
    const m = startMeeting();
    const log = [...m.log];
    expect(m.refused({ type: 'timebox.extend', stage: 'proposal', seconds: 60 }, facilitator)).toBe(
      'not_found',
    );
    expect(m.refused({ type: 'timebox.clear', stage: 'proposal' }, facilitator)).toBe('not_found');
    expect(m.log).toEqual(log);
  });

  it('[T1] a duration outside 10 s .. 4 h is refused by the schema', () => {
    const m = startMeeting();
    expect(() => m.run({ type: 'timebox.set', stage: 'proposal', seconds: 5 }, facilitator)).toThrow(
      /at least 10/,
    );
    expect(() =>
      m.run({ type: 'timebox.set', stage: 'proposal', seconds: 4 * 3600 + 1 }, facilitator),
    ).toThrow(/at most 4 hours/);
  });

  it('[T1] only the facilitator sets, extends or clears a timebox', () => {
    for (const type of ['timebox.set', 'timebox.extend', 'timebox.clear'] as const) {
      expect(permissionError(type, 'participant')).toBe('facilitator_only');
      expect(permissionError(type, 'facilitator')).toBeNull();
    }
  });

  it('[T1] a replay of the log keeps the deadline (A7)', () => {
    const m = startMeeting();
    m.advanceTo('reactions');
    m.ok({ type: 'timebox.set', stage: 'reactions', seconds: 600 }, facilitator);
    expect(replayed(m.log).view.timebox).toEqual(m.live.view.timebox);
  });
});
