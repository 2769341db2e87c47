/** The REST calls: create a meeting, read its events for the minutes, its role register, its exports. */
import type { MeetingKind } from '@circlewise/shared/constants';
import type { WireError } from '@circlewise/shared/errors';
import type { MeetingEvent } from '@circlewise/shared/events';
import type { CreatedMeeting } from '@circlewise/shared/protocol';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

export async function createMeeting(
  title: string | undefined,
  kind: MeetingKind = 'decision',
): Promise<ApiResult<CreatedMeeting>> {
  return request<CreatedMeeting>('/api/meetings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...(title && { title }), kind }),
  });
}

/** E5: one entry of a circle's role register, as GET /api/meetings/:code/roles returns it. */
export interface RoleEntry {
  role: string;
  person: string;
  termStart: string;
  termEnd: string;
  participantId?: string;
  electedAt?: number;
}

export async function fetchRoles(code: string, token: string): Promise<ApiResult<RoleEntry[]>> {
  const result = await request<{ roles: RoleEntry[] }>(`/api/meetings/${encodeURIComponent(code)}/roles`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return result.ok ? { ok: true, value: result.value.roles } : result;
}

export async function fetchEvents(code: string, token: string): Promise<ApiResult<MeetingEvent[]>> {
  const result = await request<{ events: MeetingEvent[] }>(
    `/api/meetings/${encodeURIComponent(code)}/events`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  return result.ok ? { ok: true, value: result.value.events } : result;
}

/**
 * R2: the minutes as a file, from GET /api/meetings/:code/minutes.md or .json. A plain link
 * cannot send the token, so the file is fetched and handed over as a Blob.
 */
export async function fetchMinutesFile(
  code: string,
  token: string,
  format: 'md' | 'json',
  timeZone: string,
): Promise<ApiResult<Blob>> {
  const url = `/api/meetings/${encodeURIComponent(code)}/minutes.${format}?tz=${encodeURIComponent(timeZone)}`;
  return fetchFile(url, { headers: { Authorization: `Bearer ${token}` } });
}

/** A file from the server as a Blob, or the server's refusal (also used for a circle's minutes). */
export async function fetchFile(url: string, init: RequestInit): Promise<ApiResult<Blob>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Could not reach the server. Try again.' } };
  }
  if (response.ok) return { ok: true, value: await response.blob() };
  const body = (await response.json().catch(() => undefined)) as { error?: WireError } | undefined;
  return {
    ok: false,
    error: body?.error ?? { code: 'internal', message: `The server answered ${response.status}. Try again.` },
  };
}

/** One JSON request: the parsed body, or the server's `{ error }` (or a network failure) in words. */
export async function request<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Could not reach the server. Check your connection and try again.',
      },
    };
  }
  const body = (await response.json().catch(() => undefined)) as { error?: WireError } | T | undefined;
  if (response.ok && body !== undefined) return { ok: true, value: body as T };
  const error = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
  return {
    ok: false,
    error: error ?? { code: 'internal', message: `The server answered ${response.status}. Try again.` },
  };
}
