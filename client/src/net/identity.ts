/**
 * What this browser keeps between visits: the participant token the server gave it for a meeting
 * (S2: a reload or a dropped connection comes back as the same person) and a facilitator key (S1).
 */
import { normaliseCode } from '@circlewise/shared/commands';
import { v4 as uuidv4 } from 'uuid';

export interface ParticipantIdentity {
  /** S2: minted by the server and sent in the first join's ack; absent until then. */
  token?: string;
  /**
   * S2: a random idempotency id this browser sends, with the name, on its first join, and again
   * if the ack was lost; never an identity once the token is here (it is kept only as this
   * device's local name for its outbox).
   */
  joinId: string;
  name: string;
}

const participantKey = (code: string) => `circlewise:participant:${normaliseCode(code)}`;
const facilitatorKeyName = (code: string) => `circlewise:facilitator:${normaliseCode(code)}`;

/**
 * A long random id (S4). The uuid package, because crypto.randomUUID is missing outside secure
 * contexts, and phones often join over plain http on a local network.
 */
export function newJoinId(): string {
  return `${uuidv4()}${uuidv4()}`.replaceAll('-', '');
}

export function loadParticipant(code: string): ParticipantIdentity | undefined {
  const raw = read(participantKey(code));
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<ParticipantIdentity>;
    if (typeof parsed.name !== 'string') return undefined;
    const token = typeof parsed.token === 'string' ? parsed.token : undefined;
    const joinId = typeof parsed.joinId === 'string' ? parsed.joinId : undefined;
    // Kept before server-minted tokens: a token and no joinId; its token names its outbox.
    if (token) return { token, joinId: joinId ?? token, name: parsed.name };
    if (joinId) return { joinId, name: parsed.name };
  } catch {
    // A damaged entry is treated as absent; the person joins again with their name.
  }
  return undefined;
}

/**
 * Stored before the first join, so a connection lost mid-join retries with the same joinId and
 * still comes back as one person (S2).
 */
export function saveParticipant(code: string, name: string): ParticipantIdentity {
  const kept = loadParticipant(code);
  const identity: ParticipantIdentity = {
    ...(kept?.token && { token: kept.token }),
    joinId: kept?.joinId ?? newJoinId(),
    name: name.trim(),
  };
  write(participantKey(code), JSON.stringify(identity));
  return identity;
}

/** S2: the token the server minted for this device, kept for every later join. */
export function saveParticipantToken(code: string, token: string): void {
  const kept = loadParticipant(code);
  if (!kept) return;
  write(participantKey(code), JSON.stringify({ ...kept, token }));
}

export function forgetParticipant(code: string): void {
  try {
    localStorage.removeItem(participantKey(code));
  } catch {
    // Storage unavailable: nothing to forget.
  }
}

export function loadFacilitatorKey(code: string): string | undefined {
  return read(facilitatorKeyName(code)) ?? undefined;
}

export function saveFacilitatorKey(code: string, key: string): void {
  write(facilitatorKeyName(code), key.trim());
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private browsing may refuse storage; the meeting still works until the tab closes.
  }
}

const screenLinkName = (code: string) => `circlewise:screen:${normaliseCode(code)}`;

/** The screen link the console made last for this meeting (only its hash is on the server). */
export function loadScreenToken(code: string): string | undefined {
  return read(screenLinkName(code)) ?? undefined;
}

export function saveScreenToken(code: string, token: string): void {
  write(screenLinkName(code), token);
}
