import { useEffect, useState } from 'react';
import { saveParticipantToken } from './identity';
import {
  createMeetingConnection,
  type JoinIdentity,
  type MeetingConnection,
  type MeetingSocket,
} from './meetingConnection';
import { browserStorage, createOutbox } from './outbox';
import { createSocket } from './socket';

/** Opens one connection (and its store) for as long as the screen shows this identity. */
export function useMeetingConnection(
  identity: JoinIdentity | undefined,
  makeSocket: () => MeetingSocket = createSocket,
): MeetingConnection | undefined {
  const [connection, setConnection] = useState<MeetingConnection>();
  const code = identity?.code;
  const token = identity?.token;
  const name = identity?.name;
  const joinId = identity?.joinId;
  useEffect(() => {
    // The outbox is named by the device: its joinId, or the secret it was given.
    const device = joinId ?? token;
    if (!code || !device) {
      setConnection(undefined);
      return;
    }
    const storage = browserStorage();
    const c = createMeetingConnection(
      makeSocket(),
      {
        code,
        ...(token && { token }),
        ...(name && { name }),
        // S2: a new device joins with its joinId and keeps the token the ack brings.
        ...(joinId && { joinId, onToken: (minted: string) => saveParticipantToken(code, minted) }),
      },
      undefined,
      storage && createOutbox(storage, code, device),
    );
    setConnection(c);
    return () => c.close();
  }, [code, token, name, joinId, makeSocket]);
  return connection;
}
