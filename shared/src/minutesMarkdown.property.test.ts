/**
 * S11: typed text cannot forge the record. A meeting with an agenda (a decision, an election and a
 * round, a hand-over) is written with typed text in every field people type; its Markdown minutes
 * are parsed by a real CommonMark parser (commonmark.js, the reference implementation). Whatever
 * is typed, the tree of the minutes (node types, heading levels, list kinds; text removed) is the
 * tree of the same meeting typed with placeholders, and every typed text is found again, as
 * typed, in the parsed text.
 */
import { type Node as MdNode, Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingEvent, NewEvent } from './events';
import { buildMeetingMinutes, meetingMinutesToJson } from './meetingMinutes';
import { meetingMinutesToMarkdown } from './minutesMarkdown';
import { oneLine, typedText } from './typedText';

const ANA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const CLEO = '00000000-0000-4000-8000-00000000000c';
const OBJECTION = '00000000-0000-4000-8000-0000000000d1';
const CONCERN = '00000000-0000-4000-8000-0000000000d2';
const START = Date.UTC(2025, 2, 14, 9, 0);

/** Every field someone types, by where it goes. Names and titles are shown on one line. */
const ONE_LINE = [
  'name.ana',
  'name.ben',
  'name.cleo',
  'meeting.title',
  'item.election',
  'item.round',
  'role',
];
const MULTI_LINE = [
  'proposal.title',
  'proposal.driver',
  'proposal.text',
  'question',
  'answer',
  'reaction.ben',
  'reaction.cleo',
  'objection',
  'concern',
  'amendment.driver',
  'amendment.text',
  'outcome.note',
  'outcome.responsible',
  'outcome.evaluation',
  'role.description',
  'nomination.ana',
  'nomination.ben',
  'change.reason',
  'candidate.reasons',
  'decline.reason',
  'election.note',
  'round.ana',
  'round.ben',
];
const FIELDS = [...ONE_LINE, ...MULTI_LINE];
type Field = (typeof FIELDS)[number];
type Typed = Record<Field, string>;

