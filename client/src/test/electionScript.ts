/**
 * Builds role elections for tests the way the server records them: events reduced by the
 * shared reducer (reduceConsentItem), filtered for the viewer with the shared visibility rules.
 */

import type { ElectionStage, ResponseKind } from '@circlewise/shared/constants';
import type { ElectionView } from '@circlewise/shared/election';
import { FACILITATOR, type RevealedResponse } from '@circlewise/shared/events';
import { currentItem, reduceMeetingLog, type Seated, seated } from '@circlewise/shared/meeting';
import { eventFor, type Viewer } from '@circlewise/shared/visibility';
import { ANA, BEN, CLEO, EventScript, uuidFor } from './meetingScript';

export const ROLE = {
  role: 'Garden circle lead',
  description: 'Keeps the garden circle’s backlog and calls its meetings.',
  termStart: '2025-02-01',
  termEnd: '2026-01-31',
};

const nameFor = (id: string) => ({ [ANA]: 'Ana', [BEN]: 'Ben', [CLEO]: 'Cleo' })[id] ?? 'someone';

export class ElectionScript extends EventScript {
  /** Nominations as given (unsealed), for the reveal. */
  private nominations = new Map<string, { nomineeId: string | null; reason: string }>();
  /** Objection-round responses as given, for the reveal. */
  private responses = new Map<string, RevealedResponse>();

  constructor(title = 'Garden lead') {
    super({
      type: 'meeting.created',
      meetingId: 'e1',
      code: 'ELE123',
      title,
      kind: 'election',
      by: 'system',
    });
  }

  setRole(): this {
    return this.add({ type: 'role.set', ...ROLE, by: FACILITATOR });
  }

  move(from: ElectionStage, to: ElectionStage, reason: 'advance' | 'back' | 'reveal' = 'advance'): this {
    return this.add({ type: 'stage.changed', from, to, reason, by: FACILITATOR });
  }

  nominate(who: string, nomineeId: string | null, reason = ''): this {
    this.nominations.set(who, { nomineeId, reason });
    return this.add({
      type: 'nomination.given',
      participantId: who,
      sealed: true,
      nomineeId,
      ...(reason && { reason }),
      by: who,
    });
  }

  reveal(): this {
    this.add({
      type: 'nominations.revealed',
      nominations: [...this.nominations].map(([participantId, n]) => ({ participantId, ...n })),
      by: FACILITATOR,
    });
    return this.move('nominations', 'changes', 'reveal');
  }

  change(who: string, from: string | null, to: string | null, reason = ''): this {
    return this.add({ type: 'nomination.changed', participantId: who, from, to, reason, by: who });
  }

  propose(candidateId: string, version = 1, resolves: string[] = []): this {
    return this.add({
      type: 'candidate.proposed',
      version,
      candidateId,
      termStart: ROLE.termStart,
      termEnd: ROLE.termEnd,
      reasons: 'Ana: She knows every bed.',
      resolves,
      by: FACILITATOR,
    });
  }

  respond(who: string, stage: 'objections' | 'consent', kind: ResponseKind, version = 1): this {
    const responseId = uuidFor(1000 + this.n);
    const reason = kind !== 'consent' ? `Reason of ${nameFor(who)}` : undefined;
    if (stage === 'objections') {
      this.responses.set(who, { responseId, participantId: who, kind, ...(reason && { reason }) });
    }
    return this.add({
      type: 'response.given',
      responseId,
      participantId: who,
      stage,
      version,
      sealed: stage === 'objections',
      kind,
      ...(reason && { reason }),
      by: who,
    });
  }

  revealResponses(): this {
    return this.add({
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [...this.responses.values()],
      by: FACILITATOR,
    });
  }

  /** The response id of someone's objection-round response. */
  responseOf(who: string): string {
    const r = this.responses.get(who);
    if (!r) throw new Error('no response from that person');
    return r.responseId;
  }

  /**
   * Ana, Ben and Cleo; the role set; Ana and Cleo nominate Ben, Ben nominates Ana; after the
   * reveal, Cleo changes to Ana; Ana is proposed. Advanced as far as `stage`; into consent with
   * everyone's "no objection" carried over (C7), or with nothing carried when `askAgain`.
   */
  static at(stage: ElectionStage, askAgain = false): ElectionScript {
    const s = new ElectionScript().join(ANA, 'Ana').join(BEN, 'Ben').join(CLEO, 'Cleo');
    if (stage === 'role') return s.setRole();
    s.setRole().move('role', 'nominations');
    if (stage === 'nominations') return s;
    s.nominate(ANA, BEN, 'Ben plans well.')
      .nominate(BEN, ANA, 'She knows every bed.')
      .nominate(CLEO, BEN, 'He has time this year.')
      .reveal();
    if (stage === 'changes') return s;
    s.change(CLEO, BEN, ANA, 'Ana’s knowledge matters more.').move('changes', 'proposal').propose(ANA);
    if (stage === 'proposal') return s;
    s.move('proposal', 'objections');
    if (stage === 'objections') return s;
    // Everyone says "no objection", carried into the consent round (C7); with `askAgain`, everyone
    // objects and each objection is recorded as a concern, so the consent round asks everyone.
    const answer = askAgain ? 'objection' : 'consent';
    s.respond(BEN, 'objections', answer)
      .respond(CLEO, 'objections', answer)
      .respond(ANA, 'objections', answer)
      .revealResponses();
    if (askAgain) {
      for (const who of [BEN, CLEO, ANA])
        s.add({
          type: 'objection.tested',
          objectionId: s.responseOf(who),
          verdict: 'concern',
          by: FACILITATOR,
        });
    }
    return s.move('objections', 'consent');
  }

  /** The election as this viewer's screen reads it: the meeting's item, seated with its people. */
  viewFor(viewer: Viewer): Seated<ElectionView> {
    const meeting = reduceMeetingLog(this.events.map((e) => eventFor(e, viewer)));
    const view = currentItem(meeting);
    if (view?.kind !== 'election') throw new Error('the script did not make an election');
    return seated(meeting, view);
  }
}
