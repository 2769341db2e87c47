/**
 * The SQLite side of circles (S3, R3, E5): the circle table, its registers and its search index.
 * `project` runs inside `append`'s transaction, so the agreement register and the search index
 * move with the log: an event is in both or in neither.
 */
import { createHash } from 'node:crypto';
import type { AgreementReview, Circle, SearchHit } from '@circlewise/shared/circles';
import type { ReviewResult } from '@circlewise/shared/constants';
import type { Agreed, EventOf, MeetingEvent } from '@circlewise/shared/events';
import type { TimeboxMinutes } from '@circlewise/shared/timebox';
import type Database from 'better-sqlite3';
import type { AgreementRecord, CircleMeetingRecord, CircleRoleRecord, EventStore } from './eventStore';
import { ftsQuery } from './ftsQuery';
import { agreementText, searchableText } from './searchText';
import type { MeetingRow, RoleRow } from './sqliteRows';

type CircleMethods = Pick<
  EventStore,
  | 'createCircle'
  | 'circleByKeyHash'
  | 'circleById'
  | 'rotateCircleKey'
  | 'circleKeeperHash'
  | 'updateCircle'
  | 'circleMeetings'
  | 'agreements'
  | 'agreement'
  | 'circleRoles'
  | 'search'
>;

export interface SqliteCircles extends CircleMethods {
  /** Writes what the events add to their circle's registers and index; call inside the append. */
  project(meetingId: string, events: readonly MeetingEvent[]): void;
}

interface CircleRow {
  id: string;
  name: string;
  aim: string;
  review_months: number;
  members: string;
  created_at: number;
  /** T1: JSON of the default timebox minutes per stage; NULL: none set. */
  timebox_minutes: string | null;
}

interface AgreementRow {
  id: string;
  circle_id: string;
  meeting_id: string;
  code: string;
  title: string;
  driver: string;
  text: string;
  concerns: string;
  adopted_at: number;
  review_date: string | null;
  status: 'active' | 'dropped';
  responsible: string | null;
  evaluation: string | null;
}

interface ReviewRow {
  agreement_id: string;
  at: number;
  result: ReviewResult;
  code: string;
  review_date: string | null;
}

/** A meeting with its title, as the circle's list shows it. */
type CircleMeetingRow = MeetingRow & { title: string };

/** A role with the code of the meeting that elected it. */
type CircleRoleRow = RoleRow & { code: string };

interface HitRow {
  kind: 'minutes' | 'agreement';
  agreement_id: string | null;
  at: number;
  snippet: string;
  code: string;
  title: string;
}

/** Each meeting's first event holds its title. */
const TITLE = "COALESCE(json_extract(first.body, '$.title'), '')";
const FIRST = 'LEFT JOIN events first ON first.meeting_id = m.id AND first.seq = 1';

