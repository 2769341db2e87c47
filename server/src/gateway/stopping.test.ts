/**
 * A12: the gateway's refusal while the server stops, with a fake socket.
 */
import { describe, expect, it, vi } from 'vitest';
import { refuseWhileStopping } from './stopping';

describe('[A12] messages while stopping', () => {
  it('[A12] are answered server_restarting and not handled; before the stop they pass', () => {
    let middleware: (packet: unknown[], next: (e?: Error) => void) => void = () => {};
    let stopping = false;
    refuseWhileStopping({ use: (fn) => (middleware = fn) }, () => stopping);
    const send = () => {
      const ack = vi.fn();
      const next = vi.fn();
      middleware(['meeting:command', {}, ack], next);
      return { handled: next.mock.calls.length === 1, answer: ack.mock.calls[0]?.[0] };
    };
    expect(send()).toEqual({ handled: true, answer: undefined });
    stopping = true;
    const refused = send();
    expect(refused.handled).toBe(false);
    expect(refused.answer).toMatchObject({ ok: false, error: { code: 'server_restarting' } });
    expect(refused.answer.error.message).toMatch(/restarting/);
  });
});
