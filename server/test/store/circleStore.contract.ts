/**
 * The circle half of the event store contract (S3, R3, E5, search): every engine keeps the same
 * circles, registers and index, projected inside `append`. Run from describeEventStoreContract.
 */
import { randomUUID } from 'node:crypto';
import type { Circle } from '@circlewise/shared/circles';
import type { Agreed, EventBody, MeetingEvent } from '@circlewise/shared/events';
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateCommandError, type EventStore } from '../../src/store/eventStore';

export function describeCircleStoreContract(engine: string, open: () => EventStore): void {
  describe(`circle store contract: ${engine}`, () => {
    let store: EventStore;
    afterEach(() => store?.close());

    function circle(name: string, keyHash = `key-${name}`): Circle {
      const c: Circle = {
        id: randomUUID(),
        name,
        aim: `${name}'s aim`,
        reviewMonths: 6,
        members: ['Ana', 'Ben'],
        createdAt: 1,
      };
      store.createCircle(c, keyHash);
      return c;
    }

    /** A meeting (in `circleId`, if given) and a way to append one command's events to it. */
    function meeting(circleId: string | null, title = 'Weekly', code = randomCode()) {
      const id = randomUUID();
      let seq = 1;
      store.createMeeting(
        { id, code, createdAt: 10, closedAt: null, circleId },
        at(1, { type: 'meeting.created', meetingId: id, code, title }),
        { hash: `f-${id}`, role: 'facilitator', participantId: null },
      );
      return {
        id,
        code,
        append(...bodies: EventBody[]): MeetingEvent[] {
          const commandId = randomUUID();
          const events = bodies.map((b) => at(++seq, b, commandId));
          store.append(id, commandId, events);
          return events;
        },
      };
    }

    const agreed = (over: Partial<Agreed> = {}): Agreed => ({
      title: 'Shared lunch',
      driver: 'We skip lunch.',
      text: 'Lunch together at noon.',
      concerns: ['Ben: noon is early'],
      ...over,
    });
    const adopted = (a: Agreed, reviewDate = '2025-07-01'): EventBody => ({
      type: 'outcome.recorded',
      outcome: 'adopted',
      version: 1,
      reviewDate,
      agreed: a,
    });

    it('[S3] a circle is found by its key hash; a rotated key finds nothing at once, the new one does', () => {
      store = open();
      const a = circle('A', 'hash-a');
      expect(store.circleByKeyHash('hash-a')).toEqual(a);
      expect(store.circleById(a.id)).toEqual(a);
      store.rotateCircleKey(a.id, 'hash-a2');
      expect(store.circleByKeyHash('hash-a')).toBeUndefined();
      expect(store.circleByKeyHash('hash-a2')).toEqual(a);
      expect(store.circleByKeyHash('nope')).toBeUndefined();
    });

    it('[S3] a keeper key hash is kept apart from the member key, and a rotation can set one', () => {
      store = open();
      const kept = { ...circle('Kept', 'hash-k'), id: randomUUID() };
      store.createCircle(kept, 'hash-k2', 'keeper-k');
      expect(store.circleKeeperHash(kept.id)).toBe('keeper-k');
      expect(store.circleByKeyHash('keeper-k')).toBeUndefined();
      store.rotateCircleKey(kept.id, 'hash-k3');
      expect(store.circleKeeperHash(kept.id)).toBe('keeper-k');
      // A circle made before keeper keys has none until its rotation gives it one.
      const old = circle('Old', 'hash-o');
      expect(store.circleKeeperHash(old.id)).toBeNull();
      store.rotateCircleKey(old.id, 'hash-o2', 'keeper-o');
      expect(store.circleKeeperHash(old.id)).toBe('keeper-o');
      expect(store.circleByKeyHash('hash-o2')?.id).toBe(old.id);
    });

    it('[S3] a circle’s details change as given, the rest stay, and no other circle changes', () => {
      store = open();
      const a = circle('A', 'hash-a');
      const b = circle('B', 'hash-b');
      const renamed = { ...a, name: 'A renamed', members: ['Ana', 'Cleo', 'Dan'] };
      expect(store.updateCircle(a.id, { name: 'A renamed', members: ['Ana', 'Cleo', 'Dan'] })).toEqual(
        renamed,
      );
      expect(store.circleByKeyHash('hash-a')).toEqual(renamed);
      // An empty aim and an empty member list are changes too, not "leave as it is".
      const emptied = { ...renamed, aim: '', reviewMonths: 3, members: [] };
      expect(store.updateCircle(a.id, { aim: '', reviewMonths: 3, members: [] })).toEqual(emptied);
      expect(store.circleById(a.id)).toEqual(emptied);
      expect(store.updateCircle(a.id, {})).toEqual(emptied);
      expect(store.circleById(b.id)).toEqual(b);
      expect(store.updateCircle('no-such-circle', { name: 'X' })).toBeUndefined();
    });

    it('[T1] keeps a circle’s default timeboxes per stage, and changes them only when given', () => {
      store = open();
      const plain = circle('Plain');
      expect(store.circleById(plain.id)?.timeboxMinutes).toBeUndefined();
      const timed: Circle = { ...circle('Timed'), id: randomUUID(), timeboxMinutes: { clarifying: 7 } };
      store.createCircle(timed, 'hash-timed');
      expect(store.circleById(timed.id)).toEqual(timed);
      expect(store.updateCircle(timed.id, { name: 'Timed 2' })?.timeboxMinutes).toEqual({ clarifying: 7 });
      expect(
        store.updateCircle(timed.id, { timeboxMinutes: { open: 3, consent: 2 } })?.timeboxMinutes,
      ).toEqual({
        open: 3,
        consent: 2,
      });
    });

    it('[S3] a meeting belongs to its circle only; one outside any circle to none', () => {
      store = open();
      const a = circle('A');
      const b = circle('B');
      const inA = meeting(a.id, 'Budget');
      const inB = meeting(b.id);
      const outside = meeting(null);
      expect(store.circleMeetings(a.id)).toEqual([
        expect.objectContaining({
          id: inA.id,
          code: inA.code,
          title: 'Budget',
          closedAt: null,
          circleId: a.id,
        }),
      ]);
      expect(store.circleMeetings(b.id).map((m) => m.id)).toEqual([inB.id]);
      expect(store.meetingById(inA.id)?.circleId).toBe(a.id);
      expect(store.meetingById(outside.id)?.circleId ?? null).toBeNull();
    });

    it('[R3] an adoption in a circle meeting enters the register; one outside any circle does not', () => {
      store = open();
      const a = circle('A');
      const m = meeting(a.id);
      const [outcome] = m.append(adopted(agreed()));
      meeting(null).append(adopted(agreed({ title: 'Elsewhere' })));
      expect(store.agreements(a.id)).toEqual([
        {
          id: expect.any(String),
          circleId: a.id,
          meetingId: m.id,
          meetingCode: m.code,
          title: 'Shared lunch',
          driver: 'We skip lunch.',
          text: 'Lunch together at noon.',
          concerns: ['Ben: noon is early'],
          adoptedAt: outcome!.at,
          reviewDate: '2025-07-01',
          status: 'active',
          reviews: [],
        },
      ]);
      const id = store.agreements(a.id)[0]!.id;
      expect(store.agreement(a.id, id)?.title).toBe('Shared lunch');
    });

    it('[R3] a review keeps, evolves or drops the agreement and adds a review row', () => {
      store = open();
      const a = circle('A');
      meeting(a.id).append(adopted(agreed()));
      const id = store.agreements(a.id)[0]!.id;

      const keep = meeting(a.id, 'Review 1');
      keep.append(adopted(agreed({ reviewOf: id, review: 'keep' }), '2026-01-01'));
      const evolve = meeting(a.id, 'Review 2');
      evolve.append(
        adopted(
          agreed({ reviewOf: id, review: 'evolve', text: 'Lunch at one.', concerns: [] }),
          '2026-07-01',
        ),
      );
      expect(store.agreement(a.id, id)).toMatchObject({
        text: 'Lunch at one.',
        concerns: [],
        reviewDate: '2026-07-01',
        status: 'active',
        reviews: [
          { result: 'keep', meetingCode: keep.code, reviewDate: '2026-01-01', at: expect.any(Number) },
          { result: 'evolve', meetingCode: evolve.code, reviewDate: '2026-07-01', at: expect.any(Number) },
        ],
      });

      const drop = meeting(a.id, 'Review 3');
      drop.append(adopted(agreed({ reviewOf: id, review: 'drop', text: 'Lunch at one.' }), '2027-01-01'));
      const dropped = store.agreement(a.id, id)!;
      expect(dropped).toMatchObject({ status: 'dropped', reviewDate: null });
      expect(dropped.reviews.at(-1)).toEqual({
        result: 'drop',
        meetingCode: drop.code,
        at: expect.any(Number),
      });
      // A review is no new agreement.
      expect(store.agreements(a.id)).toHaveLength(1);
    });

    it("[S3] a review naming another circle's agreement leaves that agreement alone", () => {
      store = open();
      const a = circle('A');
      const b = circle('B');
      meeting(b.id).append(adopted(agreed({ title: 'B rule' })));
      const theirs = store.agreements(b.id)[0]!;
      const m = meeting(a.id);
      m.append(adopted(agreed({ title: 'Drop theirs', reviewOf: theirs.id, review: 'drop' })));
      m.append(adopted(agreed({ title: 'Our own', reviewOf: theirs.id, review: 'evolve' })));
      expect(store.agreements(b.id)).toEqual([theirs]);
      expect(store.agreement(a.id, theirs.id)).toBeUndefined();
      // What A consented to is A's own agreement; a drop of what A never had records nothing.
      expect(store.agreements(a.id).map((x) => x.title)).toEqual(['Our own']);
    });

    it('[E5] a role elected in a circle meeting is in that circle’s role register', () => {
      store = open();
      const a = circle('A');
      const b = circle('B');
      const m = meeting(a.id, 'Election');
      m.append({
        type: 'election.recorded',
        outcome: 'elected',
        version: 1,
        electedId: 'p1',
        electedName: 'Ana',
        role: 'Secretary',
        termStart: '2025-03-01',
        termEnd: '2026-02-28',
      });
      expect(store.circleRoles(a.id)).toEqual([
        expect.objectContaining({
          role: 'Secretary',
          person: 'Ana',
          termStart: '2025-03-01',
          termEnd: '2026-02-28',
          meetingCode: m.code,
          meetingId: m.id,
        }),
      ]);
      expect(store.circleRoles(b.id)).toEqual([]);
    });

    it('[A6] search finds public text, never a sealed reaction before its reveal', () => {
      store = open();
      const a = circle('A');
      const m = meeting(a.id, 'Lunch meeting');
      m.append({
        type: 'question.asked',
        questionId: 'q1',
        participantId: 'p1',
        text: 'Is the canteen open?',
        version: 1,
      });
      m.append({
        type: 'reaction.given',
        participantId: 'p1',
        version: 1,
        sealed: true,
        text: 'Marzipan forever',
      });
      expect(store.search(a.id, 'marzipan', 50)).toEqual([]);
      expect(store.search(a.id, 'canteen', 50)).toEqual([
        {
          kind: 'minutes',
          meetingCode: m.code,
          title: 'Lunch meeting',
          snippet: 'Is the [canteen] open?',
          at: expect.any(Number),
        },
      ]);
      m.append({
        type: 'responses.revealed',
        stage: 'reactions',
        reactions: [{ participantId: 'p1', text: 'Marzipan forever' }],
        responses: [],
      });
      expect(store.search(a.id, 'marzipan', 50).map((h) => h.snippet)).toEqual(['[Marzipan] forever']);
      m.append({
        type: 'response.given',
        responseId: 'r1',
        participantId: 'p2',
        stage: 'objections',
        version: 1,
        sealed: true,
        kind: 'concern',
        reason: 'Quokka risk',
      });
      expect(store.search(a.id, 'quokka', 50)).toEqual([]);
    });

    it('[S3] search finds agreements of its own circle only, and takes any text as plain words', () => {
      store = open();
      const a = circle('A');
      const b = circle('B');
      meeting(a.id).append(adopted(agreed({ text: 'Bicycles are parked in the yard.' })));
      meeting(b.id).append(adopted(agreed({ text: 'Bicycles are parked in the hall.' })));
      const hits = store.search(a.id, 'bicycles', 50);
      expect(hits).toEqual([
        expect.objectContaining({
          kind: 'agreement',
          title: 'Shared lunch',
          agreementId: store.agreements(a.id)[0]!.id,
        }),
      ]);
      expect(hits[0]!.snippet).toContain('[Bicycles]');
      // Prefix on the last word; FTS5 syntax is just text.
      expect(store.search(a.id, 'bicyc', 50)).toHaveLength(1);
      for (const q of ['"foo* AND (', 'NEAR(a b)', 'title:x', '^', '"', '*', 'a OR', '   ']) {
        expect(() => store.search(a.id, q, 50)).not.toThrow();
      }
      expect(store.search(a.id, '"bicycles" AND (', 50)).toEqual([]);
    });

    it('[A2] a refused append leaves no agreement and nothing in the index', () => {
      store = open();
      const a = circle('A');
      const m = meeting(a.id);
      const commandId = randomUUID();
      store.append(m.id, commandId, [
        at(
          2,
          { type: 'question.asked', questionId: 'q', participantId: 'p', text: 'Walrus?', version: 1 },
          commandId,
        ),
      ]);
      expect(() =>
        store.append(m.id, commandId, [at(3, adopted(agreed({ text: 'Narwhal rule.' })), commandId)]),
      ).toThrow(DuplicateCommandError);
      expect(store.agreements(a.id)).toEqual([]);
      expect(store.search(a.id, 'narwhal', 50)).toEqual([]);
      expect(store.search(a.id, 'walrus', 50)).toHaveLength(1);
    });
  });
}

/** An event as the log holds it: at a seq, a second apart. */
function at(seq: number, body: EventBody, commandId: string = randomUUID()): MeetingEvent {
  const by = body.type === 'meeting.created' ? 'facilitator' : 'p1';
  return { ...body, by, seq, at: 1000 + seq, commandId } as MeetingEvent;
}

function randomCode(): string {
  return randomUUID().slice(0, 6).toUpperCase();
}
