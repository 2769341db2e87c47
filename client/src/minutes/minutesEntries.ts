/**
 * R1: the minutes are the event log read aloud. Walks the events with the shared reducer so each
 * line can name people and versions as they were at that moment.
 */

import { type Gesture, OUTCOME_LABELS, STAGE_LABELS } from '@circlewise/shared/constants';
import { currentProposal } from '@circlewise/shared/election';
import { FACILITATOR, type MeetingEvent, SYSTEM } from '@circlewise/shared/events';
import { type AnyMeetingView, emptyMeetingView, reduceMeeting } from '@circlewise/shared/meeting';
import { GESTURE_LABELS } from '../components/GestureIcon';
import { RESPONSE_LABELS } from '../components/ResponseKindLabel';
import { nomineeName, termText } from '../lib/election';
import { formatDate, type WithPeople } from '../lib/names';

export interface MinutesEntry {
  seq: number;
  at: number;
  who: string;
  kind:
    | 'stage'
    | 'proposal'
    | 'question'
    | 'reaction'
    | 'response'
    | 'objection'
    | 'outcome'
    | 'people'
    | 'nomination';
  text: string;
  /** Longer content shown under the line (proposal text, reasons). */
  detail?: string;
}

const STAGE_REASONS = {
  advance: 'moved on',
  back: 'went back',
  late_objection: 'a late objection reopened the objection round',
  amendment: 'an amendment asks everyone again for objections',
  reveal: 'the nominations were revealed',
  declined: 'the candidate declined',
} as const;

export function minutesFromEvents(events: readonly MeetingEvent[]): {
  view: AnyMeetingView;
  entries: MinutesEntry[];
} {
  let view: AnyMeetingView = emptyMeetingView();
  const entries: MinutesEntry[] = [];
  // Sealed submissions this reader received without content; their content arrives with the reveal.
  const unseen = new Set<string>();

  for (const e of events) {
    const before = view;
    view = reduceMeeting(view, e);
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
        add(
          'stage',
          `${e.kind === 'election' ? 'Role election' : 'Meeting'} “${e.title}” opened (code ${e.code}).`,
        );
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
        const q =
          before.kind === 'decision' ? before.questions.find((x) => x.id === e.questionId) : undefined;
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
        if (e.stage === 'consent' && e.kind === 'objection')
          add('response', `Late objection on version ${e.version}: ${e.reason ?? ''}`);
        else if (e.stage === 'consent')
          add(
            'response',
            // E4: in an election the candidate's consent is their acceptance of the role.
            before.kind === 'election' && currentProposal(before)?.candidateId === e.participantId
              ? `Accepted the role (proposal version ${e.version}).`
              : `Consented to version ${e.version}.`,
          );
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
      case 'role.set':
        add(
          'proposal',
          `Role: ${e.role}, for ${termText(e.termStart, e.termEnd)}.`,
          e.description || undefined,
        );
        break;
      case 'nomination.given':
        if (e.nomineeId === undefined) {
          unseen.add(`n:${e.participantId}`);
          add('nomination', 'Nominated someone (shown when revealed).');
        } else add('nomination', nominationText(view, e.nomineeId, e.reason));
        break;
      case 'nominations.revealed':
        add(
          'nomination',
          'Nominations revealed.',
          e.nominations
            .map((n) => `${name(n.participantId)}: ${nominationText(view, n.nomineeId, n.reason)}`)
            .join('\n'),
        );
        break;
      case 'nomination.changed':
        add(
          'nomination',
          e.from === e.to
            ? `Kept their nomination of ${nomineeName(view, e.to)}.`
            : `Changed from ${nomineeName(view, e.from)} to ${nomineeName(view, e.to)}, because ${e.reason}`,
        );
        break;
      case 'candidate.proposed': {
        const resolved = e.resolves.map((id) => objectionOwner(before, id)).filter(Boolean);
        add(
          'proposal',
          `Proposal version ${e.version}: ${name(e.candidateId)}, for ${termText(e.termStart, e.termEnd)}.${
            resolved.length ? ` It resolves the objection of ${resolved.join(', ')}.` : ''
          }`,
          `Reasons: ${e.reasons}`,
        );
        break;
      }
      case 'candidate.declined':
        add('outcome', `Declined the role (version ${e.version})${e.reason ? `: ${e.reason}` : '.'}`);
        break;
      case 'election.recorded':
        add(
          'outcome',
          e.outcome === 'elected'
            ? `Outcome: ${OUTCOME_LABELS.elected} ${e.electedName ?? ''} as ${e.role ?? 'the role'}${
                e.termStart && e.termEnd ? `, for ${termText(e.termStart, e.termEnd)}` : ''
              } (version ${e.version}).`
            : `Outcome: ${OUTCOME_LABELS.none}.`,
          e.note,
        );
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

function nominationText(view: WithPeople, nomineeId: string | null, reason?: string): string {
  const whom = nomineeId === null ? 'no one yet' : nomineeName(view, nomineeId);
  return `Nominated ${whom}${reason ? `, because ${reason}` : '.'}`;
}

function objectionOwner(view: AnyMeetingView, objectionId: string): string {
  const o = view.objections.find((x) => x.id === objectionId);
  return o ? (view.participants[o.participantId]?.name ?? 'someone') : '';
}

function reactionText(text: string, gesture?: Gesture): string {
  return gesture ? `${text} (${GESTURE_LABELS[gesture]})` : text;
}
