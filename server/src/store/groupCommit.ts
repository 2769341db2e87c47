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
 * If COMMIT itself fails, the live actors have applied events the log does not have: the
 * process exits, and the restart rebuilds every meeting from the log (A8), which is the truth.
 */
import type Database from 'better-sqlite3';

export class GroupCommit {
  private pending = false;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly db: Database.Database,
    private readonly onCommitFailure: (error: unknown) => never = (error) => {
      console.error('circlewise: commit failed; exiting so the log is the truth on restart', error);
      process.exit(1);
    },
  ) {}

  /** Called before an append: makes sure a transaction is open and its commit scheduled. */
  begin(): void {
    if (this.pending) return;
    this.db.exec('BEGIN IMMEDIATE');
    this.pending = true;
    setImmediate(() => this.flush());
  }

  /** Runs `send` once everything appended so far is committed (at once if nothing is pending). */
  whenDurable(send: () => void): void {
    if (this.pending) this.waiting.push(send);
    else send();
  }

  /** Commits now (also before a close, or before work that must not join the open batch). */
  flush(): void {
    if (!this.pending) return;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      this.onCommitFailure(error);
    }
    this.pending = false;
    for (const send of this.waiting.splice(0)) {
      try {
        send();
      } catch (error) {
        console.error('circlewise: sending after commit failed', error);
      }
    }
  }
}
