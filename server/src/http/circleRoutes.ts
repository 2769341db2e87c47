/**
 * Circles over REST (S3, R3, E5): create a circle (`POST /api/circles`), and with its member key
 * (`Authorization: Bearer <key>` on `/api/circle…`; S10: never in a path or a query) read its
 * meetings, registers and minutes, search them, change its details, hold a meeting in it, put an
 * agreement up for review. The key is the only credential and it opens this circle only: a
 * missing, wrong, malformed or rotated key gets the same 404, and a meeting or agreement of
 * another circle is answered as if it did not exist (S3). Rotating the member key also needs the
 * circle's keeper key, given once at creation (keeper.ts). Contract: shared/src/circles.ts.
 */
import { randomUUID } from 'node:crypto';
import {
  type Circle,
  type CircleCreated,
  type CircleOverview,
  createCircleMeetingSchema,
  createCircleSchema,
  type ReviewScheduled,
  updateCircleSchema,
} from '@circlewise/shared/circles';
import { normaliseCode } from '@circlewise/shared/commands';
import { LIMITS } from '@circlewise/shared/constants';
import express, { type Request, type Response, type Router } from 'express';
import { hashSecret, newSecret } from '../auth/secrets';
import { agreementRegister, roleRegister } from '../circles/register';
import type { CommandRunner } from '../commands/commandRunner';
import type { Meetings } from '../meeting/meetings';
import type { AgreementRecord } from '../store/eventStore';
import { CIRCLE_READER } from '../store/searchText';
import { invalid } from '../wire/failures';
import { bearer } from './bearer';
import { rotateWithKeeper } from './keeper';
import { sendMeetingEvents, sendMinutes } from './meetingRecord';
import { durably, sendError, sendStorageFault, sendWireError, whenDurable } from './respond';

export interface CircleRoutesOptions {
  /** Runs the server's own commands in a live meeting (a review put on its agenda). */
  runner?: CommandRunner;
  /** The clock the register's due dates are measured against (tests set it). */
  now?: () => number;
}

/** How many search hits one answer holds, best first. */
export const SEARCH_LIMIT = 50;
const MAX_QUERY = 200;

const UNKNOWN_CIRCLE = 'unknown_circle' as const;

/** A member key as newSecret makes it (base64url); anything else is not worth a lookup. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Mounted at `/api`: `POST /circles` creates; everything else is under `/circle`, the circle named
 * by the member key in the Authorization header.
 */
