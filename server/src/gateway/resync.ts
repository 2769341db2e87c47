/**
 * `meeting:resync` (A3): a client that saw a gap, or came back, asks for everything after its
 * last seq; it gets the missing events, or a fresh snapshot if it is far behind. Either is
 * filtered for this viewer (A6), and sent once what it reads is durable (A1).
 */
import { resyncSchema } from '@circlewise/shared/commands';
import { LIMITS } from '@circlewise/shared/constants';
import type { ResyncResult } from '@circlewise/shared/protocol';
import { agendaFor, eventFor } from '@circlewise/shared/visibility';
import { viewerOf } from '../access/permissions';
import { fail, invalid } from '../wire/failures';
import type { Gateway, GatewaySocket } from './context';
import { handler } from './handler';

export function onResync(gateway: Gateway, socket: GatewaySocket) {
  const failed = 'server_failed';
  return handler<ResyncResult>(gateway, failed, (raw, ack) => {
    const session = socket.data.session;
    const meeting = session && gateway.meetings.get(session.meetingId);
    if (!session || !meeting) return ack(fail('not_joined', 'not_joined'));
    const parsed = resyncSchema.safeParse(raw);
    if (!parsed.success) return ack(invalid(parsed.error));
    const viewer = viewerOf(session, meeting);
    const { afterSeq } = parsed.data;
    const { seq } = meeting.view;
    // The missing events if there are few; a fresh snapshot if the client is far behind, or
    // claims a seq the server never reached, or the meeting's log is quarantined (A11: its view
    // is what could be replayed, which a damaged log may not give back event by event).
    if (meeting.quarantine || afterSeq > seq || seq - afterSeq > LIMITS.resyncEvents) {
      return ack({ ok: true, view: agendaFor(meeting.view, viewer), serverNow: gateway.runner.serverNow() });
    }
    const events = gateway.meetings.store.events(meeting.id, afterSeq).map((e) => eventFor(e, viewer));
    ack({ ok: true, events, serverNow: gateway.runner.serverNow() });
  });
}
