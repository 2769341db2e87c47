/**
 * A9 A storage fault refuses, it does not crash-loop: a write the store could not make (a full
 * disk, an I/O error) is answered as a refusal both transports send the same way, `storage_full`
 * or `storage_error`, with a sentence a person can read. Nothing of it was recorded.
 */
import type { Failure } from '@circlewise/shared/protocol';
import { StorageFault } from '../store/eventStore';
import { fail } from '../wire/failures';

/** The refusal for a storage fault; undefined if `error` is not one. */
// [A9]
export function storageFailure(error: unknown): Failure | undefined {
  return error instanceof StorageFault ? refusalOf(error.kind) : undefined;
}

/** The refusal for a storage fault, or for anything else that failed a write: `storage_error`. */
export function storageRefusal(error: unknown): Failure {
  return refusalOf(error instanceof StorageFault ? error.kind : 'failed');
}

function refusalOf(kind: StorageFault['kind']): Failure {
  return kind === 'full' ? fail('storage_full', 'storage_full') : fail('storage_error', 'storage_error');
}

/** REST: 507 Insufficient Storage for a full disk, 503 for any other storage fault. */
export function storageStatus(failure: Failure): number {
  return failure.error.code === 'storage_full' ? 507 : 503;
}

/** One line in the log per refused write, for operators to count (docs/operations.md). */
export function logStorageFault(log: (message: string) => void, where: string, error: unknown): void {
  const failure = storageFailure(error);
  if (failure) log(`circlewise: ${failure.error.code}: ${where} was refused (${(error as Error).message})`);
}
