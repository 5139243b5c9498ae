// i18next for the six catalog languages. Resources are bundled (the TV may be offline, and
// webOS loads from file://, where fetching translation files is unreliable).
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@radio-optimism/shared';
import de from './locales/de';
import en from './locales/en';
import es from './locales/es';
import fr from './locales/fr';
import ko from './locales/ko';
import pt from './locales/pt';

export const LANGUAGES: readonly Language[] = ['en', 'es', 'pt', 'fr', 'de', 'ko'];

/** Each language's own name, so someone who does not read the current one finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español', pt: 'Português', fr: 'Français', de: 'Deutsch', ko: '한국어' };

export const resources = { en, es, pt, fr, de, ko } as const;

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

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
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(resources).map(([k, v]) => [k, { translation: v }])),
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
