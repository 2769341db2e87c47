import { describe, expect, it } from 'vitest';
import { circleMinutesPath, fragmentForm, parseRoute } from './routing';

describe('routes', () => {
  it('[S3] [S10] open a circle by the key in its member link’s fragment', () => {
    expect(parseRoute('/c#k3y_-AbC')).toEqual({ page: 'circle', key: 'k3y_-AbC' });
    expect(parseRoute('/c/m/abc123#k3y')).toEqual({ page: 'circle-minutes', key: 'k3y', code: 'ABC123' });
  });

  it('[S10] an old link with the key in the path still opens, and is moved to the fragment form', () => {
    expect(parseRoute('/c/k3y_-AbC')).toEqual({ page: 'circle', key: 'k3y_-AbC' });
    expect(parseRoute('/c/k3y/m/abc123')).toEqual({ page: 'circle-minutes', key: 'k3y', code: 'ABC123' });
    expect(fragmentForm('/c/k3y_-AbC')).toBe('/c#k3y_-AbC');
    expect(fragmentForm('/c/k3y/m/abc123')).toBe('/c/m/ABC123#k3y');
    for (const address of ['/c#k3y', '/c/m/ABC123#k3y', '/m/ABC123', '/', '/c/m/ABC123'])
      expect(fragmentForm(address), address).toBeUndefined();
  });

  it('round-trip a minutes path', () => {
    expect(parseRoute(circleMinutesPath('k/y', 'ABC123'))).toEqual({
      page: 'circle-minutes',
      key: 'k/y',
      code: 'ABC123',
    });
  });

  it('find nothing at an incomplete or unknown circle path', () => {
    for (const path of [
      '/c',
      '/c/',
      '/c#',
      '/c/m/ABC123',
      '/c/m#key',
      '/c/key/m',
      '/c/key/x/ABC123',
      '/c/key/m/ABC123/more',
    ])
      expect(parseRoute(path)).toEqual({ page: 'not-found' });
  });

  it('find nothing, without throwing, for a link with a broken escape', () => {
    expect(parseRoute('/c/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('/c#%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('/m/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  it('find nothing for an inherited property name as a meeting page', () => {
    expect(parseRoute('/m/ABC123/toString')).toEqual({ page: 'not-found' });
  });
});
