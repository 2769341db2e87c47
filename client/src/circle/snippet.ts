/**
 * A search hit's snippet arrives as plain text with the matches wrapped in [ and ] (SQLite's
 * snippet()). It is split into parts here and rendered as text and <mark>, never as HTML, so
 * whatever someone typed in a meeting cannot become markup on another member's page.
 */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let current = '';
  let inMatch = false;
  const flush = (match: boolean) => {
    if (current) parts.push({ text: current, match });
    current = '';
  };
  for (const ch of snippet) {
    if (ch === '[' && !inMatch) {
      flush(false);
      inMatch = true;
    } else if (ch === ']' && inMatch) {
      flush(true);
      inMatch = false;
    } else {
      current += ch;
    }
  }
  // An opening bracket never closed was the text's own, not a marker: keep it as written.
  if (inMatch) current = `[${current}`;
  flush(false);
  return parts;
}
