/**
 * A person's search words as an FTS5 query that means just those words. FTS5 has its own syntax
 * (`"`, `*`, `AND`, `OR`, `NOT`, `NEAR`, `(`, `:`, `^`…): typed by a person, any of it could be a
 * syntax error or a different query. So every word becomes a quoted string (quotes inside doubled),
 * which FTS5 reads as plain text, and the words are ANDed. The last word matches as a prefix, as
 * a search box does while one types ("budg" finds "budget").
 */
export function ftsQuery(words: string): string | undefined {
  const terms = words.split(/\s+/).filter((w) => w !== '');
  if (terms.length === 0) return undefined;
  return terms.map((w, i) => `"${w.replaceAll('"', '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}
