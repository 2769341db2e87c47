/**
 * Builds round items for tests the way the server records them: the item's seed and its events,
 * reduced by the shared reducers, the round's own by the round's and who comes and goes by the
 * meeting's (M2). A round hides nothing, so every viewer sees the same view.
 */
import { FACILITATOR } from '@circlewise/shared/events';
import {
  emptyMeetingView,
  type MeetingView,
  reduceMeeting,
  type Seated,
  seated,
} from '@circlewise/shared/meeting';
import { emptyRoundView, type RoundView } from '@circlewise/shared/round';
import { reduceRound } from '@circlewise/shared/roundReducer';
import { ANA, BEN, CLEO, EventScript, START } from './meetingScript';

export class RoundScript extends EventScript {
  constructor(title = 'Check-in') {
    super({ type: 'meeting.created', meetingId: 'm1', code: 'ABC123', title, by: FACILITATOR });
  }

  leave(participantId: string): this {
    return this.add({ type: 'participant.left', participantId, reason: 'left', by: participantId });
  }

  speak(participantId: string, text: string): this {
    return this.add({ type: 'round.spoken', participantId, text, by: participantId });
  }

  /** O1: the round goes around in this order (`shuffled` when the server drew it). */
  order(order: string[], shuffled = false): this {
    return this.add({ type: 'round.ordered', order, shuffled, by: FACILITATOR });
  }

  /** O2: this participant passes on their turn. */
  pass(participantId: string): this {
    return this.add({ type: 'round.passed', participantId, by: participantId });
  }

  close(): this {
    return this.add({ type: 'round.closed', by: FACILITATOR });
  }

  /** The time of the event at `seq` (events are a minute apart from START). */
  static at(seq: number): number {
    return START + seq * 60_000;
  }

  /** A round of Ana, Ben and Cleo, open, nobody has spoken yet (seqs 1–4). */
  static open(title?: string): RoundScript {
    return new RoundScript(title).join(ANA, 'Ana').join(BEN, 'Ben').join(CLEO, 'Cleo');
  }

  /** The round as screens read it: the item of a meeting on this one round, seated in it. */
  view(): Seated<RoundView> {
    const meeting = this.meeting();
    return seated(meeting, meeting.views.r1 as RoundView);
  }

  /** The meeting the round stands in, as the store holds it (its door, S12, among the rest). */
  meeting(): MeetingView {
    const [created, ...rest] = this.events;
    if (created?.type !== 'meeting.created') throw new Error('a round starts with its seed');
    // A meeting is made as a decision or an election; this one stands on the round from the start.
    const start: MeetingView = {
      ...emptyMeetingView(),
      meetingId: created.meetingId,
      code: created.code,
      seq: created.seq,
      items: [{ id: 'r1', kind: 'round', title: created.title, addedAt: created.at, openedAt: created.at }],
      views: { r1: reduceRound(emptyRoundView(), created) },
      currentItemId: 'r1',
    };
    return rest.reduce(reduceMeeting, start);
  }
}
