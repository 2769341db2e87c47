import { useId } from 'react';
import { chooseLanguage, isLanguage, LANGUAGE_NAMES, LANGUAGES, useLanguage, useT } from '.';

/** One tap to another language, at any time; remembered on this device. */
export function LanguageMenu() {
  const t = useT('common');
  const language = useLanguage();
  const id = useId();
  const offered = LANGUAGES.includes(language as (typeof LANGUAGES)[number])
    ? LANGUAGES
    : [...LANGUAGES, language];
  return (
    <p className="language-menu">
      <label htmlFor={id}>{t('language.label')}</label>{' '}
      <select
        id={id}
        value={language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) chooseLanguage(e.target.value);
        }}
      >
        {offered.map((lang) => (
          <option key={lang} value={lang} lang={lang.startsWith('pseudo') ? undefined : lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </p>
  );
}
