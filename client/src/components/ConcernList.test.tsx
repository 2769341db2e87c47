import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConcernList } from './ConcernList';

const people = {
  a: { id: 'a', name: 'Ana', joinedAt: 1, present: true },
  b: { id: 'b', name: 'Ben', joinedAt: 2, present: true },
};
const concern = (id: string, participantId: string, version: number, at: number, reason: string) => ({
  id,
  participantId,
  version,
  at,
  reason,
  source: 'response' as const,
});

describe('the concerns on screen (issue 10 §8)', () => {
  it('[R2] lists each person once: the latest wording and the versions it was given on', () => {
    render(
      <ConcernList
        view={{
          participants: people,
          concerns: [
            concern('1', 'a', 2, 1, 'Costly.'),
            concern('2', 'b', 3, 2, 'Noise.'),
            concern('3', 'a', 3, 3, 'Still costly.'),
          ],
        }}
      />,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Ana (v2, v3): Still costly.', 'Ben: Noise.']);
  });
});
