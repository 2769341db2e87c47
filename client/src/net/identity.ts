/**
 * What this browser keeps between visits: the participant token it made for a meeting (S2: a
 * reload or a dropped connection comes back as the same person) and a facilitator key (S1).
 */
import { normaliseCode } from '@circlewise/shared/commands';
import { v4 as uuidv4 } from 'uuid';

export interface ParticipantIdentity {
  token: string;
  name: string;
}

const participantKey = (code: string) => `circlewise:participant:${normaliseCode(code)}`;
const facilitatorKeyName = (code: string) => `circlewise:facilitator:${normaliseCode(code)}`;

/**
 * A long random secret (S4). The uuid package, because crypto.randomUUID is missing outside
 * secure contexts, and phones often join over plain http on a local network.
 */
export function newToken(): string {
  return `${uuidv4()}${uuidv4()}`.replaceAll('-', '');
}

export function loadParticipant(code: string): ParticipantIdentity | undefined {
  const raw = read(participantKey(code));
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<ParticipantIdentity>;
    if (typeof parsed.token === 'string' && typeof parsed.name === 'string') {
      return { token: parsed.token, name: parsed.name };
    }
  } catch {
    // A damaged entry is treated as absent; the person joins again with their name.
  }
  return undefined;
}

/** Stored before the first join, so a connection lost mid-join still comes back as one person. */
export function saveParticipant(code: string, name: string): ParticipantIdentity {
  const identity = { token: loadParticipant(code)?.token ?? newToken(), name: name.trim() };
  write(participantKey(code), JSON.stringify(identity));
  return identity;
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
