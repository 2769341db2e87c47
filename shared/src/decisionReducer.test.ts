/**
 * The one reducer (A5): pure, immutable, and identity-preserving for what an event does not touch
 * (React and Zustand compare by reference), with view.seq always the last applied event's seq.
 */
import { describe, expect, it } from 'vitest';
import { type DecisionView, emptyDecisionView } from './decision';
import { reduceDecision, reduceDecisionLog } from './decisionReducer';
import { FACILITATOR, type MeetingEvent, type NewEvent } from './events';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const R1 = '00000000-0000-4000-8000-0000000000a1';

/** Stamps bodies with consecutive seqs, a second apart. */
function log(...bodies: NewEvent[]): MeetingEvent[] {
  return bodies.map(
    (b, i) => ({ ...b, seq: i + 1, at: 1_000 * (i + 1), commandId: `c${i + 1}` }) as MeetingEvent,
  );
}

const base: NewEvent[] = [
  { type: 'meeting.created', meetingId: 'm1', code: 'ABC', title: 'Lunch', by: FACILITATOR },
  { type: 'participant.joined', participantId: A, name: 'Ana', by: A },
  { type: 'participant.joined', participantId: B, name: 'Ben', by: B },
  { type: 'proposal.edited', title: 'Lunch', driver: 'D', text: 'T', by: FACILITATOR },
  { type: 'stage.changed', from: 'proposal', to: 'clarifying', reason: 'advance', by: FACILITATOR },
  { type: 'stage.changed', from: 'clarifying', to: 'reactions', reason: 'advance', by: FACILITATOR },
  { type: 'reaction.given', participantId: A, version: 1, sealed: true, text: 'Nice', by: A },
  { type: 'stage.changed', from: 'reactions', to: 'objections', reason: 'advance', by: FACILITATOR },
];

function next(view: DecisionView, body: NewEvent): MeetingEvent {
  return {
    ...body,
    seq: view.seq + 1,
    at: 100_000 + view.seq,
    commandId: `n${view.seq + 1}`,
  } as MeetingEvent;
}

/** Deep-freezes a value so any mutation by the reducer throws. */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

