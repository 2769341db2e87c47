/**
 * The client's one i18n module (issue 12): i18next with every catalogue bundled, so the first
 * render and every test have their strings without waiting. Catalogues live in
 * `locales/<lang>/<namespace>.json`, English is the source; the pseudo-locales are made from it.
 * Plurals use i18next's suffixes (`_one`, `_other`, …) chosen by `Intl.PluralRules`.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
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
export const NAMESPACES = ['common', 'phone'] as const;
export type Namespace = (typeof NAMESPACES)[number];

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

const RTL = new Set<string>(['pseudo-rtl', 'ar', 'he', 'fa', 'ur']);

export const CATALOGUES = {
  en: { common: enCommon, phone: enPhone },
  nl: { common: nlCommon, phone: nlPhone },
  de: { common: deCommon, phone: dePhone },
  fr: { common: frCommon, phone: frPhone },
  es: { common: esCommon, phone: esPhone },
} as const;

function resources() {
  const out: Record<string, Record<string, object>> = {};
  for (const [lang, namespaces] of Object.entries(CATALOGUES)) out[lang] = { ...namespaces };
  const pseudo = { common: pseudoCatalogue(enCommon), phone: pseudoCatalogue(enPhone) };
  out.pseudo = pseudo;
  out['pseudo-rtl'] = pseudo;
  return out;
}

export const STORAGE_KEY = 'circlewise.language';

export function isLanguage(value: unknown): value is Language {
  return (
    typeof value === 'string' &&
    ((LANGUAGES as readonly string[]).includes(value) ||
      (PSEUDO_LANGUAGES as readonly string[]).includes(value))
  );
}

/** The best supported language for a browser's list (`navigator.languages`), else English. */
export function bestLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (isLanguage(lower)) return lower;
    const base = lower.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** `?lang=` on the page, else this device's choice, else the browser's languages. */
export function initialLanguage(): Language {
  try {
    const fromUrl = new URLSearchParams(window.location.search).get('lang');
    if (isLanguage(fromUrl)) return fromUrl;
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // No window or no storage (private mode): the browser's languages decide.
  }
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return bestLanguage(preferred);
}

export function direction(language: string): 'rtl' | 'ltr' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/** `<html lang dir>` follow the language (the pseudo-locales claim English, so spell-check and voices stay sane). */
function applyToDocument(language: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language.startsWith('pseudo') ? 'en-XA' : language;
  document.documentElement.dir = direction(language);
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES, ...PSEUDO_LANGUAGES],
  ns: [...NAMESPACES],
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** Switch this device's language now, and remember it. */
export function chooseLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
    // A `?lang=` in the address would win over the choice on the next load: drop it.
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.delete('lang');
      window.history.replaceState(window.history.state, '', url);
    }
  } catch {
    // Private mode: chosen for this page only.
  }
  void i18n.changeLanguage(language);
}

/** Strings of one namespace, re-rendering when the language changes. */
export function useT(ns: Namespace = 'common') {
  return useTranslation(ns, { i18n }).t;
}

/** The current language (re-renders on change). */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation(undefined, { i18n });
  return isLanguage(instance.language) ? instance.language : 'en';
}

/** A number formatted for the current language. */
export function formatNumber(n: number, language = i18n.language): string {
  return new Intl.NumberFormat(language.startsWith('pseudo') ? 'en' : language).format(n);
}
