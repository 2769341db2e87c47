import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff';

const join = (parts: ReturnType<typeof wordDiff>, kinds: string[]) =>
  parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks a replaced word as removed and added', () => {
    expect(wordDiff('Ben waters on Monday', 'Cleo waters on Monday')).toEqual([
      { kind: 'removed', text: 'Ben ' },
      { kind: 'added', text: 'Cleo ' },
      { kind: 'same', text: 'waters on Monday' },
    ]);
  });

  it('keeps both texts recoverable from the parts', () => {
    const before = 'Water the plants every Monday.\nBen does it.';
    const after = 'Water the ferns every Monday and Thursday.\nCleo does it.';
    const parts = wordDiff(before, after);
    expect(join(parts, ['same', 'removed'])).toBe(before);
    expect(join(parts, ['same', 'added'])).toBe(after);
  });

  it('reports no change for equal texts', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });
});
