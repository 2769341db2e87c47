/**
 * R1: the minutes are the event log read aloud. Walks the events with the shared reducer so each
 * line can name people and versions as they were at that moment. Pure (no DOM, no Node): the
 * client renders these minutes, and the server exports them as Markdown and JSON (R2).
 *
 * Who is in the meeting is the meeting's, not the item's (M2), so the walk keeps the people
 * beside the item's view: from who was there when the item began, through the comings and goings
 * in its log.
 *
 * The events are the reader's copy (A6): a sealed submission from someone else arrives without
 * its content, which the reveal that follows supplies.
 */

import { concernsByPerson } from './concernRecord';
import type { ConsentCheckView } from './consentCheck';
import { type ConsentItemView, emptyConsentItemView, reduceConsentItem } from './consentItem';
import {
  type ElectionOutcome,
  GESTURE_LABELS,
  type Gesture,
  type ObjectionStatus,
  OUTCOME_LABELS,
  type Outcome,
  objectionStatusText,
  RESPONSE_LABELS,
  type ResponseKind,
  STAGE_LABELS,
} from './constants';
import { type Participant, withJoined, withLeft } from './decision';
import { currentProposal, type ElectionView, type RoleTerm } from './election';
import { FACILITATOR, type MeetingEvent, SYSTEM } from './events';
import type { Seated } from './meeting';
import { quotedName, withTypedText } from './typedText';

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
    | 'nomination'
    /** O3: the speaking queue: hands raised and lowered, speakers called. */
    | 'queue';
  text: string;
  /** Longer content shown under the line (proposal text, reasons). */
  detail?: string;
  /**
   * S11: what `who` is: the facilitator's role, a participant's name, or nobody (system and
   * join/leave lines), so that a participant named "Facilitator" never reads as the role.
   */
  whoIs: 'facilitator' | 'participant' | 'none';
  /**
   * S11: `detail` in its parts, each a paragraph: typed text with the label or the name it
   * belongs to, so that a line break typed into one cannot pass for the next.
   */
  parts?: MinutesDetailPart[];
}

/** One paragraph of an entry's detail: `label: text` (`Driver`, `Reasons`, …), `name: text`, or text. */
export interface MinutesDetailPart {
  label?: string;
  /** A participant's name (a revealed reaction, response or nomination). */
  name?: string;
  text: string;
}

function detailText(parts: readonly MinutesDetailPart[], joiner: string): string {
  return parts.map((p) => `${(p.name ?? p.label) ? `${p.name ?? p.label}: ` : ''}${p.text}`).join(joiner);
}

export interface MinutesOptions {
  /**
   * How a calendar date (YYYY-MM-DD: a review date, a term) reads. The client passes its
   * locale's; the default is English and does not depend on where the code runs, so an export
   * reads the same on every server.
   */
  formatDate?: (isoDate: string) => string;
}

const STAGE_REASONS = {
  advance: 'moved on',
  back: 'went back',
  late_objection: 'a late objection reopened the objection round',
  amendment: 'an amendment asks everyone again for objections',
  reveal: 'the nominations were revealed',
  declined: 'the candidate declined',
} as const;

/** A sealed submission this reader got without content, waiting for the reveal to fill it. */
interface Pending {
  index: number;
  /** The response id, for objection-round responses (the reveal names them). */
  responseId?: string;
  /** The line's text once we know the content will never come. */
  replaced: string;
  notRevealed: string;
}

/**
 * The log walk: the final view, seated with who is in the meeting, and one line per event.
 * `participants`: who was in the meeting before the first of these events (an item added later
 * starts with everyone already there); the events' own joins and leaves go on from it.
 */
