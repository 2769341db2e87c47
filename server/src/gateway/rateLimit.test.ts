/**
 * S5: the per-socket token bucket, with a fake socket and clock.
 */
import { describe, expect, it, vi } from 'vitest';
import { limitRate } from './rateLimit';

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
