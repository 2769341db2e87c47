/**
 * A circle's registers through the real server (R3, E5): decisions adopted in its meetings, over
 * real sockets, enter the agreement register; due agreements come first; a review put on the
 * agenda in one step keeps, evolves or drops the agreement; elections fill the role register.
 */

import type { ReviewScheduled, SearchHit } from '@circlewise/shared/circles';
import { defaultReviewDate } from '@circlewise/shared/dates';
import type { MeetingMinutes } from '@circlewise/shared/meetingMinutes';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server';
import {
  adopt,
  type CircleMeeting,
  call,
  createCircle,
  daysFromToday,
  expectRefusal,
  joinMeeting,
  openCircleMeeting,
  overview,
} from './circleSupport';
import { advance, expectError, ok, pid, withServer } from './helpers';

let server: TestServer;
withServer({ set: (s) => (server = s), current: () => server });

const LUNCH = { title: 'Shared lunch', driver: 'We skip lunch.', text: 'We lunch together at noon.' };

async function adoptIn(key: string, proposal: typeof LUNCH, extra: Parameters<typeof adopt>[1] = {}) {
  const m = await openCircleMeeting(server, key, ['Ana', 'Ben', 'Cleo'], proposal.title);
  await adopt(m, { proposal, ...extra });
  return m;
}

async function scheduleReview(key: string, agreementId: string) {
  const answer = await call<ReviewScheduled>(
    server,
    'POST',
    `/api/circle/agreements/${agreementId}/review`,
    undefined,
    key,
  );
  expect(answer.status, answer.text).toBe(201);
  return answer.json;
}

describe('R3 the agreement register', () => {
  it('[R3] a decision adopted in a circle meeting appears with driver, text, concerns, review date and its meeting', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen', reviewMonths: 3 });
    const before = Date.now();
    const m = await adoptIn(memberKey, LUNCH, { concern: 'Noon is early for the late shift.' });
    const { agreements, meetings } = await overview(server, memberKey);
    expect(agreements).toEqual([
      {
        id: expect.any(String),
        ...LUNCH,
        concerns: ['Ana: Noon is early for the late shift.'],
        adoptedAt: expect.any(Number),
        // C9: the circle's review period, three months, when the facilitator gives no date.
        reviewDate: expect.toBeOneOf([defaultReviewDate(before, 3), defaultReviewDate(Date.now(), 3)]),
        status: 'active',
        due: 'later',
        meetingCode: m.meeting.code,
        reviews: [],
      },
    ]);
    expect(meetings).toEqual([
      {
        code: m.meeting.code,
        title: 'Shared lunch',
        createdAt: expect.any(Number),
        closedAt: expect.any(Number),
      },
    ]);
  });

  it('[R3] overdue agreements come first, then those due within 30 days, then later ones; dropped last', async () => {
    const { memberKey } = await createCircle(server, { name: 'Garden' });
    const dates = {
      later: daysFromToday(200),
      overdue: daysFromToday(-3),
      due: daysFromToday(10),
      older: daysFromToday(-40),
    };
    for (const [name, reviewDate] of Object.entries(dates)) {
      await adoptIn(memberKey, { ...LUNCH, title: name }, { reviewDate });
    }
    const dropping = (await overview(server, memberKey)).agreements.find((a) => a.title === 'older')!;
    const review = await scheduleReview(memberKey, dropping.id);
    await adopt(await joinReview(review, ['Ana']), { review: 'drop' });

    const { agreements } = await overview(server, memberKey);
    expect(agreements.map((a) => [a.title, a.due, a.status])).toEqual([
      ['overdue', 'overdue', 'active'],
      ['due', 'due', 'active'],
      ['later', 'later', 'active'],
      ['older', 'none', 'dropped'],
    ]);
    expect(agreements.map((a) => a.reviewDate)).toEqual([dates.overdue, dates.due, dates.later, null]);
  });
});

async function search(key: string, q: string): Promise<SearchHit[]> {
  const answer = await call<{ hits: SearchHit[] }>(
    server,
    'GET',
    `/api/circle/search?q=${encodeURIComponent(q)}`,
    undefined,
    key,
  );
  expect(answer.status, answer.text).toBe(200);
  return answer.json.hits;
}

