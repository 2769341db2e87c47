/**
 * Refusals as both transports send them (S6): a stable code, a stable reason with its params
 * (issue 12), and the English sentence made from them. Neutral ground, so REST and the socket
 * gateway word a refusal the same way without either importing the other.
 */
import { type ErrorCode, wireError } from '@circlewise/shared/errors';
import type { Failure } from '@circlewise/shared/protocol';
import type { ParamsArg, RefusalReason } from '@circlewise/shared/refusals';
import type { ZodError } from 'zod';

export const fail = <R extends RefusalReason>(
  code: ErrorCode,
  reason: R,
  ...params: ParamsArg<R>
): Failure => ({
  ok: false,
  error: wireError(code, reason, ...params),
});

/** The reasons a schema's own sentence may name (`params: { code: 'reason_required', reason }`). */
const SCHEMA_REASONS = ['objection_reason_required', 'nomination_reason_required'] as const;

/**
 * A zod failure as an error ack: the first problem, in words (C4 has its own code). Kept generic:
 * `invalid_field` with the field's path and zod's English sentence as `problem`; a C4 refusal
 * names its own reason.
 */
export function invalid(error: ZodError): Failure {
  const issue = error.issues[0];
  if (!issue) return fail('invalid_payload', 'invalid_message_empty');
  const params =
    'params' in issue ? (issue.params as { code?: string; reason?: string } | undefined) : undefined;
  if (params?.code === 'reason_required') {
    const own = SCHEMA_REASONS.find((r) => r === params.reason);
    return own
      ? fail('reason_required', own)
      : fail('reason_required', 'invalid_message', { problem: issue.message });
  }
  return issue.path.length > 0
    ? fail('invalid_payload', 'invalid_field', { problem: issue.message, field: issue.path.join('.') })
    : fail('invalid_payload', 'invalid_message', { problem: issue.message });
}

export const isFailure = (value: object): value is Failure => 'ok' in value && value.ok === false;