/** A whole meeting, its typed text taken from `t`. */
function meeting(t: Typed): MeetingEvent[] {
  const bodies: NewEvent[] = [
    {
      type: 'meeting.created',
      meetingId: 'm-1',
      code: 'PLNT42',
      title: t['meeting.title'] ?? '',
      by: 'system',
    },
    { type: 'participant.joined', participantId: ANA, name: t['name.ana'] ?? '', by: ANA },
    { type: 'participant.joined', participantId: BEN, name: t['name.ben'] ?? '', by: BEN },
    { type: 'participant.joined', participantId: CLEO, name: t['name.cleo'] ?? '', by: CLEO },
    {
      type: 'proposal.edited',
      title: t['proposal.title'] ?? '',
      driver: t['proposal.driver'] ?? '',
      text: t['proposal.text'] ?? '',
      by: 'facilitator',
    },
    { type: 'stage.changed', from: 'proposal', to: 'clarifying', reason: 'advance', by: 'facilitator' },
    {
      type: 'question.asked',
      questionId: 'q-1',
      participantId: CLEO,
      text: t.question ?? '',
      version: 1,
      by: CLEO,
    },
    { type: 'question.answered', questionId: 'q-1', text: t.answer ?? '', by: 'facilitator' },
    { type: 'hand.raised', participantId: BEN, stage: 'clarifying', by: BEN },
    { type: 'hand.called', participantId: BEN, stage: 'clarifying', by: 'facilitator' },
    { type: 'stage.changed', from: 'clarifying', to: 'reactions', reason: 'advance', by: 'facilitator' },
    {
      type: 'reaction.given',
      participantId: BEN,
      version: 1,
      sealed: true,
      text: t['reaction.ben'] ?? '',
      gesture: 'sideways',
      by: BEN,
    },
    {
      type: 'reaction.given',
      participantId: CLEO,
      version: 1,
      sealed: true,
      text: t['reaction.cleo'] ?? '',
      by: CLEO,
    },
    {
      type: 'responses.revealed',
      stage: 'reactions',
      reactions: [
        { participantId: BEN, text: t['reaction.ben'] ?? '', gesture: 'sideways' },
        { participantId: CLEO, text: t['reaction.cleo'] ?? '' },
      ],
      responses: [],
      by: 'facilitator',
    },
    { type: 'stage.changed', from: 'reactions', to: 'objections', reason: 'advance', by: 'facilitator' },
    {
      type: 'response.given',
      responseId: OBJECTION,
      participantId: BEN,
      stage: 'objections',
      version: 1,
      sealed: true,
      kind: 'objection',
      reason: t.objection ?? '',
      by: BEN,
    },
    {
      type: 'response.given',
      responseId: CONCERN,
      participantId: CLEO,
      stage: 'objections',
      version: 1,
      sealed: true,
      kind: 'concern',
      reason: t.concern ?? '',
      by: CLEO,
    },
    {
      type: 'responses.revealed',
      stage: 'objections',
      reactions: [],
      responses: [
        { responseId: OBJECTION, participantId: BEN, kind: 'objection', reason: t.objection ?? '' },
        { responseId: CONCERN, participantId: CLEO, kind: 'concern', reason: t.concern ?? '' },
      ],
      by: 'facilitator',
    },
    { type: 'objection.tested', objectionId: OBJECTION, verdict: 'qualifies', by: 'facilitator' },
    {
      type: 'proposal.amended',
      version: 2,
      driver: t['amendment.driver'] ?? '',
      text: t['amendment.text'] ?? '',
      resolves: [OBJECTION],
      by: 'facilitator',
    },
    { type: 'stage.changed', from: 'objections', to: 'consent', reason: 'advance', by: 'facilitator' },
    {
      type: 'response.given',
      responseId: 'r-ana',
      participantId: ANA,
      stage: 'consent',
      version: 2,
      sealed: false,
      kind: 'consent',
      by: ANA,
    },
    {
      type: 'outcome.recorded',
      outcome: 'adopted',
      version: 2,
      reviewDate: '2025-09-14',
      note: t['outcome.note'] ?? '',
      responsible: t['outcome.responsible'] ?? '',
      evaluation: t['outcome.evaluation'] ?? '',
      by: 'facilitator',
    },
    // The election, taken up by Ana once facilitation is handed to her.
    { type: 'facilitation.handed', from: null, to: ANA, by: 'facilitator' },
    { type: 'agenda.item.added', itemId: 'i-2', kind: 'election', title: t['item.election'] ?? '', by: ANA },
    { type: 'agenda.item.opened', itemId: 'i-2', from: null, by: ANA },
    {
      type: 'role.set',
      role: t.role ?? '',
      description: t['role.description'] ?? '',
      termStart: '2025-04-01',
      termEnd: '2026-03-31',
      by: ANA,
    },
    { type: 'stage.changed', from: 'role', to: 'nominations', reason: 'advance', by: ANA },
    {
      type: 'nomination.given',
      participantId: ANA,
      sealed: true,
      nomineeId: BEN,
      reason: t['nomination.ana'] ?? '',
      by: ANA,
    },
    {
      type: 'nomination.given',
      participantId: BEN,
      sealed: true,
      nomineeId: CLEO,
      reason: t['nomination.ben'] ?? '',
      by: BEN,
    },
    {
      type: 'nominations.revealed',
      nominations: [
        { participantId: ANA, nomineeId: BEN, reason: t['nomination.ana'] ?? '' },
        { participantId: BEN, nomineeId: CLEO, reason: t['nomination.ben'] ?? '' },
      ],
      by: ANA,
    },
    { type: 'stage.changed', from: 'nominations', to: 'changes', reason: 'reveal', by: ANA },
    {
      type: 'nomination.changed',
      participantId: ANA,
      from: BEN,
      to: CLEO,
      reason: t['change.reason'] ?? '',
      by: ANA,
    },
    { type: 'stage.changed', from: 'changes', to: 'proposal', reason: 'advance', by: ANA },
    {
      type: 'candidate.proposed',
      version: 1,
      candidateId: CLEO,
      termStart: '2025-04-01',
      termEnd: '2026-03-31',
      reasons: t['candidate.reasons'] ?? '',
      resolves: [],
      by: ANA,
    },
    { type: 'candidate.declined', version: 1, reason: t['decline.reason'] ?? '', by: CLEO },
    {
      type: 'election.recorded',
      outcome: 'elected',
      version: 1,
      electedId: CLEO,
      electedName: t['name.cleo'] ?? '',
      role: t.role ?? '',
      termStart: '2025-04-01',
      termEnd: '2026-03-31',
      note: t['election.note'] ?? '',
      by: ANA,
    },
    // A round.
    { type: 'agenda.item.added', itemId: 'i-3', kind: 'round', title: t['item.round'] ?? '', by: ANA },
    { type: 'agenda.item.opened', itemId: 'i-3', from: 'i-2', by: ANA },
    { type: 'round.spoken', participantId: ANA, text: t['round.ana'] ?? '', by: ANA },
    { type: 'round.spoken', participantId: BEN, text: t['round.ben'] ?? '', by: BEN },
    { type: 'round.closed', by: ANA },
    { type: 'meeting.closed', by: ANA },
  ] as NewEvent[];
  return bodies.map((body, i) => ({
    ...body,
    seq: i + 1,
    at: START + i * 60_000,
    commandId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  })) as MeetingEvent[];
}