describe('R3 who is responsible and the evaluation criteria', () => {
  const RESPONSIBLE = 'Marguerite books the table';
  const EVALUATION = 'Half the team lunches together weekly by June; checked in the retrospective.';

  it('[R3] adopted with who is responsible and evaluation criteria over real sockets: in the register, found by search, in the minutes', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen' });
    const m = await adoptIn(memberKey, LUNCH, { responsible: RESPONSIBLE, evaluation: EVALUATION });
    // Every screen has them in the outcome.
    for (const c of m.everyone)
      expect(c.view?.outcome).toMatchObject({ responsible: RESPONSIBLE, evaluation: EVALUATION });

    const [agreement] = (await overview(server, memberKey)).agreements;
    expect(agreement).toMatchObject({ ...LUNCH, responsible: RESPONSIBLE, evaluation: EVALUATION });

    // Found by a word of each, as the agreement (not just the minutes).
    for (const word of ['Marguerite', 'retrospective']) {
      const hits = await search(memberKey, word);
      expect(hits, word).toContainEqual(
        expect.objectContaining({ kind: 'agreement', agreementId: agreement!.id, title: LUNCH.title }),
      );
    }

    // The minutes say them just under the outcome line, and in the JSON's outcome.
    const base = `/api/circle/meetings/${m.meeting.code}`;
    const md = await call(server, 'GET', `${base}/minutes.md`, undefined, memberKey);
    expect(md.status).toBe(200);
    expect(md.text).toMatch(
      /\*\*Outcome: Adopted\*\* \(version 1\), review by [^\n]+\n\n\*\*Responsible:\*\* Marguerite books the table\n\n\*\*Evaluation criteria:\*\* Half the team lunches together weekly by June; checked in the retrospective\.\n/,
    );
    const json = await call<MeetingMinutes>(server, 'GET', `${base}/minutes.json`, undefined, memberKey);
    expect(json.status).toBe(200);
    expect(json.json.items[0]?.minutes).toMatchObject({
      outcome: { outcome: 'adopted', responsible: RESPONSIBLE, evaluation: EVALUATION },
    });
  });

  it('[R3] a review that gives none keeps them; one that gives one replaces that one only', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen' });
    await adoptIn(memberKey, LUNCH, { responsible: RESPONSIBLE, evaluation: EVALUATION });
    const id = (await overview(server, memberKey)).agreements[0]!.id;

    await adopt(await joinReview(await scheduleReview(memberKey, id), ['Ana']), {
      amend: 'We lunch together at one.',
    });
    let agreement = (await overview(server, memberKey)).agreements[0]!;
    expect(agreement).toMatchObject({
      text: 'We lunch together at one.',
      responsible: RESPONSIBLE,
      evaluation: EVALUATION,
    });
    expect(agreement.reviews.map((r) => r.result)).toEqual(['evolve']);
    // Still found as it now stands: the review re-indexed the agreement with what it kept.
    expect(await search(memberKey, 'retrospective')).toContainEqual(
      expect.objectContaining({ kind: 'agreement', agreementId: id }),
    );

    await adopt(await joinReview(await scheduleReview(memberKey, id), ['Ana']), {
      responsible: 'Ana and Ben take turns',
    });
    agreement = (await overview(server, memberKey)).agreements[0]!;
    expect(agreement).toMatchObject({ responsible: 'Ana and Ben take turns', evaluation: EVALUATION });
    const marguerite = await search(memberKey, 'Marguerite');
    expect(marguerite.filter((h) => h.kind === 'agreement')).toEqual([]);
  });

  it('[R3] sent with another outcome, they are refused with invalid_payload and nothing is recorded', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen' });
    const m = await openCircleMeeting(server, memberKey, ['Ana'], LUNCH.title);
    ok(await m.facilitator.command({ type: 'proposal.edit', ...LUNCH }));
    await advance(m.facilitator, 'proposal');
    const before = m.facilitator.view?.seq;
    const error = expectError(
      await m.facilitator.command({ type: 'outcome.record', outcome: 'withdrawn', responsible: RESPONSIBLE }),
      'invalid_payload',
    );
    expect(error.message).toContain('belong to an adopted agreement');
    for (const [field, value] of [
      ['responsible', ' '],
      ['evaluation', 'x'.repeat(5001)],
    ] as const) {
      expectError(
        await m.facilitator.command({ type: 'outcome.record', outcome: 'adopted', [field]: value }),
        'invalid_payload',
      );
    }
    await m.sync();
    expect(m.facilitator.view?.seq).toBe(before);
    expect(m.facilitator.view?.outcome).toBeUndefined();
    expect((await overview(server, memberKey)).agreements).toEqual([]);
  });
});

