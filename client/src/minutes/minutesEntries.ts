/**
 * R1: the minutes are the event log read aloud. Walks the events with the shared reducer so each
 * line can name people and versions as they were at that moment.
 */
import { type Gesture, OUTCOME_LABELS, STAGE_LABELS } from '@circlewise/shared/constants';
import { FACILITATOR, type MeetingEvent, SYSTEM } from '@circlewise/shared/events';
import { reduce } from '@circlewise/shared/reducer';
import { emptyView, type MeetingView } from '@circlewise/shared/view';
import { GESTURE_LABELS } from '../components/GestureIcon';
import { RESPONSE_LABELS } from '../components/ResponseKindLabel';
import { formatDate } from '../lib/names';

export interface MinutesEntry {
  seq: number;
  at: number;
  who: string;
  kind: 'stage' | 'proposal' | 'question' | 'reaction' | 'response' | 'objection' | 'outcome' | 'people';
  text: string;
  /** Longer content shown under the line (proposal text, reasons). */
  detail?: string;
}

const STAGE_REASONS = {
  advance: 'moved on',
  back: 'went back',
  late_objection: 'a late objection reopened the objection round',
  amendment: 'an amendment asks everyone again for objections',
} as const;

export function minutesFromEvents(events: readonly MeetingEvent[]): {
  view: MeetingView;
  entries: MinutesEntry[];
} {
  let view = emptyView();
  const entries: MinutesEntry[] = [];
  // Sealed submissions this reader received without content; their content arrives with the reveal.
  const unseen = new Set<string>();

  for (const e of events) {
    const before = view;
    view = reduce(view, e);
    const name = (id: string) => view.participants[id]?.name ?? 'Someone';
    const who = e.by === FACILITATOR ? 'Facilitator' : e.by === SYSTEM ? '' : name(e.by);
    const add = (kind: MinutesEntry['kind'], text: string, detail?: string) =>
      // People lines already name the person; a "who" prefix would say it twice.
      entries.push({
        seq: e.seq,
        at: e.at,
        who: kind === 'people' ? '' : who,
        kind,
        text,
        ...(detail && { detail }),
      });

    switch (e.type) {
      case 'meeting.created':
        add('stage', `Meeting “${e.title}” opened (code ${e.code}).`);
        break;
      case 'participant.joined':
        if (!before.participants[e.participantId]) add('people', `${e.name} joined.`);
        else add('people', `${e.name} rejoined.`);
        break;
      case 'participant.left':
        add(
          'people',
          e.reason === 'left'
            ? `${name(e.participantId)} left.`
            : `${name(e.participantId)} was marked absent.`,
        );
        break;
      case 'proposal.edited':
        add(
          'proposal',
          `Proposal version 1 written: “${e.title}”.`,
          `Driver: ${e.driver}\n\nProposal: ${e.text}`,
        );
        break;
      case 'proposal.amended': {
        const resolved = e.resolves.map((id) => objectionOwner(before, id)).filter(Boolean);
        add(
          'proposal',
          `Proposal amended: version ${e.version}.${resolved.length ? ` It resolves the objection of ${resolved.join(', ')}.` : ''}`,
          `Driver: ${e.driver}\n\nProposal: ${e.text}`,
        );
        break;
      }
      case 'stage.changed':
        add('stage', `${STAGE_LABELS[e.from]} → ${STAGE_LABELS[e.to]} (${STAGE_REASONS[e.reason]}).`);
        break;
      case 'question.asked':
        add('question', `Asked (on version ${e.version}): ${e.text}`);
        break;
      case 'question.answered': {
        const q = before.questions.find((x) => x.id === e.questionId);
        add(
          'question',
          `Answered ${q ? `${name(q.participantId)}’s question “${q.text}”` : 'a question'}: ${e.text}`,
        );
        break;
      }
      case 'reaction.given':
        if (e.text === undefined) {
          unseen.add(`r:${e.participantId}`);
          add('reaction', 'Gave a reaction (shown when revealed).');
        } else add('reaction', `Reacted: ${reactionText(e.text, e.gesture)}`);
        break;
      case 'response.given':
        if (e.stage === 'consent') add('response', `Consented to version ${e.version}.`);
        else if (e.kind === undefined) {
          unseen.add(`o:${e.participantId}`);
          add('response', `Responded to version ${e.version} (shown when revealed).`);
        } else
          add(
            'response',
            `${RESPONSE_LABELS[e.kind]} on version ${e.version}${e.reason ? `: ${e.reason}` : '.'}`,
          );
        break;
      case 'responses.revealed': {
        const lines =
          e.stage === 'reactions'
            ? e.reactions
                .filter((r) => unseen.has(`r:${r.participantId}`))
                .map((r) => `${name(r.participantId)}: ${reactionText(r.text, r.gesture)}`)
            : e.responses
                .filter((r) => unseen.has(`o:${r.participantId}`))
                .map(
                  (r) =>
                    `${name(r.participantId)}: ${RESPONSE_LABELS[r.kind]}${r.reason ? ` (${r.reason})` : ''}`,
                );
        add(
          'stage',
          `${e.stage === 'reactions' ? 'Reactions' : 'Objection-round responses'} revealed.`,
          lines.join('\n'),
        );
        break;
      }
      case 'objection.tested':
        add(
          'objection',
          `Tested the objection of ${objectionOwner(before, e.objectionId) || 'someone'}: ${
            e.verdict === 'qualifies' ? 'it qualifies and must be resolved' : 'recorded as a concern'
          }.`,
        );
        break;
      case 'objection.withdrawn':
        add('objection', 'Withdrew their objection.');
        break;
      case 'outcome.recorded':
        add(
          'outcome',
          `Outcome: ${OUTCOME_LABELS[e.outcome]} (version ${e.version})${
            e.reviewDate ? `, to be reviewed by ${formatDate(e.reviewDate)}` : ''
          }.`,
          e.note,
        );
        break;
    }
  }
  return { view, entries };
}

function objectionOwner(view: MeetingView, objectionId: string): string {
  const o = view.objections.find((x) => x.id === objectionId);
  return o ? (view.participants[o.participantId]?.name ?? 'someone') : '';
}

function reactionText(text: string, gesture?: Gesture): string {
  return gesture ? `${text} (${GESTURE_LABELS[gesture]})` : text;
}
