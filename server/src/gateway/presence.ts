/**
 * Presence through the broadcast window (broadcaster.ts). A phone that connects or drops changes
 * who is online for everyone in its meeting; sent one by one, a reconnect storm of N phones (the
 * Wi-Fi comes back) costs N messages to each of N screens, O(N²). Here the changes of one window
 * are coalesced into one `meeting:presence` per meeting room, each participant once with their
 * latest state, so the storm costs O(N) messages in all.
 *
 * Unlike events, presence has no leading edge: the first change of a quiet meeting waits for the
 * window too, so a storm that starts with one phone is still one message. A window of 0 sends
 * each change at once.
 */
import type { PresenceBatch } from '@circlewise/shared/protocol';

export class PresenceWindow {
  /** Per meeting, the latest state of each participant whose presence changed in this window. */
  private readonly pending = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly send: (meetingId: string, batch: PresenceBatch) => void,
    /** The meeting's broadcast window now (it grows with the room; broadcaster.ts). */
    private readonly windowMs: (meetingId: string) => number,
  ) {}

  /** A participant's first connection opened (`online`) or their last one closed. */
  change(meetingId: string, participantId: string, online: boolean): void {
    const windowMs = this.windowMs(meetingId);
    if (windowMs <= 0) {
      this.send(meetingId, { changes: [{ participantId, online }] });
      return;
    }
    let changes = this.pending.get(meetingId);
    if (!changes) {
      changes = new Map();
      this.pending.set(meetingId, changes);
      setTimeout(() => this.flush(meetingId), windowMs).unref();
    }
    // Latest state wins, and goes last: a batch reads in the order things last happened.
    changes.delete(participantId);
    changes.set(participantId, online);
  }

  private flush(meetingId: string): void {
    const changes = this.pending.get(meetingId);
    this.pending.delete(meetingId);
    if (!changes) return;
    this.send(meetingId, {
      changes: [...changes].map(([participantId, online]) => ({ participantId, online })),
    });
  }
}
