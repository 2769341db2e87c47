/**
 * A live meeting with an agenda (M1): the agenda's rules, each item's machine started from the
 * same seed the shared reducer uses, and the view always equal to the reducer over the log (A5).
 */

import type { MeetingEvent } from '@circlewise/shared/events';
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/decision/decideEngine';
import { type InternalCommand, LiveMeeting } from '../../src/meeting/liveMeeting';
import { facilitator, MEETING_ID, participant, T0, testId } from '../support/testHarness';

function meeting() {
  const log: MeetingEvent[] = [
    {
      type: 'meeting.created',
      meetingId: MEETING_ID,
      code: 'ABC123',
      title: 'Budget',
      kind: 'decision',
      by: 'facilitator',
      seq: 1,
      at: T0,
      commandId: testId(1, 1),
    },
    {
      type: 'participant.joined',
      participantId: testId(1),
      name: 'Ada',
      by: testId(1),
      seq: 2,
      at: T0 + 1,
      commandId: testId(2, 1),
    },
  ];
  const live = new LiveMeeting(MEETING_ID, 'ABC123', log);
  let n = 10;
  const run = (command: Omit<InternalCommand, 'commandId'>, caller: Caller = facilitator) => {
    const decision = live.decide({ ...command, commandId: testId(n++, 2) } as InternalCommand, caller, {
      now: T0 + n * 1000,
      newId: () => testId(n++, 3),
    });
    if (decision.ok) {
      log.push(...decision.events);
      live.apply(decision.events);
    }
    return decision;
  };
  return { live, log, run };
}

describe('LiveMeeting with an agenda', () => {
  it('[M1][A5] a review item starts pre-filled, and its machine agrees: it can be presented at once', () => {
    const { live, log, run } = meeting();
    const added = run({
      type: 'agenda.add',
      kind: 'decision',
      title: 'Review: hours',
      proposal: { title: 'Hours', driver: 'Late starts.', text: 'We start at 9.' },
      reviewOf: testId(99),
    } as Omit<InternalCommand, 'commandId'>);
    expect(added.ok).toBe(true);
    const itemId = live.view.items[1]?.id ?? '';
    expect(run({ type: 'agenda.open', itemId } as Omit<InternalCommand, 'commandId'>).ok).toBe(true);
    // The seed put the proposal in the machine's view too: presenting it needs its text (C1).
    expect(run({ type: 'stage.advance', from: 'proposal' } as Omit<InternalCommand, 'commandId'>).ok).toBe(
      true,
    );
    const item = live.view.views[itemId];
    expect(item?.kind === 'decision' && item.versions[0]?.text).toBe('We start at 9.');
    expect(item?.kind === 'decision' && item.reviewOf).toBe(testId(99));
    // Who is present is the meeting's, kept once: the item holds no copy (M2, A5).
    expect(item).not.toHaveProperty('participants');
    expect(live.view.participants[testId(1)]?.present).toBe(true);
    expect(live.view).toEqual(reduceMeetingLog(log));
  });

  it('[M1] seqs continue the meeting’s log whichever item records, with no gap', () => {
    const { live, log, run } = meeting();
    run({ type: 'agenda.add', kind: 'round', title: 'Check-in', index: 0 } as Omit<
      InternalCommand,
      'commandId'
    >);
    const round = live.view.items[0]?.id ?? '';
    run({ type: 'agenda.open', itemId: round } as Omit<InternalCommand, 'commandId'>);
    expect(run({ type: 'round.speak', text: 'Hello' } as never, participant(testId(1))).ok).toBe(true);
    run({ type: 'agenda.open', itemId: MEETING_ID } as Omit<InternalCommand, 'commandId'>);
    expect(
      run({ type: 'proposal.edit', title: 'B', driver: 'D', text: 'T' } as Omit<InternalCommand, 'commandId'>)
        .ok,
    ).toBe(true);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(live.view).toEqual(reduceMeetingLog(log));
  });

  it('[M3] a closed meeting refuses every command with a reason', () => {
    const { run } = meeting();
    expect(run({ type: 'meeting.close' } as Omit<InternalCommand, 'commandId'>).ok).toBe(true);
    const refused = run({ type: 'proposal.edit', title: 'B', driver: 'D', text: 'T' } as never);
    expect(refused.ok === false && refused.error.code).toBe('meeting_closed');
    const again = run({ type: 'agenda.add', kind: 'decision', title: 'More' } as never);
    expect(again.ok === false && again.error.code).toBe('meeting_closed');
  });
});
