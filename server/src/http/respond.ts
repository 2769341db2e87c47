/**
 * How every REST answer is sent: errors as `{ error: { code, message } }` with a fitting status,
 * and reads answered only once what is pending is on disk (A1), as socket acks are.
 */
import type { ErrorCode } from '@circlewise/shared/errors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { storageRefusal, storageStatus } from '../commands/storageFault';
import type { EventStore, StorageFault } from '../store/eventStore';

export function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ error: { code, message } });
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
  sendError(res, storageStatus(failure), failure.error.code, failure.error.message);
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