export function circleRoutes(meetings: Meetings, options: CircleRoutesOptions = {}): Router {
  const router = express.Router();
  const store = meetings.store;
  const now = options.now ?? Date.now;

  /** The circle this link opens, or the one refusal for every link that opens none (S3). */
  function circleOf(req: Request, res: Response) {
    const key = bearer(req) ?? '';
    const circle = KEY_SHAPE.test(key) ? store.circleByKeyHash(hashSecret(key)) : undefined;
    if (!circle) return void sendError(res, 404, 'unknown_circle', UNKNOWN_CIRCLE);
    return circle;
  }

  /** A meeting of this circle; one of another circle is refused like one that does not exist. */
  function meetingOf(req: Request, res: Response) {
    const circle = circleOf(req, res);
    if (!circle) return;
    const meeting = store.meetingByCode(normaliseCode(String(req.params.code)));
    if (!meeting || meeting.circleId !== circle.id) {
      return void sendError(res, 404, 'unknown_meeting', 'circle_has_no_such_meeting');
    }
    return meeting;
  }

  router.post(
    '/circles',
    durably(store, (req, res) => {
      const parsed = createCircleSchema.safeParse(req.body ?? {});
      if (!parsed.success) return void res.status(400).json(invalid(parsed.error));
      const memberKey = newSecret();
      const keeperKey = newSecret();
      const circleId = randomUUID();
      store.createCircle(
        { id: circleId, ...parsed.data, createdAt: now() },
        hashSecret(memberKey),
        hashSecret(keeperKey),
      );
      res.status(201).json({ circleId, memberKey, keeperKey } satisfies CircleCreated);
    }),
  );

  router.get(
    '/circle',
    durably(store, (req, res) => {
      const circle = circleOf(req, res);
      if (!circle) return;
      const overview: CircleOverview = {
        circle,
        meetings: store
          .circleMeetings(circle.id)
          .map((m) => ({ code: m.code, title: m.title, createdAt: m.createdAt, closedAt: m.closedAt })),
        agreements: agreementRegister(store.agreements(circle.id), now()),
        roles: roleRegister(store.circleRoles(circle.id)),
        hasKeeperKey: store.circleKeeperHash(circle.id) !== null,
      };
      res.json(overview);
    }),
  );

  /**
   * A member changes the circle's details: only those given, the rest stay. A new review period
   * is for meetings made from now on; each meeting keeps the one it was created with (A7).
   */
  router.patch(
    '/circle',
    durably(store, (req, res) => {
      const circle = circleOf(req, res);
      if (!circle) return;
      const parsed = updateCircleSchema.safeParse(req.body ?? {});
      if (!parsed.success) return void res.status(400).json(invalid(parsed.error));
      const updated = store.updateCircle(circle.id, parsed.data);
      if (!updated) throw new Error(`circle ${circle.id} vanished while being changed`);
      res.json(updated satisfies Circle);
    }),
  );

  /**
   * A new member key; the old one stops opening the circle before this answer leaves. Only the
   * holder of the keeper key may do it (keeper.ts), so a member cannot lock the others out.
   */
  router.post(
    '/circle/rotate',
    durably(store, (req, res) => {
      const circle = circleOf(req, res);
      if (circle) rotateWithKeeper(store, circle, req, res);
    }),
  );

  router.post(
    '/circle/meetings',
    durably(store, (req, res) => {
      const circle = circleOf(req, res);
      if (!circle) return;
      const parsed = createCircleMeetingSchema.safeParse(req.body ?? {});
      if (!parsed.success) return void res.status(400).json(invalid(parsed.error));
      const { kind } = parsed.data;
      const title = parsed.data.title ?? (kind === 'election' ? 'Role election' : 'Untitled meeting');
      res.status(201).json(meetings.create(title, kind, { circleId: circle.id }));
    }),
  );

  // R1, R2: a meeting's record, as a member who took no part reads it (A6: nothing sealed).
  router.get(
    '/circle/meetings/:code/events',
    durably(store, (req, res) => {
      const meeting = meetingOf(req, res);
      if (meeting) sendMeetingEvents(store, res, meeting, CIRCLE_READER);
    }),
  );
  for (const format of ['md', 'json'] as const) {
    router.get(
      `/circle/meetings/:code/minutes.${format}`,
      durably(store, (req, res) => {
        const meeting = meetingOf(req, res);
        if (meeting) sendMinutes(store, req, res, meeting, CIRCLE_READER, format);
      }),
    );
  }

  router.get(
    '/circle/search',
    durably(store, (req, res) => {
      const circle = circleOf(req, res);
      if (!circle) return;
      const q = req.query.q;
      if (typeof q !== 'string' || q.trim() === '') {
        return sendError(res, 400, 'invalid_payload', 'search_empty');
      }
      if (q.length > MAX_QUERY) {
        return sendError(res, 400, 'invalid_payload', 'search_too_long', { max: MAX_QUERY });
      }
      res.json({ hits: store.search(circle.id, q, SEARCH_LIMIT) });
    }),
  );

  /**
   * R3: puts an agreement on the circle's next meeting as a consent decision pre-filled with its
   * text. The next meeting is the circle's latest that is not closed, where the item is added
   * live (the gateway's pipeline: everyone in the meeting sees it); with none open, a new meeting
   * is made for the review, and its facilitator key is in the answer.
   */
  router.post(
    '/circle/agreements/:id/review',
    durably(store, (req, res) => {
      const circle = circleOf(req, res);
      if (!circle) return;
      const agreement = store.agreement(circle.id, String(req.params.id));
      if (!agreement) {
        return sendError(res, 404, 'not_found', 'no_such_agreement');
      }
      if (agreement.status === 'dropped') {
        return sendError(res, 409, 'not_allowed', 'agreement_dropped');
      }
      const title = reviewTitle(agreement);
      const proposal = { title: agreement.title, driver: agreement.driver, text: agreement.text };
      const open = store.circleMeetings(circle.id).find((m) => m.closedAt === null);
      if (!open) {
        const created = meetings.create(title, 'decision', {
          circleId: circle.id,
          reviewOf: agreement.id,
          proposal,
        });
        // The review is the new meeting's first item, whose id is the meeting's.
        const answer: ReviewScheduled = {
          meetingCode: created.code,
          itemId: created.meetingId,
          facilitatorKey: created.facilitatorKey,
        };
        return void res.status(201).json(answer);
      }
      if (!options.runner) {
        return sendError(res, 503, 'internal', 'cannot_add_to_meeting');
      }
      const commandId = randomUUID();
      const result = options.runner.run(open.id, {
        type: 'agenda.add',
        commandId,
        kind: 'decision',
        title,
        proposal,
        reviewOf: agreement.id,
      });
      if (!result.ok) {
        const { code } = result.error;
        const status = code === 'storage_full' ? 507 : code === 'storage_error' ? 503 : 409;
        return sendWireError(res, status, result.error);
      }
      const added = store
        .events(open.id, result.seq - 1)
        .find((e) => e.commandId === commandId && e.type === 'agenda.item.added');
      const itemId = added?.type === 'agenda.item.added' ? added.itemId : undefined;
      if (!itemId) throw new Error(`review of ${agreement.id}: no agenda item recorded`);
      // The item is in the log; answer once it is on disk (A1).
      whenDurable(
        store,
        () => res.status(201).json({ meetingCode: open.code, itemId } satisfies ReviewScheduled),
        // A9: its commit failed, so the item is not on the agenda after all.
        (fault) => sendStorageFault(res, fault),
      );
    }),
  );

  return router;
}

/** "Review: <title>", within the limit of a title. */
function reviewTitle(agreement: AgreementRecord): string {
  const title = `Review: ${agreement.title}`;
  return title.length <= LIMITS.title ? title : `${title.slice(0, LIMITS.title - 1)}…`;
}
