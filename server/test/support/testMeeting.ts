/**
 * Test helper: a consent decision on the shared harness (testHarness.ts), opened with three
 * participants and a proposal written. Not used by the server itself.
 */
import type { ConsentStage } from '@circlewise/shared/constants';
import type { DecisionView } from '@circlewise/shared/decision';
import { FACILITATOR } from '@circlewise/shared/events';
import { facilitator, type Harness, MEETING_ID, participant, startHarness, T0, testId } from './testHarness';

export { facilitator, MEETING_ID, participant, T0, testId };

export interface TestMeeting extends Harness<DecisionView> {
  /** Advance one stage at a time until `stage`, failing on any refusal. */
  advanceTo(stage: ConsentStage): void;
}

export function startMeeting(names: string[] = ['Ana', 'Ben', 'Cleo'], opts: { present?: boolean } = {}) {
  // Permissions are the transports' (tested in test/integration); these tests reach DECIDE directly.
  const harness = startHarness<DecisionView>({ checkPermissions: false });
  const m: TestMeeting = {
    ...harness,
    advanceTo(stage) {
      while (m.view().stage !== stage) {
        const from = m.view().stage;
        if (from === 'outcome') throw new Error('meeting is finished');
        m.ok({ type: 'stage.advance', from }, facilitator);
      }
    },
  };

  m.record({
    type: 'meeting.created',
    meetingId: MEETING_ID,
    code: 'ABC123',
    title: 'Lunch',
    by: FACILITATOR,
  });
  if (opts.present !== false) for (const name of names) m.join(name);
  m.ok(
    { type: 'proposal.edit', title: 'Lunch', driver: 'We skip lunch.', text: 'A shared lunch at noon.' },
    facilitator,
  );
  return m;
}

/** The facilitator's view of who said what is complete; these read it conveniently. */
export function objectionOf(view: DecisionView, participantId: string) {
  return view.objections.find((o) => o.participantId === participantId);
}