export function minutesFromEvents(
  events: readonly MeetingEvent[],
  options: MinutesOptions = {},
  participants: Record<string, Participant> = {},
): { view: Seated<ConsentItemView>; entries: MinutesEntry[] } {
  // S11: typed text as every export holds it (CR and CRLF as LF).
  const typed = withTypedText(events);
  const formatDate = options.formatDate ?? englishDate;
  const termText = (start: string, end: string) => `${formatDate(start)} to ${formatDate(end)}`;
  let view: Seated<ConsentItemView> = { ...emptyConsentItemView(), participants };
  const entries: MinutesEntry[] = [];
  // Keyed by round and author: `r:` reactions, `o:` objection-round responses, `n:` nominations.
  const pending = new Map<string, Pending>();

  const wait = (key: string, item: Omit<Pending, 'index'>) => {
    // A later submission by the same person replaces the earlier one (E2, C5): the earlier is
    // never revealed, so its line must not wait for a reveal, nor take the later one's content.
    const earlier = pending.get(key);
    if (earlier) setText(entries, earlier.index, earlier.replaced);
    pending.set(key, { index: entries.length - 1, ...item });
  };
  /** A reveal covers its whole round: whatever of it is still pending will never be shown. */
  const closeRound = (prefix: string) => {
    for (const [key, item] of pending) {
      if (!key.startsWith(prefix)) continue;
      setText(entries, item.index, item.notRevealed);
      pending.delete(key);
    }
  };
  const fill = (key: string, text: string, responseId?: string) => {
    const item = pending.get(key);
    if (!item || item.responseId !== responseId) return false;
    setText(entries, item.index, text);
    pending.delete(key);
    return true;
  };

  for (const e of typed) {
    const before = view;
    view = walk(view, e);
    const name = (id: string) => view.participants[id]?.name ?? 'Someone';
    const nominee = (id: string | null | undefined) => nomineeName(view, id);
    /** A people line starts with the person's name: quoted, so it cannot pass for a role (S11). */
    const person = (id: string) => quotedName(name(id));
    const who = e.by === FACILITATOR ? 'Facilitator' : e.by === SYSTEM ? '' : name(e.by);
    const whoIs = e.by === FACILITATOR ? 'facilitator' : e.by === SYSTEM ? 'none' : 'participant';
    const add = (
      kind: MinutesEntry['kind'],
      text: string,
      parts: MinutesDetailPart[] = [],
      joiner = '\n\n',
    ) => {
      const detail = detailText(parts, joiner);
      // People lines already name the person; a "who" prefix would say it twice.
      entries.push({
        seq: e.seq,
        at: e.at,
        who: kind === 'people' ? '' : who,
        kind,
        text,
        ...(detail && { detail }),
        whoIs: kind === 'people' ? 'none' : whoIs,
        ...(detail && { parts }),
      });
    };

    switch (e.type) {
      case 'meeting.created':
        add(
          'stage',
          `${e.kind === 'election' ? 'Role election' : 'Meeting'} “${e.title}” opened (code ${e.code}).`,
        );
        break;
      case 'participant.joined':
        if (!before.participants[e.participantId]) add('people', `${quotedName(e.name)} joined.`);
        else add('people', `${quotedName(e.name)} rejoined.`);
        break;
      case 'participant.left':
        add(
          'people',
          e.reason === 'left'
            ? `${person(e.participantId)} left.`
            : `${person(e.participantId)} was marked absent.`,
        );
        break;
      case 'proposal.edited':
        add('proposal', `Proposal version 1 written: “${e.title}”.`, proposalParts(e));
        break;
      case 'proposal.amended': {
        const resolved = e.resolves.map((id) => objectionOwner(before, id)).filter(Boolean);
        add(
          'proposal',
          `Proposal amended: version ${e.version}.${resolved.length ? ` It resolves the objection of ${resolved.join(', ')}.` : ''}`,
          proposalParts(e),
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
          add('reaction', 'Gave a reaction (shown when revealed).');
          wait(`r:${e.participantId}`, {
            replaced: 'Gave a reaction (replaced before the reveal).',
            notRevealed: 'Gave a reaction (not revealed).',
          });
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
          add('response', `Responded to version ${e.version} (shown when revealed).`);
          wait(`o:${e.participantId}`, {
            responseId: e.responseId,
            replaced: `Responded to version ${e.version} (replaced before the reveal).`,
            notRevealed: `Responded to version ${e.version} (not revealed).`,
          });
        } else add('response', responseText(e.kind, e.version, e.reason));
        break;
      case 'responses.revealed': {
        const lines: MinutesDetailPart[] = [];
        if (e.stage === 'reactions') {
          for (const r of e.reactions) {
            if (fill(`r:${r.participantId}`, `Reacted: ${reactionText(r.text, r.gesture)}`))
              lines.push({ name: name(r.participantId), text: reactionText(r.text, r.gesture) });
          }
          closeRound('r:');
        } else {
          for (const r of e.responses) {
            const version = pendingVersion(before, r.responseId);
            if (fill(`o:${r.participantId}`, responseText(r.kind, version, r.reason), r.responseId))
              lines.push({
                name: name(r.participantId),
                text: `${RESPONSE_LABELS[r.kind]}${r.reason ? ` (${r.reason})` : ''}`,
              });
          }
          closeRound('o:');
        }
        add(
          'stage',
          `${e.stage === 'reactions' ? 'Reactions' : 'Objection-round responses'} revealed.`,
          lines,
          '\n',
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
          e.description ? [{ text: e.description }] : [],
        );
        break;
      case 'nomination.given':
        if (e.nomineeId === undefined) {
          add('nomination', 'Nominated someone (shown when revealed).');
          wait(`n:${e.participantId}`, {
            replaced: 'Nominated someone (replaced before the reveal).',
            notRevealed: 'Nominated someone (not revealed).',
          });
        } else add('nomination', nominationText(view, e.nomineeId, e.reason));
        break;
      case 'nominations.revealed':
        for (const n of e.nominations)
          fill(`n:${n.participantId}`, nominationText(view, n.nomineeId, n.reason));
        closeRound('n:');
        add(
          'nomination',
          'Nominations revealed.',
          e.nominations.map((n) => ({
            name: name(n.participantId),
            text: nominationText(view, n.nomineeId, n.reason),
          })),
          '\n',
        );
        break;
      case 'nomination.changed':
        add(
          'nomination',
          e.from === e.to
            ? `Kept their nomination of ${nominee(e.to)}.`
            : `Changed from ${nominee(e.from)} to ${nominee(e.to)}, because ${e.reason}`,
        );
        break;
      case 'candidate.proposed': {
        const resolved = e.resolves.map((id) => objectionOwner(before, id)).filter(Boolean);
        add(
          'proposal',
          `Proposal version ${e.version}: ${name(e.candidateId)}, for ${termText(e.termStart, e.termEnd)}.${
            resolved.length ? ` It resolves the objection of ${resolved.join(', ')}.` : ''
          }`,
          [{ label: 'Reasons', text: e.reasons }],
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
          e.note ? [{ text: e.note }] : [],
        );
        break;
      case 'participant.removed':
        add('people', `${person(e.participantId)} was removed by the facilitator.`);
        break;
      case 'outcome.recorded':
        add(
          'outcome',
          `Outcome: ${OUTCOME_LABELS[e.outcome]} (version ${e.version})${
            e.reviewDate ? `, to be reviewed by ${formatDate(e.reviewDate)}` : ''
          }.`,
          outcomeDetail(e),
        );
        break;
      case 'hand.raised':
        add('queue', `Raised a hand to speak (${STAGE_LABELS[e.stage]}).`);
        break;
      case 'hand.lowered':
        add('queue', 'Lowered their hand.');
        break;
      case 'hand.called':
        add('queue', `Called ${name(e.participantId)} to speak (${STAGE_LABELS[e.stage]}).`);
        break;
      case 'round.ordered':
        add(
          'reaction',
          `${e.shuffled ? 'Shuffled' : 'Set'} the order of the reactions round: ${e.order.map((id) => name(id)).join(', ')}.`,
        );
        break;
      case 'round.passed':
        add('reaction', 'Passed in the reactions round.');
        break;
    }
  }
  return { view, entries };
}

/** One step of the walk: the item's reducer for the item, the meeting's people beside it (M2). */
function walk(view: Seated<ConsentItemView>, e: MeetingEvent): Seated<ConsentItemView> {
  const { participants: people, ...item } = view;
  const next = reduceConsentItem(item as ConsentItemView, e);
  const participants =
    e.type === 'participant.joined'
      ? withJoined({ participants: people }, e).participants
      : e.type === 'participant.left' || e.type === 'participant.removed'
        ? withLeft({ participants: people }, e).participants
        : people;
  return { ...next, participants };
}

// ---------------------------------------------------------------------------------------------
// The structured minutes: what the exports are made of (R2, docs/minutes-format.md).

export interface MinutesObjection {
  by: string;
  version: number;
  reason: string;
  at: number;
  status: ObjectionStatus;
  /** The fate in words: "Resolved by version 2", "Withdrawn by its author", … (C8). */
  fate: string;
  resolvedBy?: number;
  decidedAt?: number;
}

export interface MinutesConcern {
  by: string;
  /** The version of the latest wording. */
  version: number;
  /** Every version this person gave a concern on: one entry per person (issue 10 §8). */
  versions: number[];
  reason: string;
  at: number;
  /** Given as a concern, or an objection the facilitator recorded as a concern. */
  source: 'response' | 'objection';
}

interface MinutesCommon {
  code: string;
  title: string;
  /** When the meeting was opened (ms since the epoch, server clock). */
  createdAt: number;
  /** Seq of the last event read: which state of the log these minutes show. */
  seq: number;
  /** Everyone who joined, in order of joining; `present` at the end of the log. */
  participants: { name: string; present: boolean }[];
  objections: MinutesObjection[];
  concerns: MinutesConcern[];
  log: MinutesEntry[];
}

export interface DecisionMinutes extends MinutesCommon {
  kind: 'decision';
  outcome?: {
    outcome: Outcome;
    label: string;
    version: number;
    at: number;
    reviewDate?: string;
    note?: string;
    /** R3, adopted only: who is responsible for the agreement. */
    responsible?: string;
    /** R3, adopted only: how the circle will know it works. */
    evaluation?: string;
  };
  versions: { version: number; at: number; title: string; driver: string; text: string }[];
  questions: {
    by: string;
    version: number;
    at: number;
    text: string;
    answer?: { text: string; at: number };
  }[];
  /** One per participant, their latest; `hidden` when this reader never saw its content. */
  reactions: { by: string; version: number; at: number; hidden: boolean; text?: string; gesture?: Gesture }[];
  /**
   * O3: who was called from the speaking queue, and when, in order; absent when nobody was
   * (so minutes of meetings without a queue read as before).
   */
  speakers?: { by: string; at: number; stage: string }[];
}

export interface ElectionMinutes extends MinutesCommon {
  kind: 'election';
  outcome?: {
    outcome: ElectionOutcome;
    label: string;
    version: number;
    at: number;
    electedName?: string;
    role?: string;
    termStart?: string;
    termEnd?: string;
    note?: string;
  };
  role?: RoleTerm;
  /** One per participant, the last given; `hidden` when this reader never saw whom it named. */
  nominations: { by: string; at: number; hidden: boolean; nominee?: string; reason?: string }[];
  changes: { by: string; at: number; from: string; to: string; kept: boolean; reason: string }[];
  proposals: {
    version: number;
    at: number;
    candidate: string;
    termStart: string;
    termEnd: string;
    reasons: string;
    declined?: { at: number; reason?: string };
  }[];
}

export type Minutes = DecisionMinutes | ElectionMinutes;

/**
 * The minutes of a meeting from the reader's copy of its log; of an item's log, with who was in
 * the meeting when the item began (`participants`, as for `minutesFromEvents`).
 */
export function buildMinutes(
  events: readonly MeetingEvent[],
  options: MinutesOptions = {},
  participants: Record<string, Participant> = {},
): Minutes {
  const { view, entries } = minutesFromEvents(events, options, participants);
  const name = (id: string) => nameOf(view, id);
  const common: MinutesCommon = {
    code: view.code,
    title: view.title,
    createdAt: view.createdAt,
    seq: view.seq,
    participants: Object.values(view.participants)
      .sort((a, b) => a.joinedAt - b.joinedAt)
      .map((p: Participant) => ({ name: p.name, present: p.present })),
    ...checkMinutes(view),
    log: entries,
  };
  if (view.kind === 'election') return electionMinutes(view, common);
  return {
    ...common,
    kind: 'decision',
    ...(view.outcome && {
      outcome: { ...view.outcome, label: OUTCOME_LABELS[view.outcome.outcome] },
    }),
    versions: view.versions.map((v) => ({
      version: v.version,
      at: v.at,
      title: v.title,
      driver: v.driver,
      text: v.text,
    })),
    questions: view.questions.map((q) => ({
      by: name(q.participantId),
      version: q.version,
      at: q.at,
      text: q.text,
      ...(q.answer && { answer: q.answer }),
    })),
    reactions: Object.values(view.reactions)
      .sort((a, b) => a.at - b.at)
      .map((r) => ({
        by: name(r.participantId),
        version: r.version,
        at: r.at,
        hidden: r.hidden,
        ...(r.text !== undefined && { text: r.text }),
        ...(r.gesture !== undefined && { gesture: r.gesture }),
      })),
    ...(view.spoke &&
      view.spoke.length > 0 && {
        speakers: view.spoke.map((c) => ({
          by: name(c.participantId),
          at: c.at,
          stage: STAGE_LABELS[c.stage],
        })),
      }),
  };
}

function electionMinutes(view: Seated<ElectionView>, common: MinutesCommon): ElectionMinutes {
  const name = (id: string) => nameOf(view, id);
  return {
    ...common,
    kind: 'election',
    ...(view.outcome && {
      outcome: {
        outcome: view.outcome.outcome,
        label: OUTCOME_LABELS[view.outcome.outcome],
        version: view.outcome.version,
        at: view.outcome.at,
        ...pick(view.outcome, ['electedName', 'role', 'termStart', 'termEnd', 'note']),
      },
    }),
    ...(view.role && { role: view.role }),
    nominations: Object.values(view.nominations)
      .sort((a, b) => a.at - b.at)
      .map((n) => ({
        by: name(n.participantId),
        at: n.at,
        hidden: n.hidden,
        ...(!n.hidden && { nominee: nomineeName(view, n.nomineeId) }),
        ...(n.reason && { reason: n.reason }),
      })),
    changes: view.changes.map((c) => ({
      by: name(c.participantId),
      at: c.at,
      from: nomineeName(view, c.from),
      to: nomineeName(view, c.to),
      kept: c.from === c.to,
      reason: c.reason,
    })),
    proposals: view.proposals.map((p) => {
      const declined = view.declined.find((d) => d.version === p.version);
      return {
        version: p.version,
        at: p.at,
        candidate: name(p.candidateId),
        termStart: p.termStart,
        termEnd: p.termEnd,
        reasons: p.reasons,
        ...(declined && {
          declined: { at: declined.at, ...(declined.reason && { reason: declined.reason }) },
        }),
      };
    }),
  };
}

function checkMinutes(view: Seated<ConsentCheckView>): Pick<MinutesCommon, 'objections' | 'concerns'> {
  return {
    objections: view.objections.map((o) => ({
      by: nameOf(view, o.participantId),
      version: o.version,
      reason: o.reason,
      at: o.at,
      status: o.status,
      fate: objectionStatusText(o.status, o.resolvedBy),
      ...(o.resolvedBy !== undefined && { resolvedBy: o.resolvedBy }),
      ...(o.decidedAt !== undefined && { decidedAt: o.decidedAt }),
    })),
    concerns: concernsByPerson(view.concerns).map((c) => ({
      by: nameOf(view, c.participantId),
      version: c.version,
      versions: c.versions,
      reason: c.reason,
      at: c.at,
      source: c.source,
    })),
  };
}

// ---------------------------------------------------------------------------------------------

type WithPeople = { participants: Record<string, Participant> };

function nameOf(view: WithPeople, participantId: string): string {
  return view.participants[participantId]?.name ?? 'Someone';
}

function nomineeName(view: WithPeople, nomineeId: string | null | undefined): string {
  if (nomineeId === null) return 'No one yet';
  if (nomineeId === undefined) return 'Not nominated';
  return nameOf(view, nomineeId);
}

function nominationText(view: WithPeople, nomineeId: string | null, reason?: string): string {
  const whom = nomineeId === null ? 'no one yet' : nomineeName(view, nomineeId);
  return `Nominated ${whom}${reason ? `, because ${reason}` : '.'}`;
}

function objectionOwner(view: Seated<ConsentItemView>, objectionId: string): string {
  const o = view.objections.find((x) => x.id === objectionId);
  return o ? (view.participants[o.participantId]?.name ?? 'someone') : '';
}

/** Under an outcome's line: its note, then who is responsible and the evaluation criteria (R3). */
function outcomeDetail(e: { note?: string; responsible?: string; evaluation?: string }): MinutesDetailPart[] {
  return [
    ...(e.note ? [{ text: e.note }] : []),
    ...(e.responsible !== undefined ? [{ label: 'Responsible', text: e.responsible }] : []),
    ...(e.evaluation !== undefined ? [{ label: 'Evaluation criteria', text: e.evaluation }] : []),
  ];
}

/** Under a proposal's line: its driver, then its text. */
function proposalParts(e: { driver: string; text: string }): MinutesDetailPart[] {
  return [
    { label: 'Driver', text: e.driver },
    { label: 'Proposal', text: e.text },
  ];
}

function reactionText(text: string, gesture?: Gesture): string {
  return gesture ? `${text} (${GESTURE_LABELS[gesture]})` : text;
}

function responseText(kind: ResponseKind, version: number, reason?: string): string {
  return `${RESPONSE_LABELS[kind]} on version ${version}${reason ? `: ${reason}` : '.'}`;
}

/** The version a still-hidden response was given against, from the view before its reveal. */
function pendingVersion(view: ConsentItemView, responseId: string): number {
  const r = Object.values(view.objectionRound.responses).find((x) => x.id === responseId);
  return r?.version ?? view.objectionRound.version;
}

function setText(entries: MinutesEntry[], index: number, text: string): void {
  const entry = entries[index];
  if (entry) entries[index] = { ...entry, text };
}

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/** "June 1, 2025": a calendar date in English, the same wherever it is computed. */
export function englishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** The version of the JSON export's shape; a change that breaks readers gets a new one. */
export const MINUTES_JSON_FORMAT = 'circlewise-minutes/1';

export type MinutesJson = { format: typeof MINUTES_JSON_FORMAT } & Minutes;

/** R2: the minutes as a plain JSON object, in the format docs/minutes-format.md describes. */
export function minutesToJson(minutes: Minutes): MinutesJson {
  // A deep copy, so that a caller changing the export cannot change the minutes it came from.
  return { format: MINUTES_JSON_FORMAT, ...(JSON.parse(JSON.stringify(minutes)) as Minutes) };
}
