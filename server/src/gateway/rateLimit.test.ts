/**
 * S5: the per-socket token bucket, with a fake socket and clock.
 */
import { describe, expect, it, vi } from 'vitest';
import { limitRate, SharedBuckets } from './rateLimit';

function fakeSocket() {
  let middleware: (packet: unknown[], next: (e?: Error) => void) => void = () => {};
  const socket = {
    use: (fn: typeof middleware) => {
      middleware = fn;
    },
    disconnect: vi.fn(),
  };
  const send = () => {
    const ack = vi.fn();
    const next = vi.fn();
    middleware(['meeting:command', {}, ack], next);
    return { passed: next.mock.calls.length === 1, refused: ack.mock.calls[0]?.[0]?.error?.code };
  };
  return { socket, send };
}

describe('[S5] rate limit', () => {
  it('lets a burst through, refuses with rate_limited, refills over time', () => {
    let now = 0;
    const { socket, send } = fakeSocket();
    limitRate(socket, { burst: 3, perSecond: 2, cutAfter: 10 }, () => now);
    expect([send(), send(), send()].every((r) => r.passed)).toBe(true);
    expect(send()).toEqual({ passed: false, refused: 'rate_limited' });
    now += 500; // one token back
    expect(send().passed).toBe(true);
    expect(send().passed).toBe(false);
    expect(socket.disconnect).not.toHaveBeenCalled();
  });

  it('cuts a socket that keeps sending past cutAfter refusals in a row', () => {
    const { socket, send } = fakeSocket();
    limitRate(socket, { burst: 1, perSecond: 1, cutAfter: 5 }, () => 0);
    send();
    for (let i = 0; i < 5; i++) expect(send().refused).toBe('rate_limited');
    expect(socket.disconnect).not.toHaveBeenCalled();
    send();
    expect(socket.disconnect).toHaveBeenCalledWith(true);
  });
});

describe('[S7] shared buckets', () => {
  it('[S7] one identity on many sockets gets what one socket gets, not more', () => {
    const now = 0;
    const buckets = new SharedBuckets();
    const limit = { burst: 4, perSecond: 2, cutAfter: 100 };
    const sockets = Array.from({ length: 5 }, () => fakeSocket());
    for (const { socket } of sockets) {
      limitRate(socket, limit, () => now, undefined, {
        buckets,
        identity: () => 'm:participant:p1',
        address: 'x',
      });
    }
    const passed = sockets.flatMap(({ send }) => [send(), send(), send()]).filter((r) => r.passed);
    expect(passed).toHaveLength(limit.burst);
  });

  it('[S7] the address bucket holds every socket of one address; another address is free', () => {
    const now = 0;
    const buckets = new SharedBuckets();
    const limit = { burst: 10, perSecond: 1, cutAfter: 100, perAddress: { burst: 6, perSecond: 1 } };
    const joined = (address: string, id: string) => {
      const s = fakeSocket();
      limitRate(s.socket, limit, () => now, undefined, { buckets, identity: () => id, address });
      return s;
    };
    const here = [joined('10.0.0.1', 'a'), joined('10.0.0.1', 'b'), joined('10.0.0.1', 'c')];
    const passed = here.flatMap(({ send }) => [send(), send(), send()]).filter((r) => r.passed);
    expect(passed).toHaveLength(6);
    expect(joined('10.0.0.2', 'd').send().passed).toBe(true);
  });

  it('[S7] before a join only the socket and the address count', () => {
    const buckets = new SharedBuckets();
    let identity: string | undefined;
    const { socket, send } = fakeSocket();
    limitRate(socket, { burst: 3, perSecond: 1, cutAfter: 100 }, () => 0, undefined, {
      buckets,
      identity: () => identity,
      address: 'x',
    });
    expect(send().passed).toBe(true);
    identity = 'm:participant:p1';
    expect([send(), send()].every((r) => r.passed)).toBe(true);
    expect(send().passed).toBe(false);
    expect(buckets.size).toBe(1);
  });
});
