/**
 * docs/protocol.md is enough to write a client (issue 11 §9), so it must say what the server
 * does: its protocol number, every error code (and no code the server never sends), every
 * command and event type, and the stages of every kind of item. The JSON Schemas in docs/schema/
 * are what `npm run schema` makes from shared/ now. A name counts as documented wherever the
 * page names it as `code`, so a section added later may document its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TYPES } from '@circlewise/shared/commands';
import {
  CONSENT_STAGES,
  ELECTION_STAGES,
  type ItemKind,
  PROTOCOL_VERSION,
} from '@circlewise/shared/constants';
import { ERROR_CODES } from '@circlewise/shared/errors';
import { ROUND_STAGES } from '@circlewise/shared/round';
import { describe, expect, it } from 'vitest';
import { buildSchemas, SCHEMA_DIR, serialise } from '../../scripts/schema';
import { ROOT } from '../support/compiled';

const DOC = readFileSync(join(ROOT, 'docs/protocol.md'), 'utf8');
/** Everything the page names in backticks. */
const NAMED = new Set([...DOC.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
/** The event types: every `type: '…'` of the EventBody union in shared/src/events.ts. */
const EVENT_TYPES: string[] = [
  ...new Set(
    [
      ...readFileSync(join(ROOT, 'shared/src/events.ts'), 'utf8').matchAll(
        /\btype: '([a-z]+(?:\.[a-zA-Z]+)+)'/g,
      ),
    ].map((m) => m[1] ?? ''),
  ),
];
/** An item view's `stage`, in order, for each kind of item. */
const STAGES: Record<ItemKind, readonly string[]> = {
  decision: [...CONSENT_STAGES, 'outcome'],
  election: [...ELECTION_STAGES, 'outcome'],
  round: ROUND_STAGES,
};

/** The cells of a Markdown table row. */
const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** The body rows of every table whose header's first cell is `header`. */
function tableRows(header: string): string[][] {
  const rows: string[][] = [];
  const lines = DOC.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith('|') || cells(line)[0] !== header || !lines[i + 1]?.startsWith('| -')) return;
    for (let j = i + 2; lines[j]?.startsWith('|'); j++) rows.push(cells(lines[j] ?? ''));
  });
  return rows;
}

const unticked = (names: readonly string[]) => names.filter((n) => !NAMED.has(n));

describe('docs/protocol.md', () => {
  it('[A3] names the protocol number the server speaks, in the title, in every example and in the list of changes', () => {
    expect(/^# .*\(version (\d+)\)$/m.exec(DOC)?.[1]).toBe(String(PROTOCOL_VERSION));
    const examples = [...DOC.matchAll(/"?protocol"?: (\d+)/g)].map((m) => Number(m[1]));
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((n) => n !== PROTOCOL_VERSION)).toEqual([]);
    expect(DOC).toContain(`- **${PROTOCOL_VERSION}**:`);
  });

  it('[S6] documents every error code, and its error-code tables hold no code the server does not send', () => {
    expect(unticked(ERROR_CODES)).toEqual([]);
    const tabled = tableRows('code').map((row) => row[0]?.replace(/`/g, ''));
    expect(tabled.length).toBeGreaterThanOrEqual(ERROR_CODES.length - 4);
    expect(tabled.filter((code) => !(ERROR_CODES as readonly string[]).includes(code ?? ''))).toEqual([]);
  });

  it('[A5] documents every command and every event type', () => {
    expect(COMMAND_TYPES.length).toBeGreaterThan(30);
    expect(unticked(COMMAND_TYPES)).toEqual([]);
    expect(EVENT_TYPES).toContain('meeting.created');
    expect(EVENT_TYPES.length).toBeGreaterThan(40);
    expect(unticked(EVENT_TYPES)).toEqual([]);
  });

  it('[C1] lists the stages of every kind of item, in order', () => {
    const rows = tableRows('kind');
    for (const [kind, stages] of Object.entries(STAGES)) {
      const row = rows.find((r) => r[0] === `\`${kind}\``);
      expect(row, `no row for ${kind} in a table headed "kind"`).toBeDefined();
      expect(
        [...(row?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]),
        kind,
      ).toEqual(stages);
    }
  });

  it('has JSON Schemas in docs/schema/ as `npm run schema` makes them from shared/ now', {
    timeout: 90_000,
  }, () => {
    const schemas = buildSchemas();
    const committed = readdirSync(SCHEMA_DIR).sort();
    expect(committed).toEqual(
      Object.keys(schemas)
        .map((name) => `${name}.json`)
        .sort(),
    );
    for (const [name, schema] of Object.entries(schemas)) {
      const file = readFileSync(join(SCHEMA_DIR, `${name}.json`), 'utf8');
      expect(file === serialise(schema), `docs/schema/${name}.json is stale: run \`npm run schema\``).toBe(
        true,
      );
      expect(DOC.includes(`schema/${name}.json`), `protocol.md links ${name}.json`).toBe(true);
    }
  });
});
