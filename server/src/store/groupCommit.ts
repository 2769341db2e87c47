/**
 * Group commit (ARCHITECTURE: performance facts): the appends of one event-loop turn share one
 * SQLite transaction, so a burst of a thousand phones costs a few commits, not a thousand.
 *
 * The first append of a turn opens the transaction and schedules its COMMIT with setImmediate,
 * which runs after Socket.IO has handled every packet that arrived in that turn's poll phase.
 * Each append is its own savepoint inside it (better-sqlite3 nests `db.transaction` that way),
 * so one command's failure rolls back that command only.
 *
 * A1 still holds: whatever the gateway would send while a commit is pending (acks, broadcasts,
 * resync replies) waits in `whenDurable` and goes out, in order, once COMMIT has returned.
 *
 * A9: if the shared transaction fails (COMMIT fails, or SQLite rolls the whole transaction back
 * when a disk fills up mid-append), nothing of the group is in the log. What is left of it is
 * rolled back, and each waiter hears it through its `failed` (the recorder rebuilds the meetings
 * it applied events to from their logs; acks become `storage_full` or `storage_error`;
 * broadcasts are dropped). The store stays open: the next append begins a new transaction, and
 * succeeds once the fault has gone. The process never exits over it.
 */
import type Database from 'better-sqlite3';
import type { StorageFault } from './eventStore';

interface Waiter {
  send: () => void;
  failed?: ((fault: StorageFault) => void) | undefined;
}

export type Log = (message: string, error?: unknown) => void;

export class GroupCommit {
  private open = false;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly db: Database.Database,
    /** Turns what SQLite threw into a StorageFault (sqliteStore's `storageFault`). */
    private readonly toFault: (error: unknown) => StorageFault,
    private readonly log: Log = (m, e) => (e === undefined ? console.error(m) : console.error(m, e)),
  ) {}

  /** Is a shared transaction open (appends waiting for their COMMIT)? */
  get pending(): boolean {
    return this.open;
  }

  /** Called before an append: makes sure a transaction is open and its commit scheduled. */
  begin(): void {
    if (this.open) {
      if (this.db.inTransaction) return;
      // SQLite rolled the group's transaction back under an earlier statement: it is lost.
      this.fail(this.toFault(new Error('the shared transaction was rolled back')));
    }
    // A ROLLBACK that failed before leaves a transaction open that nothing is waiting for.
    if (this.db.inTransaction) this.rollback();
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    setImmediate(() => this.flush());
  }

  /**
   * Runs `send` once everything appended so far is committed (at once if nothing is pending);
   * `failed` instead if that commit fails (A9).
   */
  whenDurable(send: () => void, failed?: (fault: StorageFault) => void): void {
    if (this.open) this.waiting.push({ send, failed });
    else send();
  }

  /** Commits now (also before a close, or before work that must not join the open batch). */
  flush(): void {
    if (!this.open) return;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      this.fail(this.toFault(error));
      return;
    }
    this.open = false;
    for (const { send } of this.waiting.splice(0)) this.safely(send);
  }

  /**
   * A9: the group's transaction failed. What is left of it is rolled back, so the log is as it
   * was before the group; every waiter with a `failed` hears it first (memory is put back to the
   * log before anyone reads it), then the reads among them are answered from the log.
   */
  fail(fault: StorageFault): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.inTransaction) this.rollback();
    const waiters = this.waiting.splice(0);
    // The append that broke the group reports itself; this is for the others it took along.
    if (waiters.length > 0) {
      const code = fault.kind === 'full' ? 'storage_full' : 'storage_error';
      this.log(
        `circlewise: ${code}: a shared commit failed and was rolled back; every write in it was refused (${fault.message})`,
      );
    }
    for (const { failed } of waiters) if (failed) this.safely(() => failed(fault));
    for (const { send, failed } of waiters) if (!failed) this.safely(send);
  }

  private rollback(): void {
    try {
      this.db.exec('ROLLBACK');
    } catch (error) {
      // The next begin() tries again; until then nothing new is written.
      this.log('circlewise: storage_error: ROLLBACK failed', error);
    }
  }

  private safely(send: () => void): void {
    try {
      send();
    } catch (error) {
      this.log('circlewise: sending after commit failed', error);
    }
  }
}