const placeholders = (): Typed => Object.fromEntries(FIELDS.map((f, i) => [f, `Placeholder ${i}`])) as Typed;

const markdownOf = (t: Typed) => meetingMinutesToMarkdown(buildMeetingMinutes(meeting(t)));

const parser = new Parser();
const parse = (md: string) => parser.parse(md);

/** The tree's shape: block and inline node types, heading levels, list kinds; no text. Text, soft and hard breaks are one run. */
function shape(doc: MdNode): string {
  const out: string[] = [];
  const walk = (node: MdNode, depth: number) => {
    const kind = ['text', 'softbreak', 'linebreak'].includes(node.type) ? 'text' : node.type;
    const detail =
      node.type === 'heading'
        ? `:${node.level}`
        : node.type === 'list'
          ? `:${node.listType}:${node.listStart ?? ''}:${node.listDelimiter ?? ''}:${node.listTight}`
          : '';
    const line = `${'  '.repeat(depth)}${kind}${detail}`;
    if (!(kind === 'text' && out[out.length - 1] === line)) out.push(line);
    for (let child = node.firstChild; child; child = child.next) walk(child, depth + 1);
  };
  walk(doc, 0);
  return out.join('\n');
}

/** The document's text as a reader sees it: a line break (soft or hard) as LF. */
function textOf(doc: MdNode): string {
  const walker = doc.walker();
  let text = '';
  for (let step = walker.next(); step; step = walker.next()) {
    if (!step.entering) continue;
    const node = step.node;
    if (node.type === 'text' || node.type === 'code') text += node.literal ?? '';
    else if (node.type === 'softbreak' || node.type === 'linebreak') text += '\n';
    else if (node.type === 'paragraph' || node.type === 'heading') text += '\n';
  }
  return text;
}

/** How a typed text reads in the minutes: as typed, line breaks as LF (S11, docs/minutes-format.md). */
const expected = (field: Field, typed: string) =>
  ONE_LINE.includes(field) ? oneLine(typed) : typedText(typed).replace(/\n+$/, '');