export function sqliteCircles(db: Database.Database): SqliteCircles {
  const q = {
    insertCircle: db.prepare(
      'INSERT INTO circles (id, name, aim, review_months, members, created_at, member_key_hash, timebox_minutes, keeper_key_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    circleByKeyHash: db.prepare<[string], CircleRow>('SELECT * FROM circles WHERE member_key_hash = ?'),
    circleById: db.prepare<[string], CircleRow>('SELECT * FROM circles WHERE id = ?'),
    rotate: db.prepare(
      'UPDATE circles SET member_key_hash = ?, keeper_key_hash = COALESCE(?, keeper_key_hash) WHERE id = ?',
    ),
    keeperHash: db.prepare<[string], { keeper_key_hash: string | null }>(
      'SELECT keeper_key_hash FROM circles WHERE id = ?',
    ),
    // A detail given as NULL is left as it is: only what the member changed is written.
    update: db.prepare(
      'UPDATE circles SET name = COALESCE(?, name), aim = COALESCE(?, aim), review_months = COALESCE(?, review_months), members = COALESCE(?, members), timebox_minutes = COALESCE(?, timebox_minutes) WHERE id = ?',
    ),
    meetingCircle: db.prepare<[string], { circle_id: string | null }>(
      'SELECT circle_id FROM meetings WHERE id = ?',
    ),
    circleMeetings: db.prepare<[string], CircleMeetingRow>(
      `SELECT m.*, ${TITLE} AS title FROM meetings m ${FIRST} WHERE m.circle_id = ? ORDER BY m.created_at DESC, m.rowid DESC`,
    ),
    agreements: db.prepare<[string], AgreementRow>(
      'SELECT a.*, m.code FROM agreements a JOIN meetings m ON m.id = a.meeting_id WHERE a.circle_id = ? ORDER BY a.adopted_at, a.rowid',
    ),
    agreement: db.prepare<[string, string], AgreementRow>(
      'SELECT a.*, m.code FROM agreements a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ? AND a.circle_id = ?',
    ),
    reviewsOfCircle: db.prepare<[string], ReviewRow>(
      'SELECT r.agreement_id, r.at, r.result, r.review_date, m.code FROM agreement_reviews r JOIN agreements a ON a.id = r.agreement_id JOIN meetings m ON m.id = r.meeting_id WHERE a.circle_id = ? ORDER BY r.at, r.rowid',
    ),
    reviewsOf: db.prepare<[string], ReviewRow>(
      'SELECT r.agreement_id, r.at, r.result, r.review_date, m.code FROM agreement_reviews r JOIN meetings m ON m.id = r.meeting_id WHERE r.agreement_id = ? ORDER BY r.at, r.rowid',
    ),
    insertAgreement: db.prepare(
      "INSERT INTO agreements (id, circle_id, meeting_id, title, driver, text, concerns, adopted_at, review_date, status, responsible, evaluation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
    ),
    updateAgreement: db.prepare(
      'UPDATE agreements SET title = ?, driver = ?, text = ?, concerns = ?, review_date = ?, status = ?, responsible = ?, evaluation = ? WHERE id = ?',
    ),
    insertReview: db.prepare(
      'INSERT INTO agreement_reviews (agreement_id, at, result, meeting_id, review_date) VALUES (?, ?, ?, ?, ?)',
    ),
    circleRoles: db.prepare<[string], CircleRoleRow>(
      'SELECT r.*, m.code FROM roles r JOIN meetings m ON m.id = r.meeting_id WHERE m.circle_id = ? ORDER BY r.elected_at DESC',
    ),
    index: db.prepare(
      'INSERT INTO search (body, circle_id, meeting_id, kind, title, at, agreement_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    unindexAgreement: db.prepare("DELETE FROM search WHERE kind = 'agreement' AND agreement_id = ?"),
    search: db.prepare<[string, string, number], HitRow>(
      `SELECT s.kind, s.agreement_id, s.at, snippet(search, 0, '[', ']', '…', 16) AS snippet, m.code,
              COALESCE(s.title, ${TITLE}) AS title
       FROM search s JOIN meetings m ON m.id = s.meeting_id ${FIRST}
       WHERE search MATCH ? AND s.circle_id = ?
       ORDER BY s.rank LIMIT ?`,
    ),
  };

  function recordAgreement(
    circleId: string,
    meetingId: string,
    e: EventOf<'outcome.recorded'>,
    agreed: Agreed,
  ) {
    const concerns = JSON.stringify(agreed.concerns);
    // S3: a review names an agreement of this circle, or it reviews nothing.
    const reviewed = agreed.reviewOf ? q.agreement.get(agreed.reviewOf, circleId) : undefined;
    if (reviewed) {
      const result: ReviewResult =
        agreed.review ??
        (reviewed.text === agreed.text && reviewed.driver === agreed.driver ? 'keep' : 'evolve');
      const dropped = result === 'drop';
      const reviewDate = dropped ? null : (e.reviewDate ?? null);
      // Who is responsible and the evaluation criteria, field by field: a review (keep, evolve or
      // drop) that gives one replaces it; one that gives none keeps the agreement's. The review
      // starts from the agreement's text only, so an empty field there means "not restated",
      // not "no one is responsible any more".
      const responsible = agreed.responsible ?? reviewed.responsible;
      const evaluation = agreed.evaluation ?? reviewed.evaluation;
      q.updateAgreement.run(
        agreed.title,
        agreed.driver,
        agreed.text,
        concerns,
        reviewDate,
        dropped ? 'dropped' : 'active',
        responsible,
        evaluation,
        reviewed.id,
      );
      q.insertReview.run(reviewed.id, e.at, result, meetingId, reviewDate);
      q.unindexAgreement.run(reviewed.id);
      q.index.run(
        agreementText({
          ...agreed,
          ...(responsible !== null && { responsible }),
          ...(evaluation !== null && { evaluation }),
        }),
        circleId,
        reviewed.meeting_id,
        'agreement',
        agreed.title,
        e.at,
        reviewed.id,
      );
      return;
    }
    // A review of an agreement this circle does not have: there is nothing to drop; anything
    // else the circle consented to is an agreement of its own.
    if (agreed.reviewOf && agreed.review === 'drop') return;
    const id = agreementId(meetingId, e.seq);
    q.insertAgreement.run(
      id,
      circleId,
      meetingId,
      agreed.title,
      agreed.driver,
      agreed.text,
      concerns,
      e.at,
      e.reviewDate ?? null,
      agreed.responsible ?? null,
      agreed.evaluation ?? null,
    );
    q.index.run(agreementText(agreed), circleId, meetingId, 'agreement', agreed.title, e.at, id);
  }

  const toCircle = (r: CircleRow | undefined): Circle | undefined =>
    r && {
      id: r.id,
      name: r.name,
      aim: r.aim,
      reviewMonths: r.review_months,
      members: JSON.parse(r.members) as string[],
      createdAt: r.created_at,
      ...(r.timebox_minutes !== null && { timeboxMinutes: JSON.parse(r.timebox_minutes) as TimeboxMinutes }),
    };

  const toReview = (r: ReviewRow): AgreementReview => ({
    at: r.at,
    result: r.result,
    meetingCode: r.code,
    ...(r.review_date !== null && { reviewDate: r.review_date }),
  });

  const toAgreement = (r: AgreementRow, reviews: AgreementReview[]): AgreementRecord => ({
    id: r.id,
    circleId: r.circle_id,
    meetingId: r.meeting_id,
    meetingCode: r.code,
    title: r.title,
    driver: r.driver,
    text: r.text,
    concerns: JSON.parse(r.concerns) as string[],
    adoptedAt: r.adopted_at,
    reviewDate: r.review_date,
    status: r.status,
    ...(r.responsible !== null && { responsible: r.responsible }),
    ...(r.evaluation !== null && { evaluation: r.evaluation }),
    reviews,
  });

  return {
    project(meetingId, events) {
      const circleId = q.meetingCircle.get(meetingId)?.circle_id;
      if (!circleId) return;
      for (const e of events) {
        const text = searchableText(e);
        if (text) q.index.run(text, circleId, meetingId, 'minutes', null, e.at, null);
        if (e.type === 'outcome.recorded' && e.outcome === 'adopted' && e.agreed) {
          recordAgreement(circleId, meetingId, e, e.agreed);
        }
      }
    },
    createCircle(c, hash, keeperHash) {
      q.insertCircle.run(
        c.id,
        c.name,
        c.aim,
        c.reviewMonths,
        JSON.stringify(c.members),
        c.createdAt,
        hash,
        c.timeboxMinutes ? JSON.stringify(c.timeboxMinutes) : null,
        keeperHash ?? null,
      );
    },
    circleByKeyHash: (hash) => toCircle(q.circleByKeyHash.get(hash)),
    circleById: (id) => toCircle(q.circleById.get(id)),
    rotateCircleKey(circleId, hash, keeperHash) {
      q.rotate.run(hash, keeperHash ?? null, circleId);
    },
    circleKeeperHash: (circleId) => q.keeperHash.get(circleId)?.keeper_key_hash ?? null,
    updateCircle(circleId, changes) {
      q.update.run(
        changes.name ?? null,
        changes.aim ?? null,
        changes.reviewMonths ?? null,
        changes.members ? JSON.stringify(changes.members) : null,
        changes.timeboxMinutes ? JSON.stringify(changes.timeboxMinutes) : null,
        circleId,
      );
      return toCircle(q.circleById.get(circleId));
    },
    circleMeetings: (circleId) =>
      q.circleMeetings.all(circleId).map(
        (r): CircleMeetingRecord => ({
          id: r.id,
          code: r.code,
          createdAt: r.created_at,
          closedAt: r.closed_at,
          circleId: r.circle_id,
          title: r.title,
        }),
      ),
    agreements(circleId) {
      const reviews = new Map<string, AgreementReview[]>();
      for (const r of q.reviewsOfCircle.all(circleId)) {
        reviews.set(r.agreement_id, [...(reviews.get(r.agreement_id) ?? []), toReview(r)]);
      }
      return q.agreements.all(circleId).map((r) => toAgreement(r, reviews.get(r.id) ?? []));
    },
    agreement(circleId, id) {
      const r = q.agreement.get(id, circleId);
      return r && toAgreement(r, q.reviewsOf.all(r.id).map(toReview));
    },
    circleRoles: (circleId) =>
      q.circleRoles.all(circleId).map(
        (r): CircleRoleRecord => ({
          meetingId: r.meeting_id,
          meetingCode: r.code,
          role: r.role,
          participantId: r.participant_id,
          person: r.person,
          termStart: r.term_start,
          termEnd: r.term_end,
          electedAt: r.elected_at,
        }),
      ),
    search(circleId, words, limit) {
      const match = ftsQuery(words);
      if (!match) return [];
      return q.search.all(match, circleId, limit).map(
        (r): SearchHit => ({
          kind: r.kind,
          meetingCode: r.code,
          title: r.title,
          snippet: r.snippet,
          at: r.at,
          ...(r.agreement_id !== null && { agreementId: r.agreement_id }),
        }),
      );
    },
  };
}

/**
 * An agreement's id, made from the event that adopted it: the same on every replay of the log,
 * so a review's `reviewOf` still names it if the register is ever rebuilt.
 */
export function agreementId(meetingId: string, seq: number): string {
  return createHash('sha256').update(`${meetingId}:${seq}`).digest('hex').slice(0, 32);
}
