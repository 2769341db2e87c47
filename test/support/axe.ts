/**
 * Accessibility in the browser tests: axe-core on a page, with the WCAG 2.0, 2.1 and 2.2 A and AA
 * rules (target-size comes with wcag22aa) and the landmark and region rules, which axe files
 * under best practice. Any violation, of any impact, fails the test with what and where.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Landmarks: all content in landmarks, one main, landmarks told apart by their names. */
const LANDMARK_RULES = [
  'region',
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-no-duplicate-banner',
  'landmark-unique',
  'landmark-main-is-top-level',
  'landmark-banner-is-top-level',
  'landmark-complementary-is-top-level',
  'page-has-heading-one',
];

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The page's violations, each with the first few elements it was found on. */
export async function axeViolations(page: Page): Promise<Found[]> {
  // evaluate, not a script tag: it is not subject to the page's Content-Security-Policy.
  await page.evaluate(axe.source);
  return page.evaluate(
    async ({ tags, landmarks }) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(landmarks.map((id) => [id, { enabled: true }])),
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
    },
    { tags: AXE_TAGS, landmarks: LANDMARK_RULES },
  );
}

/** Fails with the list of violations (rule, impact, help, where) when there is any. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const found = await axeViolations(page);
  const report = found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
  // Thrown whole, so every finding is printed, not a truncated diff.
  if (report.length > 0) throw new Error(`axe on ${view}:\n${report.join('\n')}`);
  expect(report).toEqual([]);
}