/** Line starts that would be Markdown structure, and the characters that make line breaks. */
const DANGEROUS = [
  '# ',
  '###### ',
  '#',
  '===',
  '---',
  '- - -',
  '***',
  '* * *',
  '___',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '1) ',
  '2.',
  '```',
  '~~~',
  '    ',
  '\t',
  '> ',
  '>',
  '<div>',
  '<!--',
  '<script>',
  '<http://x.org>',
  '[x]: http://example.org',
  '[x](http://example.org)',
  '![x](y)',
  '| a | b |',
  '|---|',
  ':--',
  '*x*',
  '_x_',
  '**',
  '`',
  '\\',
  '&amp;',
  '&#35;',
  '&',
  '  ',
  ' ',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  '\u2028',
  '\u2029',
  '\0',
  '\u0085',
  '\f',
  'Facilitator',
  'Facilitator: ',
  '**Facilitator:** ',
  'Outcome: Adopted',
  '“',
  '”',
  ':',
];

/** Arbitrary text, biased towards the dangerous pieces above, glued with ordinary words. */
const typedArb = fc
  .array(
    fc.oneof(fc.constantFrom(...DANGEROUS), fc.string({ maxLength: 6 }), fc.constantFrom('Ana', 'x', ' ok ')),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((pieces) => pieces.join(''))
  // Nothing typed is empty: the commands refuse empty text (and a name of nothing is no name).
  .filter((s) => typedText(s).replace(/\n+$/, '').trim() !== '' && oneLine(s).trim() !== '');

const typedMeetingArb = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, typedArb])) as Record<Field, fc.Arbitrary<string>>,
);

describe('minutes as Markdown: typed text cannot forge the record [S11]', () => {
  const plain = markdownOf(placeholders());
  const plainShape = shape(parse(plain));

  it('[S11] whatever is typed in any field, the parsed structure of the minutes is the same, and the text comes back as typed', () => {
    fc.assert(
      fc.property(typedMeetingArb, (typed) => {
        const doc = parse(markdownOf(typed));
        expect(shape(doc)).toBe(plainShape);
        const text = textOf(doc);
        for (const field of FIELDS) expect(text).toContain(expected(field, typed[field] ?? ''));
      }),
      { numRuns: 200 },
    );
    // Bounded: 200 meetings of typed text, each parsed once (about 5 s on a loaded machine).
  }, 60_000);

  it('[S11] the placeholder meeting has every section, so the property covers every field', () => {
    for (const field of FIELDS) expect(plain).toContain(placeholders()[field]);
    expect(plainShape).toContain('heading:3');
    expect(plainShape).toContain('block_quote');
  });

  it('[S11] the JSON export holds typed text with CR and CRLF as LF, and nothing else changed', () => {
    const typed = { ...placeholders(), question: 'One\r\nTwo\rThree', 'name.ana': 'A\rna' };
    const json = meetingMinutesToJson(buildMeetingMinutes(meeting(typed)));
    const decision = json.items[0]?.minutes;
    expect(decision && 'questions' in decision && decision.questions[0]?.text).toBe('One\nTwo\nThree');
    expect(json.participants[0]?.name).toBe('A\nna');
    expect(JSON.stringify(json)).not.toContain('\\r');
  });
});

/** The headings, list items, code blocks and quotes of the minutes, by text, as a reader sees them. */
function blocks(md: string): { type: string; text: string }[] {
  const found: { type: string; text: string }[] = [];
  const walker = parse(md).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const node = step.node;
    if (!step.entering) continue;
    if (
      ['heading', 'code_block', 'html_block', 'thematic_break', 'list', 'block_quote'].includes(node.type)
    ) {
      found.push({ type: node.type === 'heading' ? `h${node.level}` : node.type, text: textOf(node).trim() });
    }
  }
  return found;
}

const kinds = (md: string) => blocks(md).map((b) => b.type);

