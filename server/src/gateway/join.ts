/**
 * `meeting:join`: VALIDATE the request, AUTH the token (S2: the token is the identity), record a
 * newcomer's or a returning absentee's presence through the command runner, enter the rooms, ACK
 * with a snapshot filtered for this viewer (A6), then BROADCAST the join itself.
 *
 * S2: participant tokens are minted here. A new device joins with its name and a `joinId` (no
 * token); the server makes a long random token, stores its hash with the joinId's, and returns it
 * once in the ack. A retry with the same joinId (the ack was lost) finds the same participant and
 * gets a fresh token in place of the lost one. Once the device comes back with its token, the
 * joinId is retired. A token the server did not mint is refused.
 */
import { randomUUID } from 'node:crypto';
import { joinSchema } from '@circlewise/shared/commands';
import { PROTOCOL_VERSION } from '@circlewise/shared/constants';
import type { MeetingEvent } from '@circlewise/shared/events';
import { isOver } from '@circlewise/shared/meeting';
import type { Failure, JoinResult } from '@circlewise/shared/protocol';
import { agendaFor } from '@circlewise/shared/visibility';
import { type Session, viewerOf } from '../access/permissions';
import { hashSecret, newSecret } from '../auth/secrets';
import type { LiveMeeting } from '../meeting/liveMeeting';
import type { TokenRecord } from '../store/eventStore';
import { fail, invalid, isFailure } from '../wire/failures';
import { closedToStranger } from './closedDoor';
import type { Gateway, GatewaySocket } from './context';
import { handler } from './handler';
import { clientAddress, DEFAULT_PARTICIPANT_CAP } from './joinThrottle';

/** A valid join request: with a token, or (a new device) with a joinId. */
type JoinRequest = ReturnType<typeof joinSchema.parse> &
  ({ token: string; joinId?: undefined } | { token?: undefined; joinId: string });

/** Who joined, in which meeting (a fresh instance if it was rebuilt), and the events to broadcast. */
interface Admitted {
  meeting: LiveMeeting;
  session: Session;
  joined?: MeetingEvent[];
  /** S2: the token minted for a new device (or a retry of its first join), sent once in the ack. */
  minted?: string;
}

export function onJoin(gateway: Gateway, socket: GatewaySocket) {
  // A join may have recorded the participant before it failed: a retry with the same joinId finds them.
  return handler<JoinResult>(gateway, 'server_failed_join', (raw, ack) => {
    // VALIDATE
    const request = validJoin(raw);
    if (isFailure(request)) return ack(request);
    // A finished meeting is read from its log only for someone who belongs in it.
    const stranger = closedToStranger(gateway, request.code, request.token);
    if (stranger) return ack(stranger);
    const found = gateway.meetings.byCode(request.code);
    if (!found) {
      return ack(fail('unknown_meeting', 'no_meeting_with_code', { code: request.code }));
    }

    // AUTH, and DECIDE → APPEND → APPLY of the join when it makes someone present (M2)
    const admitted = admit(
      gateway,
      found,
      request,
      clientAddress(socket.handshake, !!gateway.door?.trustProxy),
    );
    if (isFailure(admitted)) return ack(admitted);
    if ('waiting' in admitted) {
      // S12: the device waits in a room of its own, told by `meeting:admission` when to join again.
      gateway.rooms.wait(socket, admitted.meeting.id, admitted.waiting);
      ack(fail('waiting', 'meeting_locked_wait'));
      if (admitted.joined) gateway.runner.broadcast(admitted.meeting.id, admitted.joined);
      return;
    }
    const { meeting, session, joined, minted } = admitted;
    try {
      gateway.rooms.enter(socket, meeting, session);
      // ACK
      ack({
        ok: true,
        protocol: PROTOCOL_VERSION,
        role: session.role,
        ...(session.participantId && { participantId: session.participantId }),
        token: minted ?? request.token ?? '',
        view: agendaFor(meeting.view, viewerOf(session, meeting)),
        online: meeting.online(),
        serverNow: gateway.runner.serverNow(),
        ...(joinOriginsFor(gateway, session) && { joinOrigins: joinOriginsFor(gateway, session) }),
      });
    } finally {
      // BROADCAST, after the ack: the joiner's snapshot already holds its own event.
      if (joined) gateway.runner.broadcast(meeting.id, joined);
    }
  });
}

/** The join request, or why it is refused: malformed, another protocol version, no token. */
function validJoin(raw: unknown): JoinRequest | Failure {
  const parsed = joinSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const request = parsed.data;
  if (request.protocol !== PROTOCOL_VERSION) {
    const reason = request.protocol < PROTOCOL_VERSION ? 'clientTooOld' : 'serverTooOld';
    return fail('protocol_mismatch', reason);
  }
  if (request.token) return { ...request, token: request.token, joinId: undefined };
  if (request.joinId) return { ...request, token: undefined, joinId: request.joinId };
  return fail('bad_token', 'join_needs_token_or_join_id');
}

/** S12: a device that waits at a locked door, and the `participant.waiting` to broadcast if it is new. */
interface Waits {
  meeting: LiveMeeting;
  waiting: string;
  joined?: MeetingEvent[];
}

