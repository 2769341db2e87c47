import { useEffect, useState } from 'react';
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
  useEffect(() => {
    if (!code || !token) {
      setConnection(undefined);
      return;
    }
    const storage = browserStorage();
    const c = createMeetingConnection(
      makeSocket(),
      { code, token, ...(name && { name }) },
      undefined,
      storage && createOutbox(storage, code, token),
    );
    setConnection(c);
    return () => c.close();
  }, [code, token, name, makeSocket]);
  return connection;
}
