/**
 * A finished meeting is loaded for a join only when the joiner belongs in it (issue 11,
 * lifetime): a device this meeting does not know (a newcomer, a guess, a secret of another
 * meeting) is refused from the store's records alone, so a flood of joins at old codes reads no
 * log and keeps nothing in memory. What a known device gets is the join's own business (join.ts).
 */
import { normaliseCode } from '@circlewise/shared/commands';
import type { Failure } from '@circlewise/shared/protocol';
import { hashSecret } from '../auth/secrets';
import { fail } from '../wire/failures';
import type { Gateway } from './context';

/** The refusal for a stranger at a finished meeting's door, or undefined to go on with the join. */
export function closedToStranger(
  gateway: Gateway,
  code: string,
  token: string | undefined,
): Failure | undefined {
  const { store } = gateway.meetings;
  const record = store.meetingByCode(normaliseCode(code));
  // Unknown codes and open meetings go the usual way; a meeting in memory costs nothing to ask.
  if (!record || record.closedAt === null || gateway.meetings.cached(record.id)) return undefined;
  if (token) {
    const hash = hashSecret(token);
    if (store.tokenByHash(hash)?.meetingId === record.id) return undefined;
    if (store.screenLinkByHash(hash) === record.id) return undefined;
  }
  return fail('meeting_closed', 'meeting_finished');
}
