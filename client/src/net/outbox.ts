/**
 * The offline queue kept across a reload (issue 10 §7): the commands this device sent to a meeting
 * that the server has not acknowledged yet, stored per meeting and device. A reloaded phone sends
 * them again once it has joined, with the same commandIds, so the server records each once (A2).
 */
import type { CommandEnvelope } from '@circlewise/shared/protocol';

/** The part of `Storage` the outbox uses; `localStorage` in a browser, a map in a test. */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Outbox {
  /** What was still waiting when the page was last open, oldest first. */
  load(): CommandEnvelope[];
  /** Everything waiting now, oldest first; an empty list removes the entry. */
  save(commands: CommandEnvelope[]): void;
}

/**
 * One meeting's outbox on this device. The key names the meeting and the device's token by a
 * short fingerprint, never the token itself.
 */
export function createOutbox(storage: OutboxStorage, code: string, token: string): Outbox {
  const key = `circlewise.outbox.${code}.${fingerprint(token)}`;
  return {
    load() {
      try {
        const stored = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
        return Array.isArray(stored)
          ? stored.filter(
              (c): c is CommandEnvelope => typeof c?.commandId === 'string' && typeof c?.type === 'string',
            )
          : [];
      } catch {
        return [];
      }
    },
    save(commands) {
      try {
        if (commands.length === 0) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify(commands));
      } catch {
        // Storage full or disabled (private mode): the queue still lives for this page.
      }
    },
  };
}

/** The browser's localStorage when there is one. */
export function browserStorage(): OutboxStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** A short, stable, non-reversible tag of the token (FNV-1a, 32 bits). */
function fingerprint(token: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
