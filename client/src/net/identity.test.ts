import { beforeEach, describe, expect, it } from 'vitest';
import { loadParticipant, saveParticipant, saveParticipantToken } from './identity';

beforeEach(() => localStorage.clear());

describe('participant identity', () => {
  it('[S2] a new device keeps a joinId and no token until the server gives it one', () => {
    const first = saveParticipant('abc-123', ' Ana ');
    expect(first.token).toBeUndefined();
    expect(first.joinId.length).toBeGreaterThanOrEqual(32);
    expect(first.name).toBe('Ana');
    // Asked again (a retry, another tab): the same joinId, so the server finds the same person.
    expect(saveParticipant('ABC123', 'Ana').joinId).toBe(first.joinId);

    saveParticipantToken('ABC123', 't'.repeat(43));
    expect(loadParticipant('ABC123')).toEqual({ token: 't'.repeat(43), joinId: first.joinId, name: 'Ana' });
    expect(saveParticipant('ABC123', 'Ana').token).toBe('t'.repeat(43));
  });

  it('[S2] a token kept before server-minted tokens still loads, and names its own outbox', () => {
    localStorage.setItem(
      'circlewise:participant:ABC123',
      JSON.stringify({ token: 'o'.repeat(64), name: 'Ben' }),
    );
    expect(loadParticipant('ABC123')).toEqual({ token: 'o'.repeat(64), joinId: 'o'.repeat(64), name: 'Ben' });
    localStorage.setItem('circlewise:participant:ABC123', '{broken');
    expect(loadParticipant('ABC123')).toBeUndefined();
  });
});
