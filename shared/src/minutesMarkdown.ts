/**
 * R2: the minutes as Markdown, to keep with a circle's records or paste into its wiki. Made from
 * the structured minutes (minutes.ts), so it says what the screen says. Times read in one time
 * zone, given by the reader (UTC unless told), since a server has no idea where its readers are.
 */

import { concernVersions } from './concernRecord';
import { GESTURE_LABELS, ITEM_KIND_LABELS } from './constants';
import { KEY_HOLDER, type MeetingMinutes } from './meetingMinutes';
import type { DecisionMinutes, ElectionMinutes, Minutes, MinutesDetailPart, MinutesEntry } from './minutes';
import { englishDate } from './minutes';
import type { RoundMinutes } from './roundMinutes';
import { markdownLine, markdownText, quotedName } from './typedText';

export interface MarkdownOptions {
  /** An IANA time zone such as `Europe/Amsterdam`; UTC by default. */
  timeZone?: string;
  /** How a calendar date (YYYY-MM-DD) reads; English by default, as in the minutes' lines. */
  formatDate?: (isoDate: string) => string;
}

/** Whether `Intl` knows this time zone (the export route refuses one it does not). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function minutesToMarkdown(minutes: Minutes, options: MarkdownOptions = {}): string {
  const timeZone = options.timeZone ?? 'UTC';
  const formatDate = options.formatDate ?? englishDate;
  const time = timeFormat(timeZone);
  const day = (at: number) => englishDate(dayIn(at, timeZone));
  const term = (start: string, end: string) => `${formatDate(start)} to ${formatDate(end)}`;

  const out: string[] = [];
  const election = minutes.kind === 'election';
  out.push(
    `# ${inline(election ? (minutes.role?.role ?? (minutes.title || 'Role election')) : minutes.title || 'Meeting')}`,
  );
  out.push('');
  out.push(
    `${election ? 'Minutes of a role election' : 'Minutes'} · ${day(minutes.createdAt)} · meeting ${inline(minutes.code)}`,
  );
  out.push('');
  out.push(outcomeLine(minutes, formatDate));
  out.push('');
  if (minutes.kind === 'decision') out.push(...agreementLines(minutes));

  if (minutes.kind === 'decision') decisionSections(minutes, out, time);
  else electionSections(minutes, out, time, term);

  if (minutes.objections.length > 0) {
    section(out, 'Objections and their fate');
    for (const o of minutes.objections)
      out.push(`- **${inline(o.by)}** (version ${o.version}): ${text(o.reason, '  ')} — _${o.fate}_`);
    out.push('');
  }
  if (minutes.concerns.length > 0) {
    section(out, 'Concerns');
    for (const c of minutes.concerns) {
      const versions = concernVersions(c);
      out.push(`- **${inline(c.by)}**${versions ? ` (${versions})` : ''}: ${text(c.reason, '  ')}`);
    }
    out.push('');
  }

  section(out, `Everything that happened (times ${timeZone})`);
  for (const entry of minutes.log) out.push(...logLine(entry, time));
  out.push('');
  return out.join('\n');
}

function outcomeLine(minutes: Minutes, formatDate: (isoDate: string) => string): string {
  const o = minutes.outcome;
  if (!o) return '_No outcome recorded yet._';
  if (minutes.kind === 'decision' && minutes.outcome) {
    const d = minutes.outcome;
    return `**Outcome: ${d.label}** (version ${d.version})${d.reviewDate ? `, review by ${formatDate(d.reviewDate)}` : ''}${d.note ? ` · Note: ${text(d.note)}` : ''}`;
  }
  if (minutes.kind === 'election' && minutes.outcome) {
    const e = minutes.outcome;
    const who =
      e.outcome === 'elected'
        ? `**Outcome: ${e.label}: ${inline(e.electedName ?? '')}** as ${inline(e.role ?? 'the role')}${
            e.termStart && e.termEnd ? `, ${formatDate(e.termStart)} to ${formatDate(e.termEnd)}` : ''
          } (version ${e.version})`
        : `**Outcome: ${e.label}**`;
    return `${who}${e.note ? ` · Note: ${text(e.note)}` : ''}`;
  }
  return '';
}

/**
 * R3: just under an adopted decision's outcome line, who is responsible and the evaluation
 * criteria, each a paragraph of its own; nothing when neither was given, so older minutes read
 * exactly as before.
 */