/** AUTH: a token this meeting knows, or a new device with a name (S2, S3), through the door (S12). */
function admit(
  gateway: Gateway,
  meeting: LiveMeeting,
  request: JoinRequest,
  address: string,
): Admitted | Waits | Failure {
  const store = gateway.meetings.store;
  if (request.joinId !== undefined) {
    // S2: a new device, or the retry of its first join: either way it gets a fresh token.
    const minted = newSecret();
    const joinIdHash = hashSecret(request.joinId);
    const again = store.reissueToken(meeting.id, joinIdHash, hashSecret(minted));
    const admitted = again
      ? returning(gateway, meeting, again)
      : newcomer(gateway, meeting, request, { hash: hashSecret(minted), joinIdHash }, address);
    return 'session' in admitted ? { ...admitted, minted } : admitted;
  }
  const hash = hashSecret(request.token);
  const known = store.tokenByHash(hash);
  if (!known) return screen(gateway, meeting, hash) ?? unknownToken(gateway, request, hash);
  // A secret of another meeting opens nothing here, and cannot become a participant here either:
  // a token is bound to one meeting (S2, S3).
  if (known.meetingId !== meeting.id) {
    return fail('bad_token', 'secret_of_another_meeting');
  }
  // S2: the device has its token, so the joinId of its first join finds nothing from now on.
  if (known.joinIdOpen) store.confirmToken(hash);
  return returning(gateway, meeting, known);
}

/**
 * S2: a token the server never minted opens nothing and makes no one: not a circle's member key
 * (S3), and not a token a client made up for its first join (the form before server-minted
 * tokens), which is told the way in now.
 */
function unknownToken(gateway: Gateway, request: JoinRequest, hash: string): Failure {
  if (gateway.meetings.store.circleByKeyHash(hash)) {
    return fail('bad_token', 'member_link_not_meeting');
  }
  if (request.name) {
    return fail('bad_token', 'token_minted_by_server');
  }
  return fail('bad_token', 'device_unknown');
}

/** A known device: the same person as before; someone who left or was marked absent is present again (M2). */
function returning(gateway: Gateway, meeting: LiveMeeting, known: TokenRecord): Admitted | Waits | Failure {
  const session: Session = { meetingId: meeting.id, role: known.role, participantId: known.participantId };
  if (known.participantId) {
    const verdict = meeting.door({ participantId: known.participantId }, capOf(gateway));
    if ('code' in verdict) return { ok: false, error: verdict };
    if (verdict.let === 'wait') return { meeting, waiting: known.participantId };
  }
  const me = known.participantId ? meeting.view.participants[known.participantId] : undefined;
  if (!me || me.present || isOver(meeting.view)) return { meeting, session };
  const rejoined = gateway.runner.join(meeting, { id: me.id, name: me.name });
  return rejoined ? { meeting: rejoined.meeting, session, joined: rejoined.events } : { meeting, session };
}

/** A screen link: a read-only viewer that is nobody, so it records no presence (screenLink.ts). */
function screen(gateway: Gateway, meeting: LiveMeeting, hash: string): Admitted | Failure | undefined {
  const linked = gateway.meetings.store.screenLinkByHash(hash);
  if (linked === undefined) return undefined;
  if (linked !== meeting.id) return fail('bad_token', 'screen_link_other_meeting');
  return { meeting, session: { meetingId: meeting.id, role: 'screen', participantId: null } };
}

/** A new device: a new participant, recorded with its minted token in one transaction (S2). */
function newcomer(
  gateway: Gateway,
  meeting: LiveMeeting,
  request: JoinRequest,
  secret: { hash: string; joinIdHash: string },
  address: string,
): Admitted | Waits | Failure {
  const { hash, joinIdHash } = secret;
  if (!request.name) {
    return fail('bad_token', 'device_unknown');
  }
  if (meeting.quarantine) {
    // A11: the meeting records nothing until someone looks at its log; it is read, not joined.
    return fail('read_only', 'read_only_no_newcomers');
  }
  if (isOver(meeting.view)) {
    return fail('meeting_closed', 'meeting_finished');
  }
  // S12: a flood of made-up newcomers from one address, or at one code, is held back.
  if (gateway.door?.throttle && !gateway.door.throttle.take(meeting.view.code, address)) {
    return fail('rate_limited', 'joining_too_fast');
  }
  const verdict = meeting.door({ name: request.name }, capOf(gateway));
  if ('code' in verdict) return { ok: false, error: verdict };
  const participantId = randomUUID();
  if (verdict.let === 'wait') {
    const waits = gateway.runner.wait(
      meeting,
      { id: participantId, name: request.name },
      { hash, role: 'participant', participantId, joinIdHash },
    );
    if (!waits) return fail('not_allowed', 'no_new_participants');
    return { meeting: waits.meeting, waiting: participantId, joined: waits.events };
  }
  const joined = gateway.runner.join(
    meeting,
    { id: participantId, name: request.name },
    { hash, role: 'participant', participantId, joinIdHash },
  );
  if (!joined) return fail('not_allowed', 'no_new_participants');
  return {
    meeting: joined.meeting,
    session: { meetingId: meeting.id, role: 'participant', participantId },
    joined: joined.events,
  };
}

function capOf(gateway: Gateway): number {
  return gateway.door?.participantCap ?? DEFAULT_PARTICIPANT_CAP;
}

/**
 * S8: the addresses phones on the server's network can reach, for the QR code on the room's
 * screen: told to the facilitator and a screen, who show it, and to no one anonymous.
 */
function joinOriginsFor(gateway: Gateway, session: Session): string[] | undefined {
  const origins = gateway.joinOrigins;
  if (!origins || origins.length === 0) return undefined;
  return session.role === 'facilitator' || session.role === 'screen' ? origins : undefined;
}
