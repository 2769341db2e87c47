import { englishRefusal, type ParamsArg, type RefusalParams, type RefusalReason } from './refusals';

/**
 * Stable error codes of every refusal (S6). Clients switch on `code`; people read `message`.
 */
export const ERROR_CODES = [
  'invalid_payload',
  'payload_too_large',
  'reason_required',
  'protocol_mismatch',
  'unknown_meeting',
  /** A circle's member link that opens no circle: wrong, malformed or rotated (S3). */
  'unknown_circle',
  'bad_token',
  'not_joined',
  'forbidden',
  'wrong_stage',
  'stale_stage',
  'not_allowed',
  'not_found',
  'meeting_closed',
  /** The meeting's log could not be replayed: it is served read-only until an operator looks (A11). */
  'read_only',
  'rate_limited',
  'internal',
  /** S12: this device was removed from the meeting, or not admitted: its token opens nothing. */
  'removed',
  /** S12: the meeting is locked; the device waits until the facilitator admits or refuses it. */
  'waiting',
  /** S12: the meeting holds its participant cap. */
  'meeting_full',
  /** S12: the name is in use in this meeting, or passes for a role: choose another. */
  'name_taken',
  /** A12: the server is stopping (to restart or upgrade): nothing was recorded; send again shortly. */
  'server_restarting',
  /** A9: the server's disk is full; this write was refused and nothing of it was recorded. */
  'storage_full',
  /** A9: the server could not write to its storage (an I/O error); nothing of this was recorded. */
  'storage_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  code: ErrorCode;
  /** The refusal in English, for clients that do not translate it: made from `reason` and `params`. */
  message: string;
  /**
   * Which refusal this is (issue 12): a stable key of `REFUSALS` (shared/src/refusals.ts) that a
   * client translates with `params`. For `protocol_mismatch`, which side must update
   * (`clientTooOld` / `serverTooOld`, tldraw's names), as before. Every refusal of this server
   * carries one; optional for older servers.
   */
  reason?: RefusalReason;
  /** What the reason's sentence interpolates: names, counts, stages, limits. */
  params?: RefusalParams;
}

/** A refusal: its code, its reason and params, and the English sentence made from them. */
export function wireError<R extends RefusalReason>(
  code: ErrorCode,
  reason: R,
  ...params: ParamsArg<R>
): WireError {
  const given: RefusalParams = params[0] ?? {};
  return { code, message: englishRefusal(reason, given), reason, params: given };
}