/** Joins the meeting a review was put in when it was made for the review (its key is given). */
async function joinReview(review: ReviewScheduled, names: string[]): Promise<CircleMeeting> {
  expect(review.facilitatorKey).toEqual(expect.any(String));
  const meetingId = server.app.meetings.byCode(review.meetingCode)!.id;
  expect(review.itemId).toBe(meetingId);
  return joinMeeting(
    server,
    { meetingId, code: review.meetingCode, facilitatorKey: review.facilitatorKey! },
    names,
  );
}

describe('R3 reviewing an agreement', () => {
  it('[R3] with no meeting open, a review makes one, pre-filled with the text; keep, evolve, drop each add a review row', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen' });
    const adopted = await adoptIn(memberKey, LUNCH, { concern: 'Noon is early.' });
    const id = (await overview(server, memberKey)).agreements[0]!.id;

    // keep: adopted as it stood.
    const first = await scheduleReview(memberKey, id);
    const keep = await joinReview(first, ['Ana', 'Ben']);
    expect(keep.facilitator.meeting?.title).toBe('Review: Shared lunch');
    expect(keep.facilitator.view?.versions).toEqual([expect.objectContaining(LUNCH)]);
    await adopt(keep, { reviewDate: daysFromToday(90) });

    // evolve: the review amends the text.
    const evolve = await joinReview(await scheduleReview(memberKey, id), ['Ana', 'Ben']);
    await adopt(evolve, { amend: 'We lunch together at one.', reviewDate: daysFromToday(180) });
    let agreement = (await overview(server, memberKey)).agreements[0]!;
    expect(agreement).toMatchObject({
      id,
      title: 'Shared lunch',
      driver: LUNCH.driver,
      text: 'We lunch together at one.',
      concerns: [],
      reviewDate: daysFromToday(180),
      status: 'active',
      meetingCode: adopted.meeting.code,
      reviews: [
        {
          result: 'keep',
          meetingCode: first.meetingCode,
          reviewDate: daysFromToday(90),
          at: expect.any(Number),
        },
        {
          result: 'evolve',
          meetingCode: evolve.meeting.code,
          reviewDate: daysFromToday(180),
          at: expect.any(Number),
        },
      ],
    });

    // drop: the facilitator records that the circle drops it.
    const drop = await joinReview(await scheduleReview(memberKey, id), ['Ana']);
    expect(drop.facilitator.view?.versions.at(-1)?.text).toBe('We lunch together at one.');
    await adopt(drop, { review: 'drop' });
    agreement = (await overview(server, memberKey)).agreements[0]!;
    expect(agreement).toMatchObject({ status: 'dropped', reviewDate: null, due: 'none' });
    expect(agreement.reviews.map((r) => r.result)).toEqual(['keep', 'evolve', 'drop']);
    expect(agreement.reviews.at(-1)).not.toHaveProperty('reviewDate');
    // Nothing left to review; and no agreement is made of a review.
    expectRefusal(
      await call(server, 'POST', `/api/circle/agreements/${id}/review`, undefined, memberKey),
      409,
      'not_allowed',
    );
    expect((await overview(server, memberKey)).agreements).toHaveLength(1);
  });

  it('[R3][M1] a review goes live onto the agenda of the circle’s open meeting; adopted there, it is recorded', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen' });
    await adoptIn(memberKey, LUNCH);
    const id = (await overview(server, memberKey)).agreements[0]!.id;
    const live = await openCircleMeeting(server, memberKey, ['Ana', 'Ben'], 'Monthly meeting');

    const review = await scheduleReview(memberKey, id);
    expect(review).toEqual({ meetingCode: live.meeting.code, itemId: expect.any(String) });
    // Everyone in the meeting sees the new item at once, pre-filled, marked as a review.
    for (const c of live.everyone) {
      const m = await c.untilMeeting((v) => v.items.some((i) => i.id === review.itemId));
      expect(m.items.find((i) => i.id === review.itemId)).toMatchObject({
        title: 'Review: Shared lunch',
        reviewOf: id,
      });
    }
    ok(await live.facilitator.command({ type: 'agenda.open', itemId: review.itemId }));
    await live.sync();
    expect(live.people[0]!.view?.versions.at(-1)).toMatchObject(LUNCH);
    await adopt(live, { reviewDate: daysFromToday(60) });
    const agreement = (await overview(server, memberKey)).agreements[0]!;
    expect(agreement.reviews).toEqual([
      {
        result: 'keep',
        meetingCode: live.meeting.code,
        reviewDate: daysFromToday(60),
        at: expect.any(Number),
      },
    ]);
    expect(agreement.reviewDate).toBe(daysFromToday(60));
  });

  it('[R3] an unknown agreement id is a 404 in the one shape', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen' });
    for (const id of ['nope', 'x'.repeat(32), '%22%3B--']) {
      expectRefusal(
        await call(server, 'POST', `/api/circle/agreements/${id}/review`, undefined, memberKey),
        404,
        'not_found',
      );
    }
  });
});

