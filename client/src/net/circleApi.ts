/**
 * The REST calls of a circle's pages (S3, R3), against the contract in shared/src/circles.ts. The
 * member key is the capability, so every call names the circle by it and a rotated key is refused
 * (404 `unknown_circle`) at once. It travels in an `Authorization: Bearer` header, never in a path
 * or a query string, where logs and proxies would keep it (S10).
 */
import type {
  Circle,
  CircleCreated,
  CircleOverview,
  CreateCircleRequest,
  KeyRotated,
  ReviewScheduled,
  RotateCircleRequest,
  SearchHit,
  UpdateCircleRequest,
} from '@circlewise/shared/circles';
import type { MeetingKind } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { CreatedMeeting } from '@circlewise/shared/protocol';
import { type ApiResult, fetchFile, request } from './api';

const CIRCLE = '/api/circle';
const meetingUrl = (code: string) => `${CIRCLE}/meetings/${encodeURIComponent(code)}`;

/** S10: the member key, in the header. */
const withKey = (key: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${key}` },
});

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export async function createCircle(circle: CreateCircleRequest): Promise<ApiResult<CircleCreated>> {
  return request<CircleCreated>('/api/circles', postJson(circle));
}

/** The circle, its meetings and its registers: agreements due or overdue first (R3). */
export async function fetchCircle(key: string): Promise<ApiResult<CircleOverview>> {
  return request<CircleOverview>(CIRCLE, withKey(key));
}

/**
 * Changes the details given (the others stay as they are); answers with the circle as it now
 * stands. A new review period is for meetings made afterwards.
 */
export async function updateCircle(key: string, changes: UpdateCircleRequest): Promise<ApiResult<Circle>> {
  return request<Circle>(
    CIRCLE,
    withKey(key, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(changes),
    }),
  );
}

/**
 * A new member key; the old one stops opening the circle at once. Needs the circle's keeper key
 * (403 `forbidden` without it), except for a circle made before keeper keys, whose rotation
 * mints one (`keeperKey` in the answer).
 */
export async function rotateCircleKey(key: string, keeperKey?: string): Promise<ApiResult<KeyRotated>> {
  const body: RotateCircleRequest = keeperKey ? { keeperKey } : {};
  return request<KeyRotated>(`${CIRCLE}/rotate`, withKey(key, postJson(body)));
}

/** A meeting held in the circle; like POST /api/meetings it returns the facilitator key (S1). */
export async function createCircleMeeting(
  key: string,
  title: string | undefined,
  kind: MeetingKind,
): Promise<ApiResult<CreatedMeeting>> {
  return request<CreatedMeeting>(
    `${CIRCLE}/meetings`,
    withKey(key, postJson({ ...(title && { title }), kind })),
  );
}

/** A meeting's log as a member who took no part reads it (R1; A6 still applies). */
export async function fetchCircleEvents(key: string, code: string): Promise<ApiResult<MeetingEvent[]>> {
  const result = await request<{ events: MeetingEvent[] }>(`${meetingUrl(code)}/events`, withKey(key));
  return result.ok ? { ok: true, value: result.value.events } : result;
}

/** R2: a circle meeting's minutes as Markdown or JSON, times in `timeZone`. */
export async function fetchCircleMinutesFile(
  key: string,
  code: string,
  format: 'md' | 'json',
  timeZone: string,
): Promise<ApiResult<Blob>> {
  return fetchFile(`${meetingUrl(code)}/minutes.${format}?tz=${encodeURIComponent(timeZone)}`, withKey(key));
}

/** Full-text search over the circle's minutes and agreements; matches come wrapped in [ ]. */
export async function searchCircle(key: string, query: string): Promise<ApiResult<SearchHit[]>> {
  const result = await request<{ hits: SearchHit[] }>(
    `${CIRCLE}/search?q=${encodeURIComponent(query)}`,
    withKey(key),
  );
  return result.ok ? { ok: true, value: result.value.hits } : result;
}

/** R3: the agreement goes on the next open meeting's agenda, or on a new meeting made for it. */
export async function scheduleReview(key: string, agreementId: string): Promise<ApiResult<ReviewScheduled>> {
  return request<ReviewScheduled>(
    `${CIRCLE}/agreements/${encodeURIComponent(agreementId)}/review`,
    withKey(key, postJson({})),
  );
}
