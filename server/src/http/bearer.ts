/**
 * S10: a key reaches the API in an `Authorization: Bearer <secret>` header, never in a path or a
 * query string, so no access log, proxy or Referer ever holds it.
 */
import type { Request } from 'express';

/** The secret of an `Authorization: Bearer <secret>` header, if there is one. */
export function bearer(req: Request): string | undefined {
  return /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
}
