/**
 * The frame around every socket handler (S6): a message is always answered, never with a crash,
 * never by silence, and the answer waits until the log is durable (A1).
 */
import type { Failure } from '@circlewise/shared/protocol';
import type { PlainReason } from '@circlewise/shared/refusals';
import { logStorageFault, storageFailure, storageRefusal } from '../commands/storageFault';
import type { EventStore } from '../store/eventStore';
import { fail, isFailure } from '../wire/failures';
import type { Gateway } from './context';

export type Ack<R> = (result: R | Failure) => void;

/**
 * A handler for one client→server event. `body` gets the raw payload and an ack that is sent once
 * what was appended is committed. An unexpected error is logged and answered with `internal` and
 * `failed`, which says honestly what a retry will find.
 */
export function handler<R>(
  gateway: Gateway,
  failed: PlainReason,
  body: (raw: unknown, ack: Ack<R>) => void,
): (raw: unknown, sendAck: unknown) => void {
  return (raw, sendAck) => {
    if (typeof sendAck !== 'function') return answerEmpty(raw);
    const ack = durable(gateway.meetings.store, sendAck as Ack<R>);
    try {
      body(raw, ack);
    } catch (error) {
      // A9: a write the storage refused (a join's, a screen link's): nothing of it was recorded.
      const refused = storageFailure(error);
      if (refused) logStorageFault(gateway.log, 'a socket request', error);
      else gateway.log('circlewise: handler failed', error);
      ack(refused ?? fail('internal', failed));
    }
  };
}

/**
 * A1 under group commit: acks wait, in order, until the appends before them are committed. A9: if
 * that commit fails, an ack that said yes says `storage_full` or `storage_error` instead (what it
 * acknowledged, or read, is not in the log); a refusal is sent as it was.
 */
function durable<R>(store: EventStore, send: Ack<R>): Ack<R> {
  return (result) =>
    store.whenDurable
      ? store.whenDurable(
          () => send(result),
          (fault) => send(isFailure(result as object) ? result : storageRefusal(fault)),
        )
      : send(result);
}

/**
 * A message sent with an ack but no payload arrives with the ack in the payload's place: answer
 * it with an error rather than leave the client waiting (S6). Without any ack there is no one to
 * answer.
 */
function answerEmpty(raw: unknown): void {
  if (typeof raw === 'function') {
    (raw as (r: Failure) => void)(fail('invalid_payload', 'no_payload'));
  }
}
