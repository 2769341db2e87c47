/**
 * The client's one i18n module (issue 12): i18next with every catalogue bundled, so the first
 * render and every test have their strings without waiting. The catalogues live in
 * `shared/src/i18n/locales/<lang>/<namespace>.json` (the server's exports read them too), English
 * is the source; the pseudo-locales are made from it.
 * Plurals use i18next's suffixes (`_one`, `_other`, …) chosen by `Intl.PluralRules`.
 */
import {
  bestLanguage,
  direction,
  intlLocale,
  isLanguage,
  type Language,
  type Namespace,
} from '@circlewise/shared/i18n/catalogues';
import { i18nOptions } from '@circlewise/shared/i18n/instance';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

export {
  bestLanguage,
  CATALOGUES,
  direction,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  NAMESPACES,
  type Namespace,
  PSEUDO_LANGUAGES,
} from '@circlewise/shared/i18n/catalogues';

export const STORAGE_KEY = 'circlewise.language';

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

/** `<html lang dir>` follow the language (the pseudo-locales claim English, so spell-check and voices stay sane). */
function applyToDocument(language: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language.startsWith('pseudo') ? 'en-XA' : language;
  document.documentElement.dir = direction(language);
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init(i18nOptions(initialLanguage()));
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
  return new Intl.NumberFormat(intlLocale(language)).format(n);
}