/** The labels in bold at the start of the log's lines: who speaks on each. */
function speakers(md: string): string[] {
  const found: string[] = [];
  const walker = parse(md).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const node = step.node;
    if (step.entering && node.type === 'strong' && node.parent?.parent?.type === 'item') {
      const before = node.prev?.literal ?? '';
      if (/^\d\d:\d\d $/.test(before)) found.push(textOf(node));
    }
  }
  return found;
}

describe('minutes as Markdown: the forgeries issue 11 found [S11]', () => {
  const plain = placeholders();
  const plainBlocks = kinds(markdownOf(plain));
  const withTyped = (typed: Record<string, string>) => markdownOf({ ...plain, ...typed });

  it('[S11] a question holding a CR cannot make a top-level heading', () => {
    const md = withTyped({ question: 'Which plants?\r# Minutes rewritten' });
    expect(kinds(md)).toEqual(plainBlocks);
    expect(blocks(md).filter((b) => b.type === 'h1')).toHaveLength(1);
    expect(textOf(parse(md))).toContain('Which plants?\n# Minutes rewritten');
  });

  it('[S11] proposal lines cannot make setext headings with === or ---', () => {
    for (const underline of ['===', '---', '= = =', '  ---  ']) {
      const md = withTyped({
        'proposal.text': `Adopted unanimously\n${underline}\nMore`,
        'amendment.driver': `Forged\r\n${underline}`,
      });
      expect(kinds(md)).toEqual(plainBlocks);
      expect(textOf(parse(md))).toContain(`Adopted unanimously\n${underline}\nMore`);
    }
  });

  it('[S11] proposal lines cannot make an ordered list with 1) or 1.', () => {
    const md = withTyped({ 'proposal.text': 'Steps:\n1) buy pots\n2) plant\n\n1. water' });
    expect(kinds(md)).toEqual(plainBlocks);
    expect(
      blocks(md)
        .filter((b) => b.type === 'list')
        .map((b) => b.text),
    ).not.toContain('buy pots');
  });

  it('[S11] proposal lines cannot open a code fence, indented code, a quote or HTML', () => {
    for (const text of [
      '```\n# not code\n```',
      '~~~js\nx\n~~~',
      '    indented\n\tcode',
      '> quoted\n>> twice',
      '<div>\n*raw*\n</div>',
      '<!-- hide\nthe rest',
    ]) {
      const md = withTyped({ 'proposal.text': text, 'candidate.reasons': text });
      expect(kinds(md)).toEqual(plainBlocks);
      expect(textOf(parse(md))).toContain(typedText(text));
    }
  });

  it('[S11] a name cannot read as the facilitator on a line of the log', () => {
    for (const name of [
      'Facilitator',
      'Facilitator: Ana',
      'Ana\nFacilitator',
      'Ana:** Outcome: Adopted\r- 09:00 **Facilitator',
    ]) {
      const md = withTyped({ 'name.cleo': name });
      const labels = speakers(md);
      const cleo = `“${oneLine(name)}”:`;
      // Cleo asked the question and reacted; each of her lines names her, in quotes.
      expect(labels.filter((l) => l === cleo).length).toBeGreaterThanOrEqual(2);
      // The role's label is exactly the facilitator's lines, as with any other name.
      expect(labels.filter((l) => l === 'Facilitator:')).toHaveLength(
        speakers(markdownOf(plain)).filter((l) => l === 'Facilitator:').length,
      );
      expect(kinds(md)).toEqual(plainBlocks);
    }
  });

  it('[S11] a name cannot pass for the holder of the facilitator key in a hand-over', () => {
    const md = withTyped({ 'name.ana': 'the holder of the facilitator key' });
    // The Facilitation section, and the meeting's own log.
    expect(md).toMatch(
      /\n- \d\d:\d\d handed from the holder of the facilitator key to “the holder of the facilitator key”\n/,
    );
    expect(md).toContain(
      'Facilitation handed from the holder of the facilitator key to “the holder of the facilitator key”.',
    );
  });
});
