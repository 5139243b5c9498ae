// i18next for the six catalog languages. Resources are bundled (the TV may be offline, and
// webOS loads from file://, where fetching translation files is unreliable).
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOG_NAMESPACE, LANGUAGES, catalogI18nResources, isLanguage, type Language } from '@radio-optimism/shared';
import de from './locales/de';
import en from './locales/en';
import es from './locales/es';
import fr from './locales/fr';
import ko from './locales/ko';
import pt from './locales/pt';

export { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '@radio-optimism/shared';

export const resources = { en, es, pt, fr, de, ko } as const;

/** The viewer's saved language, else the device's, else English. */
export function pickLanguage(saved: string | undefined, device: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of device) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function createI18n(language: Language): i18n {
  const catalog = catalogI18nResources();
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    // The app's own words, plus the catalog's names (genres, vibes…) shared with the phone page.
    ns: ['translation', CATALOG_NAMESPACE],
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: resources[l], ...catalog[l] }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Sets the document language so CSS (:lang, hyphens) lays out Hangul and long German words well. */
export function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