function agreementLines(m: DecisionMinutes): string[] {
  const out: string[] = [];
  if (m.outcome?.responsible) out.push(`**Responsible:** ${text(m.outcome.responsible)}`, '');
  if (m.outcome?.evaluation) out.push(`**Evaluation criteria:** ${text(m.outcome.evaluation)}`, '');
  return out;
}

function decisionSections(m: DecisionMinutes, out: string[], time: (at: number) => string): void {
  section(out, 'Proposal versions');
  for (const v of m.versions) {
    out.push(`### Version ${v.version} · ${time(v.at)}`, '');
    if (v.title) out.push(`**Title:** ${text(v.title)}`, '');
    out.push(`**Driver:** ${text(v.driver)}`, '');
    out.push(text(v.text), '');
  }
  if (m.questions.length > 0) {
    section(out, 'Clarifying questions');
    for (const q of m.questions) {
      out.push(`- **${inline(q.by)}** (version ${q.version}): ${text(q.text, '  ')}`);
      out.push(`  - ${q.answer ? `Answer: ${text(q.answer.text, '    ')}` : '_Not answered._'}`);
    }
    out.push('');
  }
  if (m.reactions.length > 0) {
    section(out, 'Reactions');
    for (const r of m.reactions) {
      const said = r.hidden
        ? '_not shown_'
        : `${text(r.text ?? '', '  ')}${r.gesture ? ` (${GESTURE_LABELS[r.gesture]})` : ''}`;
      out.push(`- **${inline(r.by)}** (version ${r.version}): ${said}`);
    }
    out.push('');
  }
  if (m.speakers && m.speakers.length > 0) {
    // O3: who was given the floor from the speaking queue, and when.
    section(out, 'Who spoke');
    for (const s of m.speakers) out.push(`- ${time(s.at)} **${inline(s.by)}** (${s.stage})`);
    out.push('');
  }
}

function electionSections(
  m: ElectionMinutes,
  out: string[],
  time: (at: number) => string,
  term: (start: string, end: string) => string,
): void {
  section(out, 'Role and term');
  if (m.role) {
    out.push(`**${inline(m.role.role)}**, ${term(m.role.termStart, m.role.termEnd)}`, '');
    if (m.role.description) out.push(text(m.role.description), '');
  } else out.push('_No role was set._', '');

  section(out, 'Nominations');
  if (m.nominations.length === 0) out.push('_No nominations._');
  for (const n of m.nominations)
    out.push(
      n.hidden
        ? `- **${inline(n.by)}**: nominated (not revealed)`
        : `- **${inline(n.by)}** nominated **${inline(n.nominee ?? '')}**${n.reason ? `: ${text(n.reason, '  ')}` : ''}`,
    );
  out.push('');

  if (m.changes.length > 0) {
    section(out, 'Change round');
    for (const c of m.changes)
      out.push(
        `- **${inline(c.by)}**: ${
          c.kept
            ? `kept ${inline(c.to)}`
            : `${inline(c.from)} → ${inline(c.to)}, because ${text(c.reason, '  ')}`
        }`,
      );
    out.push('');
  }
  if (m.proposals.length > 0) {
    section(out, 'Proposals');
    for (const p of m.proposals) {
      out.push(
        `### Version ${p.version} · ${time(p.at)}: ${inline(p.candidate)}, ${term(p.termStart, p.termEnd)}`,
        '',
      );
      out.push(text(p.reasons), '');
      if (p.declined)
        out.push(
          `_${inline(p.candidate)} declined the role${p.declined.reason ? `: ${text(p.declined.reason)}` : '.'}_`,
          '',
        );
    }
  }
}

function logLine(entry: MinutesEntry, time: (at: number) => string): string[] {
  const lines = [`- ${time(entry.at)} ${whoLabel(entry)}${text(entry.text, '  ')}`];
  const parts: MinutesDetailPart[] = entry.parts ?? (entry.detail ? [{ text: entry.detail }] : []);
  parts.forEach((part, i) => {
    if (i > 0) lines.push('  >');
    lines.push(`  > ${partLabel(part)}${text(part.text, '  > ')}`);
  });
  return lines;
}

/**
 * S11: who speaks on a log line. The facilitator's role is a bold label; a participant's name is
 * bold and in quotes, so that no name (not "Facilitator", nor "Facilitator: Ana") reads as the role.
 */
function whoLabel(entry: MinutesEntry): string {
  if (!entry.who) return '';
  return entry.whoIs === 'participant' ? `**${named(entry.who)}:** ` : `**${inline(entry.who)}:** `;
}

