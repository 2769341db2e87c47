/**
 * The keeper key (issue 11 §6): rotating a circle's member link locks out everyone who holds the
 * old one, so it needs a second secret, the circle's keeper key, given once at creation and stored
 * only as its hash (S4). Holders of the member link read and take part; they cannot rotate.
 *
 * A circle made before keeper keys existed (migration 008) has none. Its first rotation is done
 * with the member link alone, as before, and mints the keeper key with the new member link,
 * returned once in the same answer; from then on the circle is like any other. Refusing instead
 * would leave such a circle with a leaked link it could never revoke.
 */

import type { Circle } from '@circlewise/shared/circles';
import { type KeyRotated, rotateCircleSchema } from '@circlewise/shared/circles';
import type { Request, Response } from 'express';
import { hashSecret, newSecret, sameHash } from '../auth/secrets';
import type { EventStore } from '../store/eventStore';
import { invalid } from '../wire/failures';
import { sendError } from './respond';

export const KEEPER_REQUIRED = 'keeper_required' as const;

/** Rotates the member key of a circle already opened by its member key, if the keeper key allows. */
export function rotateWithKeeper(store: EventStore, circle: Circle, req: Request, res: Response): void {
  const parsed = rotateCircleSchema.safeParse(req.body ?? {});
  if (!parsed.success) return void res.status(400).json(invalid(parsed.error));
  const keeperHash = store.circleKeeperHash(circle.id);
  const memberKey = newSecret();
  if (keeperHash === null) {
    const keeperKey = newSecret();
    store.rotateCircleKey(circle.id, hashSecret(memberKey), hashSecret(keeperKey));
    return void res.json({ memberKey, keeperKey } satisfies KeyRotated);
  }
  // Hashed and compared in constant time whatever was given (S4).
  const given = hashSecret(parsed.data.keeperKey ?? '');
  if (!sameHash(given, keeperHash) || !parsed.data.keeperKey) {
    sendError(res, 403, 'forbidden', KEEPER_REQUIRED);
    return;
  }
  store.rotateCircleKey(circle.id, hashSecret(memberKey));
  res.json({ memberKey } satisfies KeyRotated);
}
