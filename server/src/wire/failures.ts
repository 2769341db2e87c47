/**
 * Refusals as both transports send them (S6): a stable code and a sentence a person can read.
 * Neutral ground, so REST and the socket gateway word a refusal the same way without either
 * importing the other.
 */
import { type ErrorCode, wireError } from '@circlewise/shared/errors';
import type { Failure } from '@circlewise/shared/protocol';
import type { ZodError } from 'zod';

export const fail = (code: ErrorCode, message: string): Failure => ({
  ok: false,
  error: wireError(code, message),
});

/** A zod failure as an error ack: the first problem, in words (C4 has its own code). */
export function invalid(error: ZodError): Failure {
  const issue = error.issues[0];
  const params = issue && 'params' in issue ? (issue.params as { code?: string } | undefined) : undefined;
  const code: ErrorCode = params?.code === 'reason_required' ? 'reason_required' : 'invalid_payload';
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  const message = issue
    ? `${issue.message}${code === 'invalid_payload' ? where : ''}`
    : 'The message is not valid.';
  return fail(code, message);
}

export const isFailure = (value: object): value is Failure => 'ok' in value && value.ok === false;
