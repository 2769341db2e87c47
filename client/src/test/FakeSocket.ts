/**
 * A stand-in for the Socket.IO client socket: records what the client emits with its ack, and
 * lets a test play the server (connect, push events, drop the connection, answer acks).
 */
import type { MeetingSocket } from '../net/meetingConnection';

type Listener = (...args: never[]) => void;

export interface Emitted {
  event: string;
  payload: unknown;
  ack: (result: unknown) => void;
}

export class FakeSocket implements MeetingSocket {
  connected = false;
  emitted: Emitted[] = [];
  connectCalls = 0;
  private listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  off(event: string): this {
    this.listeners.delete(event);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, payload: args[0], ack: args[1] as (result: unknown) => void });
    return this;
  }

  connect(): this {
    this.connectCalls++;
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  /** The server side: fire a socket event at the client. */
  serverFires(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }

  open() {
    this.connected = true;
    this.serverFires('connect');
  }

  drop(reason = 'transport close') {
    this.connected = false;
    this.serverFires('disconnect', reason);
  }

  /** Emissions of one event name, oldest first. */
  sent(event: string): Emitted[] {
    return this.emitted.filter((e) => e.event === event);
  }

  last(event: string): Emitted {
    const all = this.sent(event);
    const last = all[all.length - 1];
    if (!last) throw new Error(`nothing was emitted as ${event}`);
    return last;
  }
}
