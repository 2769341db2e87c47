import { pseudoText } from '@circlewise/shared/i18n/pseudo';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, i18n, LANGUAGES } from '.';

type Catalogue = { [key: string]: string | Catalogue };

/** Every text of a catalogue by its dotted key. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (key === '_notes') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys a language must have: a plural key once per plural category of that language. */
function expectedKeys(source: Map<string, string>, language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of source.keys()) {
    if (PLURAL.test(key)) for (const c of categories) keys.add(key.replace(PLURAL, `_${c}`));
    else keys.add(key);
  }
  return [...keys].sort();
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues (issue 12)', () => {
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    for (const ns of Object.keys(CATALOGUES.en) as (keyof typeof CATALOGUES.en)[]) {
      it(`[L1] ${language}/${ns} has exactly the keys of en, with plural forms of its own rules`, () => {
        const source = flatten(CATALOGUES.en[ns] as Catalogue);
        const target = flatten(CATALOGUES[language][ns] as Catalogue);
        expect([...target.keys()].sort()).toEqual(expectedKeys(source, language));
      });

      it(`[L1] ${language}/${ns} keeps every {{placeholder}} of en`, () => {
        const source = flatten(CATALOGUES.en[ns] as Catalogue);
        const target = flatten(CATALOGUES[language][ns] as Catalogue);
        for (const [key, text] of target) {
          const english = source.get(key) ?? source.get(key.replace(PLURAL, '_other'));
          expect({ key, placeholders: placeholders(text) }).toEqual({
            key,
            placeholders: placeholders(english ?? ''),
          });
        }
      });
    }
  }

  it('[L2] plurals follow each language’s rules through Intl.PluralRules', () => {
    const say = (lng: string, count: number) => i18n.t('phone:hand.waiting', { lng, count });
    expect(say('en', 1)).toMatch(/^1 waiting/);
    expect(say('nl', 1)).toMatch(/^1 persoon wacht/);
    expect(say('nl', 3)).toMatch(/^3 mensen wachten/);
    expect(say('de', 1)).toMatch(/^1 Person wartet/);
    expect(say('de', 2)).toMatch(/^2 Personen warten/);
    expect(say('fr', 0)).toMatch(/^0 personne attend/); // French counts 0 as one.
    expect(say('fr', 2)).toMatch(/^2 personnes attendent/);
    expect(say('es', 1)).toMatch(/^1 persona espera/);
    expect(say('es', 1_000_000)).toMatch(/personas esperan/);
  });

  it('[L3] the pseudo-locale accents and lengthens, keeping placeholders', () => {
    const text = pseudoText('Meeting {{code}}');
    expect(text).toMatch(/^⟦Ṁééţíñĝ \{\{code\}\}~+⟧$/);
    expect(text.length).toBeGreaterThanOrEqual(Math.round('Meeting {{code}}'.length * 1.2));
    expect(i18n.t('phone:meeting', { lng: 'pseudo-rtl', code: 'AB12' })).toContain('AB12');
  });
});
