/**
 * Model-based, as paths.test.ts does for the decision: @xstate/graph explores the election
 * machine over concrete sample events proposed per state (role, nominations and their reveal,
 * changes, proposals of a candidate or a shorter term, responses with the candidate last,
 * reveals, tests, declines, outcomes, someone leaving and coming back), and every shortest path
 * to every reached state is replayed on a fresh actor with the invariants checked at each step.
 *
 * States are compared by an abstraction of the view (no seq, no time), and ids are derived from
 * it, so an event proposed for one representative is valid for every state equal to it.
 */

import { openObjections, presentParticipants } from '@circlewise/shared/decision';
import {
  currentNominee,
  currentProposal,
  type ElectionView,
  othersHaveAnswered,
  tally,
} from '@circlewise/shared/election';
import { FACILITATOR, type MeetingEvent, type NewEvent } from '@circlewise/shared/events';
import type { Seated } from '@circlewise/shared/meeting';
import { describe, expect, it } from 'vitest';
import { type PathSnapshot, replayEveryPath, shortestPaths, stamp } from '../support/modelPaths';
import { testId } from '../support/testHarness';

type Snap = PathSnapshot<ElectionView>;

const P = [testId(1, 0xbeef), testId(2, 0xbeef)] as const;
const MAX_PROPOSALS = 2;
const MAX_OBJECTIONS = 2;
const TERM = { termStart: '2025-02-01', termEnd: '2026-01-31' };
const SHORT_END = '2025-07-31';

/** Every path starts here: an election created, two participants present, no role yet. */
const PROLOGUE: MeetingEvent[] = (
  [
    {
      type: 'meeting.created',
      meetingId: testId(1),
      code: 'ELECT1',
      title: 'Circle lead',
      kind: 'election',
      by: FACILITATOR,
    },
    { type: 'participant.joined', participantId: P[0], name: 'Ana', by: P[0] },
    { type: 'participant.joined', participantId: P[1], name: 'Ben', by: P[1] },
  ] as NewEvent[]
).map((b, i) => stamp(b, i + 1));

const who = (id: string | null | undefined) =>
  id === undefined ? '' : id === null ? 'none' : P.indexOf(id as never);

/**
 * What makes two elections different for the rules. Whom people nominated matters to the rounds
 * that ask for it; once a candidate is proposed, the consent check does not look at it, so
 * after the change round elections that differ only in nominations count as one (the space
 * stays small; every path is still a real one).
 */
function abstract(view: Seated<ElectionView>) {
  const round = view.objectionRound;
  const rounds = view.proposals.length === 0;
  return {
    stage: view.stage,
    outcome: view.outcome?.outcome,
    role: view.role !== undefined,
    present: P.map((p) => view.participants[p]?.present ?? false),
    nominations: rounds ? P.map((p) => (view.nominations[p] ? who(view.nominations[p].nomineeId) : '')) : [],
    revealed: view.nominationsRevealed,
    changes: rounds ? view.changes.map((c) => [who(c.participantId), who(c.to)]) : [],
    proposals: view.proposals.map((p) => [who(p.candidateId), p.termEnd, p.resolves]),
    declined: view.declined.map((d) => d.version),
    objectionRound: [round.revealed, P.map((p) => round.responses[p]?.kind ?? '')],
    consentRound: P.map((p) => view.consentRound.responses[p]?.kind ?? ''),
    objections: view.objections.map((o) => [o.id, who(o.participantId), o.status, o.resolvedBy]),
  };
}
const serialize = (s: Snap) => JSON.stringify([s.value, abstract(s.context.view)]);

/** A stable, unique id for a response, derived from the abstract state. */
function idFor(view: ElectionView, p: string, salt: string): string {
  const n = view.proposals.length * 100 + view.objections.length * 10 + P.indexOf(p as never);
  return testId(n, salt.charCodeAt(0));
}

