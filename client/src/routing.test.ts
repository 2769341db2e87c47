import { describe, expect, it } from 'vitest';
import { circleMinutesPath, parseRoute } from './routing';

describe('routes', () => {
  it('[S3] open a circle by the key in its member link', () => {
    expect(parseRoute('/c/k3y_-AbC')).toEqual({ page: 'circle', key: 'k3y_-AbC' });
    expect(parseRoute('/c/k3y/m/abc123')).toEqual({ page: 'circle-minutes', key: 'k3y', code: 'ABC123' });
  });

  it('round-trip a minutes path', () => {
    expect(parseRoute(circleMinutesPath('k/y', 'ABC123'))).toEqual({
      page: 'circle-minutes',
      key: 'k/y',
      code: 'ABC123',
    });
  });

  it('find nothing at an incomplete or unknown circle path', () => {
    for (const path of ['/c', '/c/', '/c/key/m', '/c/key/x/ABC123', '/c/key/m/ABC123/more'])
      expect(parseRoute(path)).toEqual({ page: 'not-found' });
  });

  it('find nothing, without throwing, for a link with a broken escape', () => {
    expect(parseRoute('/c/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('/m/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  it('find nothing for an inherited property name as a meeting page', () => {
    expect(parseRoute('/m/ABC123/toString')).toEqual({ page: 'not-found' });
  });
});
