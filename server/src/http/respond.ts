/**
 * How every REST answer is sent: errors as `{ error: { code, message, reason, params } }` with a
 * fitting status (issue 12: the reason and params for a client that translates, the English
 * `message` for one that does not), and reads answered only once what is pending is on disk (A1),
 * as socket acks are.
 */
import { type ErrorCode, type WireError, wireError } from '@circlewise/shared/errors';
import type { ParamsArg, RefusalReason } from '@circlewise/shared/refusals';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { storageRefusal, storageStatus } from '../commands/storageFault';
import type { EventStore, StorageFault } from '../store/eventStore';

export function sendError<R extends RefusalReason>(
  res: Response,
  status: number,
  code: ErrorCode,
  reason: R,
  ...params: ParamsArg<R>
): void {
  sendWireError(res, status, wireError(code, reason, ...params));
}

/** A refusal made elsewhere (a decision's, the storage's), sent as it is. */
export function sendWireError(res: Response, status: number, error: WireError): void {
  res.status(status).json({ error });
}

/**
 * A1: under group commit, read and answer once what is pending is committed. A9: `failed` answers
 * instead if that commit fails (a write's answer; a read without it is answered from the log).
 */
export function whenDurable(
  store: EventStore,
  answer: () => void,
  failed?: (fault: StorageFault) => void,
): void {
  if (store.whenDurable) store.whenDurable(answer, failed);
  else answer();
}

/** A9: a write the storage refused, as 507 (`storage_full`) or 503 (`storage_error`). */
export function sendStorageFault(res: Response, error: unknown): void {
  const failure = storageRefusal(error);
  sendWireError(res, storageStatus(failure), failure.error);
}

/**
 * A handler run once the store is durable. It may run after the request's own turn, where Express
 * no longer catches a throw: a failure goes to the error handler (a 500 in the usual shape).
 */
export function durably(store: EventStore, handler: (req: Request, res: Response) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) =>
    whenDurable(store, () => {
      try {
        handler(req, res);
      } catch (error) {
        next(error);
      }
    });
}
