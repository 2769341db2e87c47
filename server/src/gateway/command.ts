/**
 * `meeting:command`: AUTH (the socket's session, the permissions table) and VALIDATE (size, the
 * `forItem` envelope, the schema from shared/), then the command runner's DECIDE → APPEND →
 * APPLY → ACK → BROADCAST. Every refusal is an error ack with a stable code (S6).
 */
import { commandSchema, isMeetingCommand } from '@circlewise/shared/commands';
import { LIMITS } from '@circlewise/shared/constants';
import type { CommandResult } from '@circlewise/shared/protocol';
import { callerFor } from '../access/permissions';
import { fail, invalid } from '../wire/failures';
import type { Gateway, GatewaySocket } from './context';
import { handler } from './handler';

export function onCommand(gateway: Gateway, socket: GatewaySocket) {
  // The runner throws only before its APPEND has returned: then nothing was recorded.
  const failed = 'server_failed';
  return handler<CommandResult>(gateway, failed, (raw, ack) => {
    // AUTH
    const session = socket.data.session;
    const meeting = session && gateway.meetings.get(session.meetingId);
    if (!session || !meeting) return ack(fail('not_joined', 'not_joined'));

    // VALIDATE
    if (byteSize(raw) > LIMITS.commandBytes) {
      return ack(fail('payload_too_large', 'message_too_large', { kb: LIMITS.commandBytes / 1024 }));
    }
    const { forItem, payload } = itemOf(raw);
    if (forItem === null) return ack(fail('invalid_payload', 'for_item_invalid'));
    const parsed = commandSchema.safeParse(payload);
    if (!parsed.success) return ack(invalid(parsed.error));
    const command = parsed.data;
    // The command is for the item the phone is looking at; if the meeting has moved on, say so
    // rather than record it in another item (M1).
    if (forItem !== undefined && !isMeetingCommand(command.type) && forItem !== meeting.view.currentItemId) {
      return ack(fail('stale_stage', 'item_moved_on'));
    }
    const caller = callerFor(session, meeting, command.type);
    if ('denied' in caller) return ack({ ok: false, error: caller.denied });

    // DECIDE → APPEND → APPLY → ACK → BROADCAST
    // A2: the command id is the sender's own: this token's participant, or the key's holder.
    gateway.runner.execute(meeting, command, caller, ack, session.participantId ?? session.role);
  });
}

/**
 * The command envelope may name the item it is for (`forItem`, docs/protocol.md); the rest is
 * the command. null: a forItem that is not an item id.
 */
function itemOf(raw: unknown): { forItem: string | undefined | null; payload: unknown } {
  if (typeof raw !== 'object' || raw === null || !('forItem' in raw))
    return { forItem: undefined, payload: raw };
  const { forItem, ...payload } = raw as { forItem: unknown };
  return { forItem: typeof forItem === 'string' && forItem.length <= 100 ? forItem : null, payload };
}

function byteSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
