/**
 * `npm run catalogue`: the client's English catalogue of refusals (i18next namespace `errors`),
 * written from shared/src/refusals.ts to shared/src/i18n/locales/en/errors.json. The server makes
 * its English `message` from the same table, so what a translating client shows in English and
 * what any other client reads are the same words. server/test/wire/refusals.test.ts fails when
 * the committed file is not what this script writes now: run it after changing the table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { englishCatalogue } from '@circlewise/shared/refusals';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CATALOGUE_FILE = join(ROOT, 'shared', 'src', 'i18n', 'locales', 'en', 'errors.json');

/** The file's text: one key per reason (a plural as `_one` / `_other`), sorted, two-space JSON. */
export function catalogueText(): string {
  const entries = Object.entries(englishCatalogue()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(dirname(CATALOGUE_FILE), { recursive: true });
  writeFileSync(CATALOGUE_FILE, catalogueText());
  console.log(`Wrote ${Object.keys(englishCatalogue()).length} refusals to ${CATALOGUE_FILE}.`);
}
