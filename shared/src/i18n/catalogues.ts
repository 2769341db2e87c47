/**
 * Every catalogue, for the client and the server alike (issue 12): `locales/<lang>/<namespace>.json`,
 * English the source, the pseudo-locales made from it. The client renders screens from them; the
 * server renders the minutes' exports (Markdown, print) in the reader's `?lang=` from the same
 * words. To add a namespace, add its five files and one line per language below.
 */
import deCommon from './locales/de/common.json';
import dePhone from './locales/de/phone.json';
import enCommon from './locales/en/common.json';
import enPhone from './locales/en/phone.json';
import esCommon from './locales/es/common.json';
import esPhone from './locales/es/phone.json';
import frCommon from './locales/fr/common.json';
import frPhone from './locales/fr/phone.json';
import nlCommon from './locales/nl/common.json';
import nlPhone from './locales/nl/phone.json';
import { pseudoCatalogue } from './pseudo';

/** The languages people can choose, in the menu's order. */
export const LANGUAGES = ['en', 'nl', 'de', 'fr', 'es'] as const;
/** For testing only: not offered to people unless the page asks (`?lang=pseudo`). */
export const PSEUDO_LANGUAGES = ['pseudo', 'pseudo-rtl'] as const;
export type Language = (typeof LANGUAGES)[number] | (typeof PSEUDO_LANGUAGES)[number];

/** Each language's name in itself, for the menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  nl: 'Nederlands',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  pseudo: 'Pseudo',
  'pseudo-rtl': 'Pseudo RTL',
};

export const CATALOGUES = {
  en: { common: enCommon, phone: enPhone },
  nl: { common: nlCommon, phone: nlPhone },
  de: { common: deCommon, phone: dePhone },
  fr: { common: frCommon, phone: frPhone },
  es: { common: esCommon, phone: esPhone },
} as const;

export type Namespace = keyof (typeof CATALOGUES)['en'];
export const NAMESPACES = Object.keys(CATALOGUES.en) as Namespace[];

type Catalogue = { [key: string]: string | Catalogue };

/** i18next's resources: every language's catalogues, and the pseudo-locales made from English. */
export function resources(): Record<string, Record<string, object>> {
  const out: Record<string, Record<string, object>> = {};
  for (const [lang, namespaces] of Object.entries(CATALOGUES)) out[lang] = { ...namespaces };
  const pseudo: Record<string, object> = {};
  for (const [ns, catalogue] of Object.entries(CATALOGUES.en))
    pseudo[ns] = pseudoCatalogue(catalogue as Catalogue);
  out.pseudo = pseudo;
  out['pseudo-rtl'] = pseudo;
  return out;
}

export function isLanguage(value: unknown): value is Language {
  return (
    typeof value === 'string' &&
    ((LANGUAGES as readonly string[]).includes(value) ||
      (PSEUDO_LANGUAGES as readonly string[]).includes(value))
  );
}

/** The best supported language for a list of preferences (`navigator.languages`, `Accept-Language`), else English. */
export function bestLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.trim().toLowerCase();
    if (isLanguage(lower)) return lower;
    const base = lower.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

const RTL = new Set<string>(['pseudo-rtl', 'ar', 'he', 'fa', 'ur']);

export function direction(language: string): 'rtl' | 'ltr' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/** The locale `Intl` formats with: the pseudo-locales read numbers and dates as English does. */
export function intlLocale(language: string): string {
  return language.startsWith('pseudo') ? 'en' : language;
}
