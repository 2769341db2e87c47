/**
 * `meeting:screenLink`: the facilitator makes a new screen link, the read-only capability the
 * projector joins with (docs/protocol.md, "Screen link"). The secret is returned once and stored
 * only as a hash (S4); the meeting's earlier link stops working at once, and the screens that
 * joined with it are disconnected, so a link that leaked is closed by making a new one.
 */
import { facilitates } from '@circlewise/shared/meeting';
import type { ScreenLinkResult } from '@circlewise/shared/protocol';
import { keyHolderOf } from '../access/permissions';
import { hashSecret, newScreenToken } from '../auth/secrets';
import { fail } from '../wire/failures';
import type { Gateway, GatewaySocket } from './context';
import { handler } from './handler';

export function onScreenLink(gateway: Gateway, socket: GatewaySocket) {
  const failed = 'server_failed_screen_link';
  return handler<ScreenLinkResult>(gateway, failed, (_raw, ack) => {
    // AUTH: whoever facilitates now (M4); a screen or a participant cannot.
    const session = socket.data.session;
    const meeting = session && gateway.meetings.get(session.meetingId);
    if (!session || !meeting) return ack(fail('not_joined', 'not_joined'));
    if (session.role === 'screen' || !facilitates(meeting.view, keyHolderOf(session))) {
      return ack(fail('forbidden', 'screen_link_facilitator_only'));
    }
    const screenToken = newScreenToken();
    gateway.meetings.store.setScreenLink(meeting.id, hashSecret(screenToken));
    gateway.rooms.dropScreens(meeting.id);
    ack({ ok: true, screenToken });
  });
}