/** Sample events for a state: what decide could record there, and some it must refuse. */
function proposals(snapshot: Snap): MeetingEvent[] {
  const view = snapshot.context.view;
  if (snapshot.status === 'done' || view.stage === 'outcome') return [];
  const stage = view.stage;
  const by = FACILITATOR;
  const out: NewEvent[] = [];
  const move = (to: ElectionView['stage'], reason: 'advance' | 'back' = 'advance') =>
    out.push({ type: 'stage.changed', from: stage as never, to: to as never, reason, by });
  const present = P.filter((p) => view.participants[p]?.present);
  const proposal = currentProposal(view);
  const version = view.consentRound.version;
  const round = view.objectionRound;
  const open = openObjections(view);
  const hiddenNominations = !view.nominationsRevealed && Object.keys(view.nominations).length > 0;
  const hiddenResponses = !round.revealed && Object.keys(round.responses).length > 0;
  const allNominations = Object.values(view.nominations).map((n) => ({
    participantId: n.participantId,
    nomineeId: n.nomineeId ?? null,
    reason: n.reason ?? '',
  }));

  // Reveals, as decide sends them: in their own round, or before an outcome from anywhere.
  // The reveal is sampled once everyone present has nominated (decide also allows it earlier).
  const everyoneNominated = present.every((p) => view.nominations[p]);
  if (hiddenNominations && (everyoneNominated || stage !== 'nominations')) {
    out.push({ type: 'nominations.revealed', nominations: allNominations, by });
    // Refused (E1): a partial reveal.
    if (allNominations.length > 1)
      out.push({ type: 'nominations.revealed', nominations: allNominations.slice(1), by });
  }
  if (hiddenResponses) {
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
  // No one elected, from wherever nothing is hidden and nothing has been said on a candidate.
  if (!hiddenNominations && !hiddenResponses && view.objections.length === 0 && view.declined.length === 0) {
    if (Object.keys(view.consentRound.responses).length === 0 && Object.keys(round.responses).length === 0) {
      out.push({ type: 'election.recorded', outcome: 'none', version, by });
    }
  }
  // Elected is proposed everywhere; the machine takes it only in consent with everyone in (C7).
  if (proposal) {
    out.push({
      type: 'election.recorded',
      outcome: 'elected',
      version: proposal.version,
      electedId: proposal.candidateId,
      electedName: 'x',
      role: 'Circle lead',
      termStart: proposal.termStart,
      termEnd: proposal.termEnd,
      by,
    });
  }

  switch (stage) {
    case 'role':
      if (!view.role) {
        out.push({ type: 'role.set', role: 'Circle lead', description: '', ...TERM, by });
      }
      move('nominations'); // refused until the role is set
      move('changes'); // refused: a skip
      break;
    case 'nominations':
      if (!view.nominationsRevealed) {
        const [ana, ben] = P;
        const given = (p: string, nomineeId: string | null): NewEvent => ({
          type: 'nomination.given',
          participantId: p,
          sealed: true,
          nomineeId,
          ...(nomineeId !== null && { reason: 'Good at it.' }),
          by: p,
        });
        if (!view.nominations[ana]) out.push(given(ana, ben));
        // E2: Ana's later nomination replaces her first.
        else if (view.nominations[ana].nomineeId === ben) out.push(given(ana, null));
        if (!view.nominations[ben]) out.push(given(ben, ben));
      }
      move('changes'); // refused until revealed
      move('role', 'back');
      break;
    case 'changes':
      for (const p of P) {
        const current = currentNominee(view, p);
        if (current === undefined || view.changes.some((c) => c.participantId === p)) continue;
        // Ana changes to herself; Ben keeps his.
        const to = p === P[0] ? P[0] : current;
        out.push({
          type: 'nomination.changed',
          participantId: p,
          from: current,
          to,
          reason: to === current ? '' : 'Changed my mind.',
          by: p,
        });
      }
      move('proposal');
      move('nominations', 'back'); // refused: the reveal is not undone
      break;
    case 'proposal':
      move('objections'); // refused until someone is proposed
      move('changes', 'back');
      break;
    case 'objections':
      move('consent'); // refused while objections are open or responses hidden (C6)
      move('proposal', 'back');
      break;
    case 'consent':
      move('objections', 'back');
      break;
  }

  if (stage === 'proposal' || stage === 'objections' || stage === 'consent') {
    if (view.proposals.length < MAX_PROPOSALS) {
      // First Ben; then another candidate once Ben has declined, else Ben for a shorter term.
      const candidates = view.proposals.length === 0 || view.declined.length === 0 ? [P[1]] : [P[0]];
      for (const candidateId of candidates) {
        const shorter = view.proposals.length > 0 && candidateId === P[1];
        out.push({
          type: 'candidate.proposed',
          version: version + 1,
          candidateId,
          ...TERM,
          ...(shorter && { termEnd: SHORT_END }),
          reasons: 'Nominated most.',
          resolves: open.map((o) => o.id),
          by,
        });
      }
    }
    // Refused: a candidate who is not present.
    const absent = P.find((p) => !view.participants[p]?.present);
    if (absent) {
      out.push({
        type: 'candidate.proposed',
        version: version + 1,
        candidateId: absent,
        ...TERM,
        reasons: 'x',
        resolves: [],
        by,
      });
    }
  }

  if ((stage === 'objections' || stage === 'consent') && proposal) {
    // Sampled once, where nothing has been objected yet (a decline elsewhere adds only copies).
    if (view.declined.length === 0 && view.objections.length === 0) {
      out.push({ type: 'candidate.declined', version: proposal.version, by: proposal.candidateId });
    }
    // Refused (E4): declined by someone else.
    const other = P.find((p) => p !== proposal.candidateId)!;
    out.push({ type: 'candidate.declined', version: proposal.version, by: other });
  }

  if (stage === 'objections') {
    for (const p of present) {
      const before = round.responses[p];
      const base = { type: 'response.given', participantId: p, stage: 'objections', version, by: p } as const;
      const sealed = !round.revealed;
      if (!before) {
        out.push({ ...base, responseId: idFor(view, p, 'c'), sealed, kind: 'consent' });
        if (p === P[0] && view.objections.length < MAX_OBJECTIONS) {
          out.push({ ...base, responseId: idFor(view, p, 'o'), sealed, kind: 'objection', reason: 'Harm.' });
        }
      } else if (round.revealed && before.kind === 'consent' && p === P[0] && view.objections.length === 0) {
        // A late objection after the reveal, on the first objection.
        out.push({
          ...base,
          responseId: idFor(view, p, 'l'),
          sealed,
          kind: 'objection',
          reason: 'Late harm.',
        });
      }
    }
    const first = open[0];
    if (first) {
      out.push({ type: 'objection.tested', objectionId: first.id, verdict: 'qualifies', by });
      out.push({ type: 'objection.tested', objectionId: first.id, verdict: 'concern', by });
      out.push({ type: 'objection.withdrawn', objectionId: first.id, by: first.participantId });
      const other = P.find((p) => p !== first.participantId)!;
      out.push({ type: 'objection.withdrawn', objectionId: first.id, by: other }); // refused (C8)
    }
  }

  if (stage === 'consent') {
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
      out.push({ ...base, responseId: idFor(view, p, 'm'), kind: 'concern', reason: 'x', by: p }); // refused (C3)
    }
    // C7: Ana leaves, or comes back, while consent is collected (sampled where no one objected).
    if (view.objections.length === 0) {
      out.push(
        view.participants[P[0]]?.present
          ? { type: 'participant.left', participantId: P[0], reason: 'left', by: P[0] }
          : { type: 'participant.joined', participantId: P[0], name: 'Ana', by: P[0] },
      );
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

const ORDER = ['role', 'nominations', 'changes', 'proposal', 'objections', 'consent'];

/** The invariants every reachable state keeps. */
function checkInvariants(snapshot: Snap) {
  const view = snapshot.context.view;
  const proposal = currentProposal(view);
  const at = ORDER.indexOf(view.stage);
  // A5: the machine state is the view's stage (or its outcome).
  expect(snapshot.value).toEqual(view.stage === 'outcome' ? view.outcome?.outcome : { open: view.stage });
  expect(snapshot.status).toBe(view.stage === 'outcome' ? 'done' : 'active');
  // C5: both rounds are on the current proposal.
  expect(view.objectionRound.version).toBe(proposal?.version ?? 0);
  expect(view.consentRound.version).toBe(proposal?.version ?? 0);
  expect(view.proposals.map((p) => p.version)).toEqual(view.proposals.map((_, i) => i + 1));
  // C1: nothing past the role without a role, past nominations without the reveal (E1), nor a
  // consent check without a candidate.
  if (at >= 1) expect(view.role).toBeDefined();
  if (at >= 2) expect(view.nominationsRevealed).toBe(true);
  if (at >= 4) expect(proposal).toBeDefined();
  // E1: revealed means every nomination shows whom it names.
  if (view.nominationsRevealed) {
    for (const n of Object.values(view.nominations)) {
      expect(n.hidden).toBe(false);
      expect(n.nomineeId).not.toBeUndefined();
    }
  }
  // E2, E3: one current nomination each, and each change starts where the last one ended.
  expect(tally(view).reduce((sum, t) => sum + t.count, 0)).toBe(Object.keys(view.nominations).length);
  for (const p of P) {
    let current = view.nominations[p]?.nomineeId;
    for (const c of view.changes.filter((x) => x.participantId === p)) {
      expect(c.from).toBe(current);
      if (c.to !== c.from) expect(c.reason).not.toBe('');
      current = c.to;
    }
  }
  if (view.stage === 'consent') {
    // C6
    expect(openObjections(view)).toEqual([]);
    expect(view.objectionRound.revealed || Object.keys(view.objectionRound.responses).length === 0).toBe(
      true,
    );
  }
  for (const o of view.objections) {
    // C8: a resolved objection names the proposal that resolved it.
    if (o.status === 'resolved') expect(view.proposals[o.resolvedBy! - 1]?.resolves).toContain(o.id);
    if (o.status === 'concern') expect(view.concerns.map((c) => c.id)).toContain(o.id);
  }
  if (snapshot.value === 'elected') {
    // C7, E4, E5
    expect(proposal).toBeDefined();
    expect(view.participants[proposal!.candidateId]?.present).toBe(true);
    // C7: each consented in the consent round, or carried a "no objection" or "concern" on this
    // proposal over from the objection round; E4: the candidate's consent is the last one.
    // A Confirm of a carried consent is not a new one: it counts from the objection round.
    const consentAt = (id: string): number | undefined => {
      const given = view.consentRound.responses[id];
      const carried = view.objectionRound.responses[id];
      const carries =
        (carried?.kind === 'consent' || carried?.kind === 'concern') && carried.version === proposal!.version;
      if (given && given.kind !== 'consent') return undefined;
      if (carries) return carried.at;
      return given?.version === proposal!.version ? given.at : undefined;
    };
    // The candidate's own Confirm is their answer now, last.
    const candidateAt =
      view.consentRound.responses[proposal!.candidateId]?.at ?? consentAt(proposal!.candidateId);
    expect(candidateAt).toBeDefined();
    for (const p of presentParticipants(view)) {
      expect(consentAt(p.id)).toBeDefined();
      expect(consentAt(p.id)).toBeLessThanOrEqual(candidateAt!);
    }
    expect(view.outcome).toMatchObject({
      outcome: 'elected',
      version: proposal!.version,
      electedId: proposal!.candidateId,
      role: 'Circle lead',
      termStart: proposal!.termStart,
      termEnd: proposal!.termEnd,
    });
    expect(openObjections(view)).toEqual([]);
  }
}

/** Rules about the step itself, judged on the state before it. */
function checkStep(before: Snap, event: MeetingEvent) {
  const view = before.context.view;
  const candidate = currentProposal(view)?.candidateId;
  // E4: the candidate answers last in either round.
  if (event.type === 'response.given' && event.participantId === candidate) {
    expect(othersHaveAnswered(view, event.stage)).toBe(true);
  }
  // E4: only the candidate declines.
  if (event.type === 'candidate.declined') expect(event.by).toBe(candidate);
  // E1: the reveal shows every nomination at once (a partial one is sampled and refused).
  if (event.type === 'nominations.revealed') {
    expect(event.nominations.map((n) => n.participantId).sort()).toEqual(
      Object.keys(view.nominations).sort(),
    );
  }
  // E2: a nomination is given in the nominations round, before the reveal.
  if (event.type === 'nomination.given') {
    expect(view.stage).toBe('nominations');
    expect(view.nominationsRevealed).toBe(false);
  }
}

describe('model-based paths through an election', () => {
  const model = { prologue: PROLOGUE, proposals, serialize };
  const paths = shortestPaths(model);

  it('[C1][E1–E5] generated paths reach every stage and both outcomes', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    for (const stage of ORDER) expect(reached).toContain(JSON.stringify({ open: stage }));
    for (const outcome of ['elected', 'none']) expect(reached).toContain(JSON.stringify(outcome));
    // Rich enough to tell elections apart (declined, objected, shortened, …), not just stages.
    expect(paths.length).toBeGreaterThan(500);
  });

  it('[C1][C5][C6][C7][C8][E1–E5] every path replays through a fresh LiveMeeting, keeping the invariants at each step', () => {
    const checked = replayEveryPath(model, paths, (before, event, after) => {
      checkStep(before, event);
      checkInvariants(after);
    });
    expect(checked).toBe(paths.length - 1);
  }, 60_000);

  it('[C7][E4][E5] paths to elected go through consent, the candidate consenting last', () => {
    const elected = paths.filter((p) => p.state.value === 'elected');
    expect(elected.length).toBeGreaterThan(0);
    for (const p of elected) {
      expect(p.steps.at(-1)?.event.type).toBe('election.recorded');
      expect(p.steps.at(-2)?.state.value).toEqual({ open: 'consent' });
      // Nomination rounds come once, before any proposal (E4: not repeated for a new candidate).
      const types = p.steps.map((s) => s.event.type);
      expect(types.filter((t) => t === 'nominations.revealed')).toHaveLength(1);
      expect(types.indexOf('nominations.revealed')).toBeLessThan(types.indexOf('candidate.proposed'));
    }
    // Some elect a second proposal: another candidate, or the shorter term.
    const terms = new Set(elected.map((p) => p.state.context.view.outcome?.termEnd));
    expect(terms).toContain(SHORT_END);
    expect(new Set(elected.map((p) => p.state.context.view.outcome?.electedId))).toEqual(new Set(P));
  });
});
