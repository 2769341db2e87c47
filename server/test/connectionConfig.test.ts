/**
 * S7: the connection caps, HTTP time-outs and per-address message rate are read from the
 * environment, with defaults well below a usual file-descriptor limit.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';

describe('[S7] connection and time-out configuration', () => {
  it('[S7] has defaults, reads every variable, and refuses nonsense with a clear message', () => {
    const defaults = readConfig({});
    expect(defaults.connectionLimits).toEqual({ total: 2000, perAddress: 300 });
    expect(defaults.httpTimeouts).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 20_000,
      keepAliveTimeout: 5_000,
    });
    expect(defaults.rateLimit?.perAddress).toEqual({ burst: 600, perSecond: 100 });

    const set = readConfig({
      CIRCLEWISE_MAX_CONNECTIONS: '50',
      CIRCLEWISE_MAX_CONNECTIONS_PER_ADDRESS: '5',
      CIRCLEWISE_HEADERS_TIMEOUT_MS: '2000',
      CIRCLEWISE_REQUEST_TIMEOUT_MS: '3000',
      CIRCLEWISE_KEEP_ALIVE_TIMEOUT_MS: '1000',
      CIRCLEWISE_RATE_ADDRESS_PER_SECOND: '7',
      CIRCLEWISE_RATE_ADDRESS_BURST: '9',
    });
    expect(set.connectionLimits).toEqual({ total: 50, perAddress: 5 });
    expect(set.httpTimeouts).toEqual({ headersTimeout: 2000, requestTimeout: 3000, keepAliveTimeout: 1000 });
    expect(set.rateLimit?.perAddress).toEqual({ burst: 9, perSecond: 7 });
    expect(readConfig({ CIRCLEWISE_RATE_ADDRESS_PER_SECOND: '0' }).rateLimit?.perAddress).toBeUndefined();

    expect(() => readConfig({ CIRCLEWISE_MAX_CONNECTIONS: 'lots' })).toThrow(
      /CIRCLEWISE_MAX_CONNECTIONS must be/,
    );
    expect(() => readConfig({ CIRCLEWISE_HEADERS_TIMEOUT_MS: '5' })).toThrow(/≥ 100/);
  });
});