function partLabel(part: MinutesDetailPart): string {
  if (part.name !== undefined) return `**${named(part.name)}:** `;
  return part.label !== undefined ? `${inline(part.label)}: ` : '';
}

// Emphasis is written `_like this_`, as the repository's formatter writes it, so that a golden
// file of an export stays as the export made it.
function section(out: string[], heading: string): void {
  out.push(`## ${heading}`, '');
}

/** S11: a name or a title on one line (a heading, a bold label), escaped: typedText.ts. */
const inline = markdownLine;

/** S11: typed text on its lines, escaped, each line after the first starting with `indent`. */
const text = markdownText;

/** S11: a participant's name beside role labels: escaped and in quotes (“Ana”). */
function named(name: string): string {
  return markdownLine(quotedName(name));
}

function timeFormat(timeZone: string): (at: number) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  return (at) => format.format(at);
}

/**
 * The calendar day (YYYY-MM-DD) of a moment in a named IANA time zone (the reader's `tz`). Not
 * dates.ts's `isoDay`, which reads only UTC or the machine's own zone.
 */
function dayIn(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * R2 for a whole meeting. A meeting of one item and no agenda changes reads exactly as that
 * item's minutes; otherwise the agenda, the hand-overs and the meeting's own log come first, then
 * each item's minutes under its own heading, one level down.
 */
export function meetingMinutesToMarkdown(minutes: MeetingMinutes, options: MarkdownOptions = {}): string {
  const only = minutes.items[0];
  if (
    minutes.items.length === 1 &&
    only &&
    only.kind !== 'round' &&
    minutes.log.length === 0 &&
    minutes.handOvers.length === 0
  ) {
    return minutesToMarkdown(only.minutes, options);
  }
  const timeZone = options.timeZone ?? 'UTC';
  const time = timeFormat(timeZone);
  const day = (at: number) => englishDate(dayIn(at, timeZone));
  const out: string[] = [];
  out.push(`# ${inline(minutes.title || 'Meeting')}`, '');
  out.push(`Minutes · ${day(minutes.createdAt)} · meeting ${inline(minutes.code)}`, '');
  out.push(
    minutes.closedAt !== undefined
      ? `Closed at ${time(minutes.closedAt)}.`
      : '_The meeting is not closed yet._',
    '',
  );
  section(out, 'Agenda');
  minutes.items.forEach((item, i) => {
    out.push(
      `${i + 1}. **${inline(item.title)}** (${ITEM_KIND_LABELS[item.kind].toLowerCase()}): ${inline(item.status)}`,
    );
  });
  out.push('');
  section(out, 'Present');
  for (const p of minutes.participants) out.push(`- ${inline(p.name)}${p.present ? '' : ' (left)'}`);
  out.push('');
  if (minutes.handOvers.length > 0) {
    section(out, 'Facilitation');
    for (const h of minutes.handOvers)
      out.push(
        `- ${time(h.at)} handed from ${h.fromKeyHolder ? KEY_HOLDER : named(h.from)} to ${
          h.toKeyHolder ? KEY_HOLDER : named(h.to)
        }`,
      );
    out.push('');
  }
  if (minutes.log.length > 0) {
    section(out, `The agenda as it went (times ${timeZone})`);
    for (const entry of minutes.log) out.push(`- ${time(entry.at)} ${text(entry.text, '  ')}`);
    out.push('');
  }
  minutes.items.forEach((item, i) => {
    const body =
      item.kind === 'round' ? roundMarkdown(item.minutes, time) : minutesToMarkdown(item.minutes, options);
    // One heading level down, under the item's number.
    const lines = body.split('\n').map((l) => (l.startsWith('#') ? `#${l}` : l));
    if (lines[0]?.startsWith('## ')) lines[0] = `## ${i + 1}. ${lines[0].slice(3)}`;
    out.push(...lines);
  });
  return `${out.join('\n').trimEnd()}\n`;
}

function roundMarkdown(round: RoundMinutes, time: (at: number) => string): string {
  const out = [`# ${inline(round.title || 'Round')}`, ''];
  if (round.entries.length === 0) out.push('_Nobody spoke in this round._');
  for (const e of round.entries) out.push(`- ${time(e.at)} **${named(e.by)}:** ${text(e.text, '  ')}`);
  if (round.silent.length > 0) out.push('', `Passed: ${round.silent.map(named).join(', ')}`);
  if (round.order) out.push('', `In turn: ${round.order.map(named).join(', ')}`);
  out.push('');
  return out.join('\n');
}
