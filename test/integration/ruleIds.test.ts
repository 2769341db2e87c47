/**
 * The design lives in the project (docs/architecture.md, docs/process.md), and the tests point
 * at it: a test titled `[C6] …` holds the code to rule C6. An id that neither page defines points
 * nowhere (a typo, a renamed rule, a rule nobody wrote down), so every id a test title names must
 * be defined there, as a heading or a bold definition (`**C6 No consent while …**`).
 *
 * And A5's other half: test support stays out of production code, so no production file imports
 * a test library.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = ['docs/architecture.md', 'docs/process.md'];
/** Where tests live: unit tests beside the code, and the cross-package ones. */
const TESTED = ['shared', 'server', 'client', 'test'];
const PRODUCTION = ['shared/src', 'server/src', 'client/src'];
const NOT_SOURCE = new Set(['node_modules', 'dist', 'test-results', '.git']);

const RULE_ID = /\[([A-Z]\d+)\]/g;
const TEST_FILE = /\.test\.tsx?$/;
const SOURCE_FILE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST_CALLS = new Set(['it', 'test', 'describe']);
const TEST_LIBRARY = /^(vitest|@vitest\/|fast-check|@xstate\/graph|@testing-library\/|commonmark$)/;

/** Every file under `dir` (relative to the repo root) whose path passes `keep`, repo-relative. */
function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(join(ROOT, at), { withFileTypes: true })) {
      if (NOT_SOURCE.has(entry.name)) continue;
      const path = `${at}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (keep(path)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** The name a call chain starts from: `it` for `it(…)`, `it.each(…)(…)`, `describe.concurrent(…)`. */
function rootName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return rootName(callee.expression);
  if (ts.isCallExpression(callee)) return rootName(callee.expression);
  return undefined;
}

/** The literal text of a title: a string, or a template's fixed parts. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  }
  return undefined;
}

/**
 * The titles a test file gives its tests and suites: the first argument of `it`, `test` and
 * `describe` (with `.each(…)`, `.concurrent` and the like), and every string that starts with a rule
 * id, which is a title kept in a table for `it.each` or a loop. Comments are not titles.
 */
function titlesIn(path: string, source: string): string[] {
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, false, kind);
  const titles = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && TEST_CALLS.has(rootName(node.expression) ?? '')) {
      const title = node.arguments[0] && literalText(node.arguments[0]);
      if (title !== undefined) titles.add(title);
    }
    const text = literalText(node);
    if (text !== undefined && /^\s*\[[A-Z]\d+\]/.test(text)) titles.add(text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...titles];
}

/** The rule ids a page defines: as a heading (`## C6 …`) or a bold definition (`**C6 Title.**`). */
function definedIn(markdown: string): Set<string> {
  const ids = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+([A-Z]\d+)\b/gm)) ids.add(m[1] as string);
  for (const m of markdown.matchAll(/\*\*([A-Z]\d+) [^*\n]+\*\*/g)) ids.add(m[1] as string);
  return ids;
}

/** Each rule id the tests name, with the files that name it. */
function namedByTests(): Map<string, string[]> {
  const named = new Map<string, string[]>();
  for (const dir of TESTED) {
    for (const path of filesUnder(dir, (p) => TEST_FILE.test(p))) {
      for (const title of titlesIn(path, readFileSync(join(ROOT, path), 'utf8'))) {
        for (const [, id] of title.matchAll(RULE_ID)) {
          const files = named.get(id as string) ?? [];
          if (!files.includes(path)) files.push(path);
          named.set(id as string, files);
        }
      }
    }
  }
  return named;
}

/** The modules a source file imports: `import … from`, `export … from`, `import()`, `require()`. */
function importsOf(source: string): string[] {
  const specifier = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(specifier)].map((m) => m[1] as string);
}

/** Production code: under a package's src/, neither a test nor in a folder named `test`. */
const isProduction = (path: string): boolean =>
  SOURCE_FILE.test(path) && !path.includes('.test.') && !path.split(/[/\\]/).slice(0, -1).includes('test');

describe('rule ids', () => {
  it('the scan finds ids in titles, tables and templates, and not in comments', () => {
    const source = `
      // [V5] a comment is not a title
      describe('[Z9] a suite', () => {
        it.each([1])('[Y8] case %s', () => {});
        test.concurrent(\`[X7] \${'a'} template\`, () => {});
        const cases = [{ name: '[W6] a row of a table' }];
        expect(text).toBe('no id here [U4] in the middle');
      });`;
    const ids = titlesIn('made.test.ts', source).flatMap((t) => [...t.matchAll(RULE_ID)].map((m) => m[1]));
    expect(ids.sort()).toEqual(['W6', 'X7', 'Y8', 'Z9']);
    expect([...definedIn('## Q1 Heading\n- **Q2 Bold.** text\n**Q3**: not a definition')]).toEqual([
      'Q1',
      'Q2',
    ]);
  });

  it('every rule id a test names is defined in docs/architecture.md or docs/process.md', () => {
    const defined = new Set(DOCS.flatMap((doc) => [...definedIn(readFileSync(join(ROOT, doc), 'utf8'))]));
    const named = namedByTests();
    // The scan found the tests at all: dozens of ids are named across the suites.
    expect(named.size).toBeGreaterThan(20);
    const nowhere = [...named]
      .filter(([id]) => !defined.has(id))
      .map(([id, files]) => `[${id}] named in ${files.join(', ')}`);
    expect(nowhere).toEqual([]);
  });

  it('[A5] no production file imports a test library', () => {
    const offenders = PRODUCTION.flatMap((dir) => filesUnder(dir, isProduction)).flatMap((path) =>
      importsOf(readFileSync(join(ROOT, path), 'utf8'))
        .filter((module) => TEST_LIBRARY.test(module))
        .map((module) => `${path} imports ${module}`),
    );
    expect(offenders).toEqual([]);
  });
});
