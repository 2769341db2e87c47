/**
 * Model-based: @xstate/graph explores the consent machine over concrete sample events proposed
 * per state (forward/back moves, responses, reveals, tests, amendments, outcomes, leaving and
 * rejoining), and every shortest path to every reached state is replayed on a fresh actor with
 * the process invariants checked after each step (STYLE.md: paths generated, replayed per state).
 *
 * States are compared by an abstraction of the view (stage, who said what kind, objection fates,
 * versions), not by seq or time, so the space is finite; event ids are derived from the abstract
 * state, so an event proposed for one representative is valid for every state equal to it.
 */
import type { ConsentStage } from '@circlewise/shared/constants';
import {
  awaitingConsent,
  currentVersion,
  type DecisionView,
  openObjections,
  presentParticipants,
} from '@circlewise/shared/decision';
import { FACILITATOR, type MeetingEvent, type NewEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import { type PathSnapshot, replayEveryPath, shortestPaths, stamp } from '../support/modelPaths';
import { testId } from '../support/testHarness';

type Snap = PathSnapshot<DecisionView>;

const P = [testId(1, 0xbeef), testId(2, 0xbeef)] as const;
const MAX_VERSIONS = 2;
const MAX_OBJECTIONS = 2;

/** The meeting every path starts from: created, two participants, a proposal ready to present. */
const PROLOGUE: MeetingEvent[] = (
  [
    { type: 'meeting.created', meetingId: testId(1), code: 'ABC123', title: 'Lunch', by: FACILITATOR },
    { type: 'participant.joined', participantId: P[0], name: 'Ana', by: P[0] },
    { type: 'participant.joined', participantId: P[1], name: 'Ben', by: P[1] },
    {
      type: 'proposal.edited',
      title: 'Lunch',
      driver: 'We skip lunch.',
      text: 'Lunch at noon.',
      by: FACILITATOR,
    },
  ] as NewEvent[]
).map((b, i) => stamp(b, i + 1));

/**
 * What makes two meetings different for the rules: stage, presence, versions, the two rounds and
 * every objection's fate. Questions and reactions are left out (their events are valid whatever
 * came before, and no rule after them depends on them), which keeps the space small.
 */
function abstract(view: Seated<DecisionView>) {
  const round = view.objectionRound;
  return {
    stage: view.stage,
    outcome: view.outcome?.outcome,
    presented: view.presentedAt !== undefined,
    present: P.map((p) => view.participants[p]?.present ?? false),
    versions: view.versions.map((v) => v.resolves),
    objectionRound: [round.revealed, P.map((p) => round.responses[p]?.kind ?? '')],
    consentRound: P.map((p) => view.consentRound.responses[p]?.kind ?? ''),
    objections: view.objections.map((o) => [o.id, o.participantId, o.status, o.resolvedBy]),
  };
}
const serialize = (s: Snap) => JSON.stringify([s.value, abstract(s.context.view)]);

/**
 * A stable id for what a participant says on a version: replaying a path recreates the same ids,
 * and two objections never share one (at most one per participant per version and count).
 */
function idFor(view: DecisionView, p: string, salt: string): string {
  const n = currentVersion(view).version * 100 + view.objections.length * 10 + P.indexOf(p as never);
  return testId(n, salt.charCodeAt(0));
}

const NEXT: Record<ConsentStage, ConsentStage | undefined> = {
  proposal: 'clarifying',
  clarifying: 'reactions',
  reactions: 'objections',
  objections: 'consent',
  consent: undefined,
};
const PREV: Record<ConsentStage, ConsentStage | undefined> = {
  proposal: undefined,
  clarifying: 'proposal',
  reactions: 'clarifying',
  objections: 'reactions',
  consent: 'objections',
};

/** Sample events for a state: what decide could record there, and a few things it must refuse. */
function proposals(snapshot: Snap): MeetingEvent[] {
  const view = snapshot.context.view;
  if (snapshot.status === 'done' || view.stage === 'outcome') return [];
  const stage = view.stage;
  const version = currentVersion(view).version;
  const out: NewEvent[] = [];
  const by = FACILITATOR;
  const next = NEXT[stage];
  const prev = PREV[stage];
  if (next) out.push({ type: 'stage.changed', from: stage, to: next, reason: 'advance', by });
  if (prev) out.push({ type: 'stage.changed', from: stage, to: prev, reason: 'back', by });
  // Refused everywhere: a skip of two stages.
  const skip = next && NEXT[next];
  if (skip) out.push({ type: 'stage.changed', from: stage, to: skip, reason: 'advance', by });
  // Withdrawn or deferred are possible from any state; sampled where nothing has been said yet
  // (else every state would gain two final copies of itself).
  if (view.objections.length === 0 && Object.keys(view.objectionRound.responses).length === 0) {
    out.push({ type: 'outcome.recorded', outcome: 'withdrawn', version, by });
    out.push({ type: 'outcome.recorded', outcome: 'deferred', version, by });
  }
  // Adoption is proposed everywhere; the machine accepts it only in consent with everyone in.
  out.push({ type: 'outcome.recorded', outcome: 'adopted', version, reviewDate: '2025-07-15', by });
  const present = P.filter((p) => view.participants[p]?.present);

  // Each kind of submission is proposed in the stage that asks for it, and once in the stage
  // after (which the machine must refuse, C3): enough to test the guards without multiplying
  // states that differ only in submissions the rules do not care about.
  if (stage === 'clarifying' || stage === 'reactions') {
    if (view.questions.length === 0) {
      out.push({
        type: 'question.asked',
        questionId: idFor(view, P[0], 'q'),
        participantId: P[0],
        text: 'Where?',
        version,
        by: P[0],
      });
    }
  }
  if (stage === 'reactions' || stage === 'objections') {
    if (!view.reactions[P[0]]) {
      const sealed = !view.reactionsRevealed;
      out.push({ type: 'reaction.given', participantId: P[0], version, sealed, text: 'Nice', by: P[0] });
    }
  }
  if (stage === 'reactions' && !view.reactionsRevealed && Object.keys(view.reactions).length > 0) {
    out.push({
      type: 'responses.revealed',
      stage: 'reactions',
      reactions: Object.values(view.reactions).map((r) => ({
        participantId: r.participantId,
        text: r.text ?? '',
      })),
      responses: [],
      by,
    });
  }

  const round = view.objectionRound;
  if (stage === 'objections' || stage === 'reactions') {
    for (const p of present) {
      if (round.responses[p]) continue;
      const base = { type: 'response.given', participantId: p, stage: 'objections', version, by: p } as const;
      const sealed = !round.revealed;
      out.push({ ...base, responseId: idFor(view, p, 'c'), sealed, kind: 'consent' });
      if (p === P[1])
        out.push({ ...base, responseId: idFor(view, p, 'n'), sealed, kind: 'concern', reason: 'Cost.' });
      if (p === P[0] && view.objections.length < MAX_OBJECTIONS) {
        out.push({ ...base, responseId: idFor(view, p, 'o'), sealed, kind: 'objection', reason: 'Harm.' });
      }
    }
  }
  if (stage === 'objections' && !round.revealed && Object.keys(round.responses).length > 0) {
    out.push({
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: Object.values(round.responses).map((r) => ({
        responseId: r.id,
        participantId: r.participantId,
        kind: r.kind ?? 'consent',
        ...(r.reason !== undefined && { reason: r.reason }),
      })),
      by,
    });
  }
  const open = openObjections(view);
  const first = open[0];
  if (first && (stage === 'objections' || stage === 'consent')) {
    out.push({ type: 'objection.tested', objectionId: first.id, verdict: 'qualifies', by });
    out.push({ type: 'objection.tested', objectionId: first.id, verdict: 'concern', by });
    out.push({ type: 'objection.withdrawn', objectionId: first.id, by: first.participantId });
    // Refused (C8): withdrawn by someone else.
    const other = P.find((p) => p !== first.participantId)!;
    out.push({ type: 'objection.withdrawn', objectionId: first.id, by: other });
  }
  if (view.versions.length < MAX_VERSIONS && view.presentedAt !== undefined && stage !== 'consent') {
    out.push({
      type: 'proposal.amended',
      version: version + 1,
      driver: 'We skip lunch.',
      text: `Lunch, version ${version + 1}.`,
      resolves: open.map((o) => o.id),
      by,
    });
  }
  if (stage === 'consent' || stage === 'objections') {
    for (const p of present) {
      if (view.consentRound.responses[p]) continue;
      const base = {
        type: 'response.given',
        participantId: p,
        stage: 'consent',
        version,
        sealed: false,
      } as const;
      out.push({ ...base, responseId: idFor(view, p, 'k'), kind: 'consent', by: p });
      // Refused (C3): a concern is not an answer in the consent round.
      out.push({ ...base, responseId: idFor(view, p, 'm'), kind: 'concern', reason: 'x', by: p });
    }
  }
  if (stage === 'consent') {
    // C7: someone leaves, or comes back, while consent is collected.
    if (view.participants[P[1]]?.present) {
      out.push({ type: 'participant.left', participantId: P[1], reason: 'left', by: P[1] });
    } else {
      out.push({ type: 'participant.joined', participantId: P[1], name: 'Ben', by: P[1] });
    }
    out.push({
      type: 'stage.changed',
      from: 'consent',
      to: 'objections',
      reason: 'late_objection',
      by: P[0],
    });
  }
  return out.map((b) => stamp(b, snapshot.meeting.seq + 1));
}

/** The process invariants every reachable state keeps. */
function checkInvariants(snapshot: Snap) {
  const view = snapshot.context.view;
  const current = currentVersion(view).version;
  expect(snapshot.value).toEqual(view.stage === 'outcome' ? view.outcome?.outcome : { open: view.stage });
  expect(view.objectionRound.version).toBe(current);
  expect(view.consentRound.version).toBe(current);
  if (view.stage === 'consent') {
    // C6
    expect(openObjections(view)).toEqual([]);
    const hidden = Object.values(view.objectionRound.responses).some((r) => r.kind === 'objection');
    expect(view.objectionRound.revealed || !hidden).toBe(true);
  }
  for (const o of view.objections) {
    // C8: a resolved objection names a version that lists it.
    if (o.status === 'resolved') expect(view.versions[o.resolvedBy! - 1]?.resolves).toContain(o.id);
    if (o.status === 'concern') expect(view.concerns.map((c) => c.id)).toContain(o.id);
  }
  if (snapshot.value === 'adopted') {
    // C7, C9
    expect(presentParticipants(view).length).toBeGreaterThan(0);
    expect(awaitingConsent(view)).toEqual([]);
    // C7: consent given in the consent round, or carried over from the objection round.
    for (const p of presentParticipants(view)) {
      const given = view.consentRound.responses[p.id];
      const carried = view.objectionRound.responses[p.id];
      if (given) expect(given).toMatchObject({ kind: 'consent', version: current });
      else expect(['consent', 'concern']).toContain(carried?.version === current && carried.kind);
    }
    expect(view.outcome).toMatchObject({ outcome: 'adopted', version: current, reviewDate: '2025-07-15' });
    expect(openObjections(view)).toEqual([]);
  }
}

describe('model-based paths', () => {
  const model = { prologue: PROLOGUE, proposals, serialize };
  const paths = shortestPaths(model);

  it('[C1] generated paths reach every stage and outcome', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const stage of ['proposal', 'clarifying', 'reactions', 'objections', 'consent']) {
      expect(reached).toContain(JSON.stringify({ open: stage }));
    }
    for (const outcome of ['adopted', 'withdrawn', 'deferred'])
      expect(reached).toContain(JSON.stringify(outcome));
    // The abstraction is rich enough to tell meetings apart (amended, objected, …), not just stages.
    expect(paths.length).toBeGreaterThan(500);
  });

  it('[C1][C5][C6][C7][C8] every path replays through a fresh LiveMeeting, keeping the invariants at each step', () => {
    const checked = replayEveryPath(model, paths, (_before, _event, after) => checkInvariants(after));
    expect(checked).toBe(paths.length - 1);
  }, 60_000);

  it('[C7] adoption paths go through consent with everyone present consenting', () => {
    const adopted = paths.filter((p) => p.state.value === 'adopted');
    expect(adopted.length).toBeGreaterThan(0);
    for (const p of adopted) {
      const types = p.steps.map((s) => s.event.type);
      expect(types.at(-1)).toBe('outcome.recorded');
      expect(p.steps.at(-2)?.state.value).toEqual({ open: 'consent' });
    }
  });
});
