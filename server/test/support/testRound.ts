/**
 * Test helper: a round (M3) on a meeting's agenda, opened, as a facilitator makes one: the
 * meeting is created with its first item, people join, the round is added in front and opened.
 * Builds on the shared harness (testHarness.ts).
 */
import { FACILITATOR } from '@circlewise/shared/events';
import type { RoundView } from '@circlewise/shared/round';
import { facilitator, type Harness, MEETING_ID, startHarness } from './testHarness';

export type TestRound = Harness<RoundView>;

export function startRound(names: string[] = ['Ana', 'Ben', 'Cleo'], checkPermissions = true): TestRound {
  const m = startHarness<RoundView>({ checkPermissions });
  m.record({
    type: 'meeting.created',
    meetingId: MEETING_ID,
    code: 'ABC234',
    title: 'Budget',
    by: FACILITATOR,
  });
  for (const name of names) m.join(name);
  const [added] = m.ok({ type: 'agenda.add', kind: 'round', title: 'Check-in', index: 0 }, facilitator);
  if (added?.type !== 'agenda.item.added') throw new Error('no round added');
  m.ok({ type: 'agenda.open', itemId: added.itemId }, facilitator);
  return m;
}
