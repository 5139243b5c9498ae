// The phone page's translator: i18next with the browser's language detected (a ?lang= choice or one
// made earlier on this phone wins over navigator.languages), limited to the catalog's six languages.
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { CATALOG_NAMESPACE, LANGUAGES, catalogI18nResources, isLanguage, type Language } from '@radio-optimism/shared';
import { en } from './en.js';
import { es } from './es.js';
import { pt } from './pt.js';
import { fr } from './fr.js';
import { de } from './de.js';
import { ko } from './ko.js';

const resources = { en, es, pt, fr, de, ko };

export async function initI18n(): Promise<void> {
  const catalog = catalogI18nResources();
  await i18next.use(LanguageDetector).init({
    // The page's own words, plus the catalog's names (genres, vibes, relations) shared with the TV.
    ns: ['translation', CATALOG_NAMESPACE],
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: resources[lng], ...catalog[lng] }])),
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true, // pt-BR, de-AT... fall to their base language
    load: 'languageOnly',
    fallbackLng: 'en',
    // The DOM gets text through textContent, never innerHTML: i18next must not escape a second time.
    interpolation: { escapeValue: false },
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: 'radio-optimism.language',
      caches: ['localStorage'],
    },
  });
}

export const t = (key: string, args?: Record<string, unknown>): string => i18next.t(key, args ?? {});

export function currentLanguage(): Language {
  const lng = (i18next.resolvedLanguage ?? i18next.language ?? 'en').split('-')[0]!;
  return isLanguage(lng) ? lng : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}

export function onLanguageChanged(listener: (language: Language) => void): void {
  i18next.on('languageChanged', () => listener(currentLanguage()));
}
