/**
 * The small REST surface: create a meeting, read a meeting's log for its minutes, export the
 * minutes, health; circles in circleRoutes.ts.
 * Errors are `{ error: { code, message } }` with a fitting status.
 */
import { createMeetingSchema, normaliseCode } from '@circlewise/shared/commands';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { viewerOf } from '../access/permissions';
import { hashSecret } from '../auth/secrets';
import type { CommandRunner } from '../commands/commandRunner';
import { logStorageFault, storageFailure } from '../commands/storageFault';
import type { Meetings } from '../meeting/meetings';
import { invalid } from '../wire/failures';
import { bearer } from './bearer';
import { circleRoutes } from './circleRoutes';
import { sendMeetingEvents, sendMinutes } from './meetingRecord';
import { sendError, sendStorageFault, whenDurable } from './respond';

const send = sendError;

/** S8: the one answer to an unknown code, a missing token and a wrong one alike. */
const NOT_OPENED = 'link_opens_no_meeting' as const;
/** Hashed in place of a missing token, so a request without one costs what any other does. */
const NO_TOKEN = 'no token given';

export interface ServerInfo {
  version: string;
}

export function apiRoutes(
  meetings: Meetings,
  info: ServerInfo,
  runner?: CommandRunner,
  /** The clock of the circle registers' due dates (tests set it). */
  now?: () => number,
): Router {
  const api = express.Router();
  api.use(express.json({ limit: '32kb' }));
  // S3, R3: circles (`POST /circles`), their registers and search (`/circle…`, opened by the
  // member key in the Authorization header; S10).
  api.use(circleRoutes(meetings, { ...(runner && { runner }), ...(now && { now }) }));

  // S8: ok and the version, nothing else: no counts, no addresses (the projector's join
  // addresses come in its join ack instead, gateway/join.ts).
  api.get('/health', (_req, res) => {
    res.json({ ok: true, version: info.version });
  });

  api.post('/meetings', (req, res) => {
    const parsed = createMeetingSchema.safeParse(req.body ?? {});
    if (!parsed.success) return void res.status(400).json(invalid(parsed.error));
    const created = meetings.create(
      parsed.data.title ?? (parsed.data.kind === 'election' ? 'Role election' : 'Untitled meeting'),
      parsed.data.kind,
    );
    res.status(201).json(created);
  });

  /**
   * Who holds this meeting's token, or a refusal already sent. S8: an unknown code and a wrong
   * token get the same answer, after the same work: the token is looked up first, whatever the
   * code, and the code in the store, so neither a status nor a shortcut says which was wrong.
   */
  function holder(req: Request, res: Response) {
    const token = bearer(req);
    const known = meetings.store.tokenByHash(hashSecret(token ?? NO_TOKEN));
    const record = meetings.store.meetingByCode(normaliseCode(String(req.params.code)));
    const opens = !!token && !!known && !!record && known.meetingId === record.id;
    // Only an authorised read brings the meeting into memory.
    const meeting = opens ? meetings.get(record.id) : undefined;
    if (!known || !meeting) return void send(res, 401, 'bad_token', NOT_OPENED);
    return {
      meeting,
      viewer: viewerOf(
        { meetingId: meeting.id, role: known.role, participantId: known.participantId },
        meeting,
      ),
    };
  }

  /** The meeting's log, filtered for whoever holds the token (R1; A6 still applies). */
  api.get('/meetings/:code/events', (req, res) => {
    const found = holder(req, res);
    if (found) sendMeetingEvents(meetings.store, res, found.meeting, found.viewer);
  });

  /** R2: the minutes as Markdown or JSON, for whoever holds the token (meetingRecord.ts). */
  const exportMinutes = (format: 'md' | 'json') => (req: Request, res: Response) => {
    const found = holder(req, res);
    if (found) sendMinutes(meetings.store, req, res, found.meeting, found.viewer, format);
  };
  api.get('/meetings/:code/minutes.md', exportMinutes('md'));
  api.get('/meetings/:code/minutes.json', exportMinutes('json'));

  /** E5: the roles elected in this meeting. */
  api.get('/meetings/:code/roles', (req, res) => {
    const found = holder(req, res);
    if (!found) return;
    whenDurable(meetings.store, () => res.json({ roles: meetings.store.roles(found.meeting.id) }));
  });

  api.use((_req, res) => send(res, 404, 'not_found', 'no_such_api_route'));

  // Malformed JSON, oversized bodies: a readable refusal, never a stack trace.
  api.use((error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.too.large')
      return void send(res, 413, 'payload_too_large', 'request_too_large');
    if (error.status && error.status < 500)
      return void send(res, error.status, 'invalid_payload', 'not_json');
    // A9: a write the storage refused: 507 or 503 with its code; nothing of it was recorded.
    if (storageFailure(error)) {
      logStorageFault(console.error, 'a REST request', error);
      return void sendStorageFault(res, error);
    }
    console.error('circlewise: request failed', error);
    send(res, 500, 'internal', 'server_failed_request');
  });
  return api;
}
