/**
 * Per-recipient visibility (A6, C10) and the process rules the console shows before anyone clicks.
 */
import { describe, expect, it } from 'vitest';
import { type DecisionView, emptyDecisionView } from './decision';
import { reduceDecisionLog } from './decisionReducer';
import { FACILITATOR, type MeetingEvent, type NewEvent } from './events';
import { currentItem, reduceMeetingLog, type Seated, seated } from './meeting';
import { canAdopt, canEnterConsent, canPresent } from './rules';
import { agendaFor, eventFor, redact, type Viewer, viewFor } from './visibility';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const ana: Viewer = { role: 'participant', participantId: A };
const ben: Viewer = { role: 'participant', participantId: B };
const facilitator: Viewer = { role: 'facilitator' };

function log(...bodies: NewEvent[]): MeetingEvent[] {
  return bodies.map(
    (b, i) => ({ ...b, seq: i + 1, at: 1_000 * (i + 1), commandId: `c${i + 1}` }) as MeetingEvent,
  );
}

/** The decision as the meeting holds it, seated with who is in the meeting: what the rules read. */
function seatedDecision(events: MeetingEvent[]): Seated<DecisionView> {
  const meeting = reduceMeetingLog(events);
  return seated(meeting, currentItem(meeting) as DecisionView);
}

const opening: NewEvent[] = [
  { type: 'meeting.created', meetingId: 'm1', code: 'ABC', title: 'Lunch', by: FACILITATOR },
  { type: 'participant.joined', participantId: A, name: 'Ana', by: A },
  { type: 'participant.joined', participantId: B, name: 'Ben', by: B },
  { type: 'proposal.edited', title: 'Lunch', driver: 'D', text: 'T', by: FACILITATOR },
];
const sealedReaction: NewEvent = {
  type: 'reaction.given',
  participantId: A,
  version: 1,
  sealed: true,
  text: 'Nice',
  gesture: 'up',
  by: A,
};
const sealedObjection: NewEvent = {
  type: 'response.given',
  responseId: '00000000-0000-4000-8000-0000000000a1',
  participantId: A,
  stage: 'objections',
  version: 1,
  sealed: true,
  kind: 'objection',
  reason: 'Harm',
  by: A,
};

describe('A6 visibility', () => {
  it('[C10] a sealed event reaches others without its content, its author and the facilitator with it', () => {
    const [reaction, response] = log(sealedReaction, sealedObjection);
    expect(eventFor(reaction!, ben)).toEqual({
      type: 'reaction.given',
      participantId: A,
      version: 1,
      sealed: true,
      by: A,
      seq: 1,
      at: 1000,
      commandId: 'c1',
    });
    expect(eventFor(response!, ben)).not.toHaveProperty('kind');
    expect(eventFor(response!, ben)).not.toHaveProperty('reason');
    for (const v of [ana, facilitator]) {
      expect(eventFor(reaction!, v)).toBe(reaction);
      expect(eventFor(response!, v)).toBe(response);
    }
  });

  it('[A6] events that are not sealed go to everyone unchanged', () => {
    const events = log(
      ...opening,
      { ...sealedReaction, sealed: false },
      { ...sealedObjection, sealed: false },
    );
    for (const e of events) {
      expect(eventFor(e, ben)).toBe(e);
      if (e.type !== 'reaction.given' && e.type !== 'response.given') expect(redact(e)).toBe(e);
    }
  });

  it('[C10] viewFor hides others’ hidden reactions and responses, and nothing else', () => {
    const view = reduceDecisionLog(log(...opening, sealedReaction, sealedObjection));
    const forBen = viewFor(view, ben);
    expect(forBen.reactions[A]).toEqual({ participantId: A, version: 1, at: 5000, hidden: true });
    expect(forBen.objectionRound.responses[A]).toEqual({
      id: sealedObjection.type === 'response.given' ? sealedObjection.responseId : '',
      participantId: A,
      version: 1,
      at: 6000,
      hidden: true,
    });
    expect(forBen.versions).toBe(view.versions);
    // Who is in the meeting is the meeting's, and hides nothing either.
    const meeting = reduceMeetingLog(log(...opening, sealedReaction, sealedObjection));
    expect(agendaFor(meeting, ben).participants).toBe(meeting.participants);
    expect(viewFor(view, ana)).toBe(view);
    expect(viewFor(view, facilitator)).toBe(view);
  });

  it('[A6] viewFor of a view with nothing hidden is the view itself', () => {
    const view = reduceDecisionLog(log(...opening));
    expect(viewFor(view, ben)).toBe(view);
    expect(viewFor(emptyDecisionView(), ben)).toEqual(emptyDecisionView());
  });

  it('[A6][C10] the redacted stream reduces to viewFor of the full view, before and after the reveal', () => {
    const reveal: NewEvent = {
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [
        {
          responseId: '00000000-0000-4000-8000-0000000000a1',
          participantId: A,
          kind: 'objection',
          reason: 'Harm',
        },
      ],
      by: FACILITATOR,
    };
    const events = log(...opening, sealedReaction, sealedObjection, reveal);
    for (let n = 0; n <= events.length; n++) {
      const prefix = events.slice(0, n);
      for (const v of [ana, ben, facilitator]) {
        expect(reduceDecisionLog(prefix.map((e) => eventFor(e, v)))).toEqual(
          viewFor(reduceDecisionLog(prefix), v),
        );
      }
    }
    // The same for the whole meeting: the join snapshot (agendaFor) is the redacted stream reduced.
    for (let n = 0; n <= events.length; n++) {
      const prefix = events.slice(0, n);
      for (const v of [ana, ben, facilitator]) {
        expect(reduceMeetingLog(prefix.map((e) => eventFor(e, v)))).toEqual(
          agendaFor(reduceMeetingLog(prefix), v),
        );
      }
    }
    const full = reduceDecisionLog(events);
    expect(full.objections).toEqual([
      expect.objectContaining({ participantId: A, reason: 'Harm', status: 'raised' }),
    ]);
    expect(viewFor(full, ben).objectionRound.responses[A]).toMatchObject({
      hidden: false,
      kind: 'objection',
    });
  });
});

describe('rules', () => {
  it('[C1] presenting needs a driver and a text', () => {
    expect(canPresent(emptyDecisionView())?.code).toBe('not_allowed');
    expect(canPresent(reduceDecisionLog(log(...opening)))).toBeNull();
  });

  it('[C6] open objections are named; a hidden objection asks for the reveal', () => {
    const hidden = seatedDecision(log(...opening, sealedObjection));
    expect(canEnterConsent(hidden)?.message).toMatch(/reveal/i);
    const emptyReveal: NewEvent = {
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [],
      by: FACILITATOR,
    };
    const shown = seatedDecision(log(...opening, emptyReveal, { ...sealedObjection, sealed: false }));
    // Given after an (empty) reveal, the objection is a record at once, and blocks consent.
    expect(shown.objections).toHaveLength(1);
    expect(canEnterConsent(shown)?.message).toContain('Ana');
  });

  it('[C7] adoption names everyone present who has not consented', () => {
    const view = seatedDecision(log(...opening));
    expect(canAdopt(view)?.message).toContain('Ana, Ben');
    expect(canAdopt(seated({ participants: {} }, emptyDecisionView()))?.code).toBe('not_allowed');
  });
});
