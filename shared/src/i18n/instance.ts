/**
 * One i18next instance, set up the same way on the client and the server (issue 12): every
 * catalogue loaded at once (so the first render and every export have their words without
 * waiting), English the fallback, i18next's plural suffixes chosen by `Intl.PluralRules`.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { LANGUAGES, NAMESPACES, PSEUDO_LANGUAGES, resources } from './catalogues';

export type { I18n };

/** Options both sides share; the client adds react-i18next with `use` before `init`. */
export function i18nOptions(language: string) {
  return {
    resources: resources(),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES, ...PSEUDO_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes on screens; Markdown escapes typed text itself.
    returnNull: false,
  } as const;
}

/** A ready instance in `language`, for the server's exports (one per language, reused). */
const instances = new Map<string, I18n>();
export function i18nFor(language: string): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init(i18nOptions(language));
    instances.set(language, instance);
  }
  return instance;
}