describe('E5 the role register', () => {
  it('[E5] an election in a circle meeting shows in the circle’s role register, with its term and meeting', async () => {
    const { memberKey } = await createCircle(server, { name: 'Kitchen' });
    const m = await openCircleMeeting(server, memberKey, ['Ana', 'Ben'], 'Secretary election', 'election');
    const [ana, ben] = m.people as [(typeof m.people)[0], (typeof m.people)[0]];
    const fac = m.facilitator;
    ok(
      await fac.command({
        type: 'role.set',
        role: 'Secretary',
        termStart: '2025-03-01',
        termEnd: '2026-02-28',
      }),
    );
    ok(await fac.command({ type: 'stage.advance', from: 'role' }));
    ok(await ana.command({ type: 'nomination.give', nomineeId: pid(ben), reason: 'Ben writes well.' }));
    ok(await ben.command({ type: 'nomination.give', nomineeId: pid(ben), reason: 'I would like to.' }));
    ok(await fac.command({ type: 'nominations.reveal' }));
    ok(await fac.command({ type: 'stage.advance', from: 'changes' }));
    ok(await fac.command({ type: 'candidate.propose', candidateId: pid(ben), reasons: 'Ben writes well.' }));
    ok(await fac.command({ type: 'stage.advance', from: 'proposal' }));
    for (const c of [ana, ben]) ok(await c.command({ type: 'response.give', kind: 'consent' }));
    ok(await fac.command({ type: 'responses.reveal' }));
    ok(await fac.command({ type: 'stage.advance', from: 'objections' }));
    for (const c of [ana, ben]) ok(await c.command({ type: 'response.give', kind: 'consent' }));
    ok(await fac.command({ type: 'election.record', outcome: 'elected' }));
    await m.sync();

    const { roles, agreements } = await overview(server, memberKey);
    expect(roles).toEqual([
      {
        role: 'Secretary',
        person: 'Ben',
        termStart: '2025-03-01',
        termEnd: '2026-02-28',
        electedAt: expect.any(Number),
        meetingCode: m.meeting.code,
      },
    ]);
    expect(agreements).toEqual([]);
    // Another circle's register stays empty.
    expect((await overview(server, (await createCircle(server, { name: 'Other' })).memberKey)).roles).toEqual(
      [],
    );
  });
});