describe('reducer', () => {
  it('[A5] seq advances to each applied event', () => {
    const events = log(...base);
    let view = emptyDecisionView();
    for (const e of events) {
      view = reduceDecision(view, e);
      expect(view.seq).toBe(e.seq);
    }
  });

  it('[A5] seq advances even for an event that changes nothing else (no false gap on the client)', () => {
    const view = reduceDecisionLog(log(...base));
    const noop = next(view, {
      type: 'participant.left',
      participantId: 'nobody',
      reason: 'left',
      by: FACILITATOR,
    });
    const after = reduceDecision(view, noop);
    expect(after.seq).toBe(noop.seq);
    expect({ ...after, seq: view.seq }).toEqual(view);
    expect(after.versions).toBe(view.versions);
  });

  it('[A5] inputs are not mutated (frozen view and event)', () => {
    const view = freeze(reduceDecisionLog(log(...base)));
    const bodies: NewEvent[] = [
      {
        type: 'response.given',
        responseId: R1,
        participantId: A,
        stage: 'objections',
        version: 1,
        sealed: true,
        kind: 'objection',
        reason: 'Harm',
        by: A,
      },
      {
        type: 'responses.revealed',
        stage: 'objections',
        reactions: [],
        responses: [{ responseId: R1, participantId: A, kind: 'objection', reason: 'Harm' }],
        by: FACILITATOR,
      },
      { type: 'objection.tested', objectionId: R1, verdict: 'concern', by: FACILITATOR },
      { type: 'proposal.amended', version: 2, driver: 'D', text: 'T2', resolves: [], by: FACILITATOR },
      {
        type: 'responses.revealed',
        stage: 'reactions',
        reactions: [{ participantId: A, text: 'Nice' }],
        responses: [],
        by: FACILITATOR,
      },
      { type: 'participant.left', participantId: B, reason: 'left', by: B },
      { type: 'outcome.recorded', outcome: 'deferred', version: 2, by: FACILITATOR },
    ];
    let v = view;
    for (const body of bodies) {
      const e = freeze(next(v, body));
      const copy = JSON.parse(JSON.stringify(e));
      v = freeze(reduceDecision(v, e));
      expect(e).toEqual(copy);
    }
    expect(v.stage).toBe('outcome');
  });

  it('[A5] unchanged parts keep their identity', () => {
    const view = reduceDecisionLog(log(...base));
    // Who joins is the meeting's (M2; meeting.test.ts): the decision only moves its seq.
    const joined = reduceDecision(
      view,
      next(view, { type: 'participant.joined', participantId: 'c', name: 'Cy', by: 'c' }),
    );
    expect(joined).not.toBe(view);
    expect(joined).not.toHaveProperty('participants');
    for (const key of [
      'versions',
      'questions',
      'reactions',
      'objectionRound',
      'consentRound',
      'objections',
    ] as const) {
      expect(joined[key], key).toBe(view[key]);
    }

    const responded = reduceDecision(
      view,
      next(view, {
        type: 'response.given',
        responseId: R1,
        participantId: B,
        stage: 'consent',
        version: 1,
        sealed: false,
        kind: 'consent',
        by: B,
      }),
    );
    expect(responded.consentRound).not.toBe(view.consentRound);
    expect(responded.objectionRound).toBe(view.objectionRound);
    expect(responded.versions).toBe(view.versions);
    expect(responded.reactions).toBe(view.reactions);

    const moved = reduceDecision(
      view,
      next(view, {
        type: 'stage.changed',
        from: 'objections',
        to: 'reactions',
        reason: 'back',
        by: FACILITATOR,
      }),
    );
    expect(moved.stage).toBe('reactions');
    expect(moved.reactions).toBe(view.reactions);
    expect(moved.versions).toBe(view.versions);
  });

  it('[A5] the same events give the same view (deterministic)', () => {
    expect(reduceDecisionLog(log(...base))).toEqual(reduceDecisionLog(log(...base)));
  });

  it('[C1] presentedAt is the time the proposal first left the proposal stage', () => {
    const events = log(
      ...base.slice(0, 5),
      { type: 'stage.changed', from: 'clarifying', to: 'proposal', reason: 'back', by: FACILITATOR },
      { type: 'stage.changed', from: 'proposal', to: 'clarifying', reason: 'advance', by: FACILITATOR },
    );
    expect(reduceDecisionLog(events).presentedAt).toBe(events[4]!.at);
  });

  it('[C5] an amendment keeps earlier versions and resets both rounds on the new one', () => {
    const view = reduceDecisionLog(log(...base));
    const e = next(view, {
      type: 'proposal.amended',
      version: 2,
      driver: 'D2',
      text: 'T2',
      resolves: [],
      by: FACILITATOR,
    });
    const after = reduceDecision(view, e);
    expect(after.versions[0]).toBe(view.versions[0]);
    expect(after.versions[1]).toMatchObject({
      version: 2,
      title: 'Lunch',
      driver: 'D2',
      text: 'T2',
      at: e.at,
    });
    expect(after.objectionRound).toEqual({ version: 2, revealed: false, responses: {} });
    expect(after.consentRound).toEqual({ version: 2, revealed: true, responses: {} });
    expect(after.reactions).toBe(view.reactions);
  });

  it('[C10] a sealed reaction given without text is hidden until the reveal fills it in', () => {
    const view = reduceDecisionLog(log(...base.slice(0, 6)));
    const redacted = next(view, {
      type: 'reaction.given',
      participantId: A,
      version: 1,
      sealed: true,
      by: A,
    });
    const hidden = reduceDecision(view, redacted);
    expect(hidden.reactions[A]).toEqual({ participantId: A, version: 1, at: redacted.at, hidden: true });
    const shown = reduceDecision(
      hidden,
      next(hidden, {
        type: 'responses.revealed',
        stage: 'reactions',
        reactions: [{ participantId: A, text: 'Nice', gesture: 'up' }],
        responses: [],
        by: FACILITATOR,
      }),
    );
    expect(shown.reactions[A]).toMatchObject({ hidden: false, text: 'Nice', gesture: 'up' });
    expect(shown.reactionsRevealed).toBe(true);
  });
});
