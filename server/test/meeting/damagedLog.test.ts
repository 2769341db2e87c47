/**
 * A11: a log that cannot be replayed because a row is damaged (not an event by the shared schema,
 * a gap in its seqs, a body the store cannot read) quarantines its meeting at that seq, exactly as
 * an event the rules refuse does; the view is the replay of what came before.
 */
import { eventProblem } from '@circlewise/shared/eventSchema';
import type { MeetingEvent } from '@circlewise/shared/events';
import { reduceMeetingLog } from '@circlewise/shared/meeting';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveMeeting } from '../../src/meeting/liveMeeting';
import { actionArb, randomMeeting } from '../support/randomMeeting';
import { startElection } from '../support/testElection';
import { facilitator } from '../support/testHarness';

function aMeeting(): MeetingEvent[] {
  const m = randomMeeting([{ kind: 'advance' }, { kind: 'ask', who: 0 }, { kind: 'advance' }]);
  return m.log;
}

describe('[A11] damaged rows', () => {
  it('[A11] every event a meeting records passes the shared event schema', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        for (const e of randomMeeting(actions).log) expect(eventProblem(e)).toBeNull();
      }),
      { numRuns: 40 },
    );
    const election = startElection();
    election.ok(
      {
        type: 'role.set',
        role: 'Host',
        description: 'Hosts.',
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
      },
      facilitator,
    );
    for (const e of election.log) expect(eventProblem(e)).toBeNull();
  });

  it('[A11] a row that is not an event quarantines the meeting at its seq; the view is the replay before it', () => {
    const log = aMeeting();
    const bad = log.length + 1;
    const damaged = [
      ...log,
      { type: 'question.asked', seq: bad, at: 1, by: 'x', commandId: 'c' } as MeetingEvent,
    ];
    const live = new LiveMeeting('m', 'ABC', [...damaged, { ...log[1]!, seq: bad + 1 }]);
    expect(live.quarantine?.seq).toBe(bad);
    expect(live.quarantine?.reason).toContain('question.asked');
    expect(live.view).toEqual(reduceMeetingLog(log));
    expect(
      live.decide({ type: 'meeting.close', commandId: 'c2' }, facilitator, { now: 0, newId: () => 'n' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    // A type nobody knows is damage too.
    const unknown = new LiveMeeting('m', 'ABC', [
      ...log,
      { ...log[1]!, type: 'made.up', seq: bad } as unknown as MeetingEvent,
    ]);
    expect(unknown.quarantine).toMatchObject({ seq: bad, reason: expect.stringContaining('made.up') });
  });

  it('[A11] a gap in the seqs quarantines the meeting at the missing seq', () => {
    const log = aMeeting();
    const [first, ...rest] = log;
    const gapAt = 3;
    const withGap = [first!, ...rest.filter((e) => e.seq !== gapAt)];
    const live = new LiveMeeting('m', 'ABC', withGap);
    expect(live.quarantine).toMatchObject({ seq: gapAt, reason: expect.stringContaining('gap') });
    expect(live.view).toEqual(reduceMeetingLog(log.slice(0, gapAt - 1)));
  });

  it('[A11] a row the store could not read ends the replay: quarantined at its seq, with what was read before', () => {
    const log = aMeeting();
    const live = new LiveMeeting('m', 'ABC', log, { seq: log.length + 1, reason: 'its body is not JSON' });
    expect(live.quarantine).toEqual({ seq: log.length + 1, reason: 'its body is not JSON' });
    expect(live.view).toEqual(reduceMeetingLog(log));
    // A log without damage is not quarantined.
    expect(new LiveMeeting('m', 'ABC', log).quarantine).toBeUndefined();
  });
});
