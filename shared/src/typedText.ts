/**
 * S11: text people typed, as every export of the record shows it. One place for the rules, so the
 * Markdown, the JSON and the screen read typed text the same way (docs/minutes-format.md, "Typed
 * text").
 *
 * - `typedText`: line breaks are LF (a CR or a CRLF becomes LF) and NUL is U+FFFD, as CommonMark
 *   reads it. The structured minutes (JSON, screen) hold typed text in this form.
 * - `oneLine`: a name or a title, on one line: every line break reads as a space.
 * - `markdownLine`, `markdownText`: typed text inside a Markdown line or paragraph, escaped so that
 *   it is always text: it can start no block (heading, list, quote, fence, code, HTML, table, link
 *   definition, thematic break, setext underline) and holds no inline structure (emphasis, code,
 *   link, HTML, entity, hard break of its own).
 */

/** CR and CRLF as LF; NUL as U+FFFD (CommonMark's own replacement). */
export function typedText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}

/**
 * A name or a title on one line: LF, CR, NEL, U+2028 and U+2029 (which a browser breaks a line
 * at), vertical tab and form feed read as a space.
 */
export function oneLine(text: string): string {
  return typedText(text).replace(/[\n\v\f\u0085\u2028\u2029]/g, ' ');
}

/** `“Ana”`: a person's name where it stands beside a role's label, visibly a name (S11). */
export function quotedName(name: string): string {
  return `“${oneLine(name)}”`;
}

/**
 * Every object and array in `value` with its strings passed through `typedText`; the same object
 * when no string changes (most logs), so an export costs nothing extra for ordinary text.
 */
export function withTypedText<T>(value: T): T {
  if (typeof value === 'string') return typedText(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = withTypedText(v);
      if (w !== v) changed = true;
      return w;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const w = withTypedText(v);
      if (w !== v) {
        out ??= { ...(value as Record<string, unknown>) };
        out[k] = w;
      }
    }
    return (out ?? value) as T;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Markdown (CommonMark): typed text can only ever be text.

/** Characters escaped wherever they are: emphasis, code, links and images, HTML, headings, quotes, tables, strikethrough. */
const EVERYWHERE = /[\\`*_[\]<>#|~]/g;
/** An `&` that would start a character reference (`&amp;`, `&#38;`, `&#x26;`), and so not read as itself. */
const REFERENCE = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g;

/** A character as a numeric character reference, which CommonMark reads as text, never as structure. */
const reference = (c: string) => `&#${c.codePointAt(0)};`;

/**
 * One line of typed text (no LF in it), escaped so that it is text wherever it stands: at the
 * start of a line or a list item's continuation, or inside emphasis.
 * - `\` `` ` `` `*` `_` `[` `]` `<` `>` `#` `|` `~`, and an `&` that would start a character
 *   reference, get a backslash;
 * - a line starting with `-`, `+`, `=` or `:` (a list item, a thematic break, a setext underline,
 *   a table's delimiter row) gets a backslash before it, and `1.` or `1)` before its `.` or `)`;
 * - whitespace at either end (an indented code block, a list's indentation, a hard break of two
 *   spaces, or whitespace the parser would strip) is written as a character reference.
 */
export function markdownLineOf(line: string): string {
  let s = line.replace(EVERYWHERE, (c) => `\\${c}`).replace(REFERENCE, '\\&');
  s = s.replace(/^[-+=:]/, (c) => `\\${c}`).replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return s.replace(/^\s/u, reference).replace(/\s$/u, reference);
}

/** A name or a title inside a Markdown line (a heading, a bold label): one line, escaped. */
export function markdownLine(text: string): string {
  return markdownLineOf(oneLine(text));
}

/**
 * Typed text that may hold several lines, inside a Markdown paragraph: every line escaped
 * (`markdownLineOf`), each line break a hard break (a `\` at the end of the line), and each line
 * after the first starting with `indent`, so that it stays in the list item (`'  '`) or the
 * block quote (`'  > '`) it belongs to. A blank line is a hard break too, so the text stays in
 * one paragraph. Line breaks at the very end are dropped: a paragraph cannot end in one.
 */
export function markdownText(text: string, indent = ''): string {
  return typedText(text).replace(/\n+$/, '').split('\n').map(markdownLineOf).join(`\\\n${indent}`);
}
