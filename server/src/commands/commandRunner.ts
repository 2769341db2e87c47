/**
 * The spine of one command, below both transports (ARCHITECTURE: the flow of one command). A
 * socket's command after AUTH and VALIDATE, the server's own (a review put on an agenda over
 * REST, R3) and a phone's join all go DECIDE → APPEND → APPLY → ACK here, and BROADCAST is handed
 * to the publisher (the gateway) once the log has the events (A1). Nothing here knows Socket.IO
 * or Express.
 */
import { randomUUID } from 'node:crypto';
import { FACILITATOR, type MeetingEvent, SYSTEM } from '@circlewise/shared/events';
import type { CommandResult } from '@circlewise/shared/protocol';
import type { Caller } from '../decision/decideEngine';
import type { InternalCommand, LiveMeeting } from '../meeting/liveMeeting';
import type { Meetings } from '../meeting/meetings';
import { DuplicateCommandError, type NewToken, SeqConflictError } from '../store/eventStore';
import { fail } from '../wire/failures';
import type { Publisher } from './publisher';
import { type Log, type Recorded, Recorder } from './recorder';
import { logStorageFault, storageFailure } from './storageFault';

export interface CommandRunnerOptions {
  now?: () => number;
  log?: Log;
}

export class CommandRunner {
  private readonly now: () => number;
  private readonly log: Log;
  private readonly recorder: Recorder;

  constructor(
    private readonly meetings: Meetings,
    private readonly publisher: Publisher,
    options: CommandRunnerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.log =
      options.log ?? ((m: string, e?: unknown) => (e === undefined ? console.error(m) : console.error(m, e)));
    this.recorder = new Recorder(meetings, publisher, this.log);
  }

  /**
   * DECIDE → APPEND → APPLY → ACK → BROADCAST for a command whose caller is known (AUTH and
   * VALIDATE are the transport's). `ack` is called once, before the broadcast; a transport that
   * groups commits sends it once the log is durable (A1). A throw out of here means nothing was
   * recorded. `sender` is who sent it (the connection's participant, or `facilitator` for the
   * key's holder); absent, the caller's identity.
   */
  execute(
    meeting: LiveMeeting,
    command: InternalCommand,
    caller: Caller,
    ack: (result: CommandResult) => void,
    sender: string = caller.role === 'participant' ? caller.participantId : FACILITATOR,
  ) {
    const { store } = this.meetings;
    // [A2]
    // A retry of a recorded command returns its first result and records nothing. Ids are kept
    // per sender: someone else's id is not a retry of yours.
    const seen = store.commandSeq(meeting.id, command.commandId, sender);
    if (seen !== undefined) return ack({ ok: true, seq: seen, duplicate: true });

    // DECIDE
    const { reviewMonths } = meeting.view;
    const decision = meeting.decide(command, caller, {
      now: this.now(),
      newId: randomUUID,
      ...(reviewMonths !== undefined && { reviewMonths }),
    });
    if (!decision.ok) return ack({ ok: false, error: decision.error });

    // APPEND → APPLY
    let recorded: Recorded;
    try {
      recorded = this.recorder.record(meeting, command.commandId, decision.events, undefined, sender);
    } catch (error) {
      if (error instanceof DuplicateCommandError) {
        const seq = store.commandSeq(meeting.id, command.commandId, sender) ?? 0;
        return ack({ ok: true, seq, duplicate: true });
      }
      if (error instanceof SeqConflictError) {
        return ack(fail('stale_stage', 'meeting_changed_same_moment'));
      }
      // A9: a full or failing disk refuses the command; nothing was recorded or applied.
      const refused = storageFailure(error);
      if (refused) {
        logStorageFault(this.log, `command ${command.type} in meeting ${meeting.id}`, error);
        return ack(refused);
      }
      throw error;
    }

    // ACK
    ack({ ok: true, seq: recorded.seq, duplicate: false });

    // BROADCAST
    this.broadcast(meeting.id, decision.events);
  }

  /**
   * The server's own command, run as the facilitator with the server as its sender (R3: a review
   * put on a live agenda; A7: an abandoned meeting closed). `meeting`: the instance to run it on,
   * when the caller has it already (a closed-over meeting read through, not kept).
   */
  run(meetingId: string, command: InternalCommand, meeting = this.meetings.get(meetingId)): CommandResult {
    if (!meeting) return fail('unknown_meeting', 'no_such_meeting');
    let result: CommandResult = fail('internal', 'command_not_answered');
    this.execute(
      meeting,
      command,
      { role: 'facilitator' },
      (r) => {
        result = r;
      },
      SYSTEM,
    );
    return result;
  }

  /**
   * A participant is present (M2): a new one with the token they joined with (S2), in the same
   * transaction, or one who left and came back. DECIDE → APPEND → APPLY; the caller acks the
   * join, then broadcasts `events`. Undefined: the meeting takes no participant now.
   */
  join(
    meeting: LiveMeeting,
    participant: { id: string; name: string },
    token?: NewToken,
  ): (Recorded & { events: MeetingEvent[] }) | undefined {
    return this.arrive(meeting, 'participant.joined', participant, token);
  }

  /**
   * S12: a new device at a locked door waits, recorded with its token in one transaction so it
   * comes back as the same person once admitted. Undefined: the meeting takes no one now.
   */
  wait(
    meeting: LiveMeeting,
    participant: { id: string; name: string },
    token: NewToken,
  ): (Recorded & { events: MeetingEvent[] }) | undefined {
    return this.arrive(meeting, 'participant.waiting', participant, token);
  }

  /** DECIDE → APPEND → APPLY for someone at the door: joined, or waiting to be admitted. */
  private arrive(
    meeting: LiveMeeting,
    type: 'participant.joined' | 'participant.waiting',
    participant: { id: string; name: string },
    token?: NewToken,
  ): (Recorded & { events: MeetingEvent[] }) | undefined {
    const event = {
      type,
      participantId: participant.id,
      name: participant.name,
      by: participant.id,
      seq: meeting.view.seq + 1,
      at: this.now(),
      commandId: randomUUID(),
    } as MeetingEvent;
    // DECIDE
    if (!meeting.can(event)) return undefined;
    // APPEND → APPLY
    return { ...this.recorder.record(meeting, event.commandId, [event], token), events: [event] };
  }

  /**
   * BROADCAST, once every append so far is durable (A1). The events are recorded and acked by
   * now: a failure to send is logged, and screens catch up by seq when they next hear (A3).
   */
  broadcast(meetingId: string, events: readonly MeetingEvent[]): void {
    const send = (): void => {
      try {
        this.publisher.publish(meetingId, events);
      } catch (error) {
        this.log(`circlewise: broadcast to meeting ${meetingId} failed`, error);
      }
    };
    const { store } = this.meetings;
    // A9: if their commit fails, the events are not in the log and nobody hears of them.
    if (store.whenDurable) store.whenDurable(send, () => {});
    else send();
  }

  /** The server's clock, the one deadlines are made with (T1): screens learn their offset from it (T2). */
  serverNow(): number {
    return this.now();
  }
}
