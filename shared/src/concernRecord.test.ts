import { describe, expect, it } from 'vitest';
import { concernLine, concernsByPerson } from './concernRecord';
import type { Concern } from './decision';

const concern = (participantId: string, version: number, at: number, reason: string): Concern => ({
  id: `${participantId}-${at}`,
  participantId,
  reason,
  version,
  at,
  source: 'response',
});

describe('the record of concerns, one per person (issue 10 §8)', () => {
  it('[R2] a person who gave a concern on several versions appears once, latest wording, every version', () => {
    const record = concernsByPerson([
      concern('ana', 2, 1, 'Too costly.'),
      concern('ben', 2, 2, 'Noise.'),
      concern('ana', 3, 3, 'Still too costly.'),
      concern('ana', 3, 4, 'Still too costly for spring.'),
    ]);
    expect(record.map((c) => [c.participantId, c.versions, c.reason])).toEqual([
      ['ana', [2, 3], 'Still too costly for spring.'],
      ['ben', [2], 'Noise.'],
    ]);
    expect(concernLine('Ana', record[0]!)).toBe('Ana (v2, v3): Still too costly for spring.');
    expect(concernLine('Ben', record[1]!)).toBe('Ben: Noise.');
  });
});
