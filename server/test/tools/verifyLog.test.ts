/**
 * `npm run verify` judges a row by the one event schema (shared/src/eventSchema.ts): a row that is
 * JSON with a sound envelope but a body the schema refuses is reported at that row, before any
 * replay, with the field that is wrong.
 */
import type { MeetingEvent } from '@circlewise/shared/events';
import { describe, expect, it } from 'vitest';
import { checkLog } from '../../src/tools/verifyLog';
import { randomMeeting } from '../support/randomMeeting';

const rows = (log: readonly MeetingEvent[]) =>
  log.map((e) => ({ seq: e.seq, type: e.type, body: JSON.stringify(e) }));

describe('verify (checkLog)', () => {
  const log = randomMeeting([{ kind: 'advance' }, { kind: 'ask', who: 0 }, { kind: 'advance' }]).log;

  it('[A11] passes a sound log', () => {
    expect(checkLog('m1', 'ABC234', rows(log))).toBeUndefined();
  });

  it('[A11] reports a row whose envelope is sound but whose body is not an event, by the shared event schema', () => {
    const bad = rows(log);
    const at = log.findIndex((e) => e.type === 'participant.joined');
    expect(at).toBeGreaterThan(0);
    const { participantId: _dropped, ...body } = log[at] as MeetingEvent & { participantId: string };
    bad[at] = { ...(bad[at] as (typeof bad)[number]), body: JSON.stringify(body) };
    expect(checkLog('m1', 'ABC234', bad)).toEqual({
      seq: at + 1,
      reason: expect.stringMatching(/^not an event: participant\.joined: participantId/),
    });
  });
});
