import { describe, expect, it } from 'vitest';
import { forgetCircle, loadSavedCircles, rememberCircle, replaceCircleKey } from './savedCircles';

describe('circles kept in this browser', () => {
  it('list the most recently opened first, once each', () => {
    rememberCircle('k1', 'Garden', 1);
    rememberCircle('k2', 'Kitchen', 2);
    rememberCircle('k1', 'Garden circle', 3);
    expect(loadSavedCircles()).toEqual([
      { key: 'k1', name: 'Garden circle', openedAt: 3 },
      { key: 'k2', name: 'Kitchen', openedAt: 2 },
    ]);
  });

  it('[S3] keep only the new link after a rotation, and forget a refused one', () => {
    rememberCircle('old', 'Garden', 1);
    rememberCircle('other', 'Kitchen', 2);
    replaceCircleKey('old', 'new');
    expect(loadSavedCircles().map((c) => c.key)).toEqual(['other', 'new']);
    forgetCircle('other');
    expect(loadSavedCircles().map((c) => c.key)).toEqual(['new']);
  });

  it('survive damaged storage', () => {
    localStorage.setItem('circlewise:circles', '{not json');
    expect(loadSavedCircles()).toEqual([]);
    localStorage.setItem(
      'circlewise:circles',
      JSON.stringify([{ key: 'k', name: 'Garden', openedAt: 1 }, { key: 7 }, null]),
    );
    expect(loadSavedCircles()).toEqual([{ key: 'k', name: 'Garden', openedAt: 1 }]);
  });
});
