/**
 * Properties over random meetings (seeded, so a failure replays): replay gives the same meeting
 * (A8, A5), the machine's state always agrees with the view's stage, and what each participant
 * receives equals what they may see (A6, C10), with no sealed content of anyone else in it.
 */

import { type DecisionView, emptyDecisionView, openObjections } from '@circlewise/shared/decision';
import { reduceDecision, reduceDecisionLog } from '@circlewise/shared/decisionReducer';
import type { MeetingEvent } from '@circlewise/shared/events';
import {
  currentItem,
  emptyMeetingView,
  type MeetingView,
  reduceMeeting,
  reduceMeetingLog,
  seated,
} from '@circlewise/shared/meeting';
import { eventFor, type Viewer, viewFor } from '@circlewise/shared/visibility';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionArb, NAMES, randomMeeting } from '../support/randomMeeting';
import { itemState, machineAgrees, replayed } from '../support/testHarness';

// Fixed seed: change it to explore, and keep any seed that once failed as a named case below.
const SEED = 20250115;
const RUNS = 150;
const actions = fc.array(actionArb, { minLength: 10, maxLength: 80 });

/** The machine state that must go with a view's stage (and outcome). */
export function expectedValue(view: DecisionView) {
  return view.stage === 'outcome' ? view.outcome?.outcome : { open: view.stage };
}

function checkStateMatchesView(meeting: MeetingView) {
  const view = currentItem(meeting) as DecisionView;
  const state = itemState(meeting);
  expect(state.value).toEqual(expectedValue(view));
  expect(state.status).toBe(view.stage === 'outcome' ? 'done' : 'active');
}

describe('A8 / A5 replay', () => {
  it('[A8][A11] replaying the log into a fresh meeting admits every event and gives the same view and state', () => {
    fc.assert(
      fc.property(actions, (as) => {
        const m = randomMeeting(as);
        const replay = replayed(m.log);
        expect(replay.view).toEqual(m.live.view);
        expect(itemState(replay.view).value).toEqual(m.state().value);
        // A5: the item's view is the reducer over the log, kept once, in the meeting's view.
        expect(m.item()).toEqual(currentItem(reduceMeetingLog(m.log)));
        expect(m.live.view.seq).toBe(m.log.length);
        expect(m.log.map((e) => e.seq)).toEqual(m.log.map((_, i) => i + 1));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('[A5] at every step the machine state corresponds to view.stage', () => {
    fc.assert(
      fc.property(actions, (as) => {
        const m = randomMeeting(as);
        let meeting = emptyMeetingView();
        for (const e of m.log) {
          const before = meeting;
          meeting = reduceMeeting(meeting, e);
          machineAgrees(before, e, meeting);
          checkStateMatchesView(meeting);
          const view = seated(meeting, currentItem(meeting) as DecisionView);
          // C6 holds wherever the meeting is in consent.
          if (view.stage === 'consent') expect(openObjections(view)).toEqual([]);
          // C5: both rounds are always on the current version.
          const current = view.versions.at(-1)!.version;
          expect([view.objectionRound.version, view.consentRound.version]).toEqual([current, current]);
        }
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});

describe('A6 per-recipient visibility', () => {
  const viewers: Viewer[] = [{ role: 'facilitator' }];

  it('[A6][C10] each viewer’s redacted stream reduces to viewFor of the full view, and leaks nothing', () => {
    let sealedSeen = 0;
    fc.assert(
      fc.property(actions, (as) => {
        const m = randomMeeting(as);
        const people: Viewer[] = [
          ...viewers,
          ...NAMES.map((n) => ({ role: 'participant' as const, participantId: m.ids[n]! })),
        ];
        for (const viewer of people) {
          // Step by step, so every intermediate snapshot a joiner could get is checked too.
          let full = emptyDecisionView();
          let mine = emptyDecisionView();
          for (const e of m.log) {
            const sent = eventFor(e, viewer);
            full = reduceDecision(full, e);
            mine = reduceDecision(mine, sent);
            expect(mine).toEqual(viewFor(full, viewer));
            if (viewer.role === 'participant') expectNoLeak(e, sent, viewer.participantId);
            if ((e.type === 'reaction.given' || e.type === 'response.given') && e.sealed) sealedSeen++;
          }
          expect(reduceDecisionLog(m.log.map((e) => eventFor(e, viewer)))).toEqual(
            viewFor(reduceDecisionLog(m.log), viewer),
          );
        }
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
    // The generator must actually exercise sealing, or the property says nothing.
    expect(sealedSeen).toBeGreaterThan(100);
  });
});

function expectNoLeak(original: MeetingEvent, sent: MeetingEvent, me: string) {
  if (original.type !== 'reaction.given' && original.type !== 'response.given') return;
  if (!original.sealed || original.participantId === me) return;
  for (const key of ['text', 'gesture', 'kind', 'reason']) expect(sent).not.toHaveProperty(key);
  expect(JSON.stringify(sent)).not.toContain('secret:');
}
