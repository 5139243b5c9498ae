// The catalog: the names every side (composer, station, TV, phone) agrees on.
// Lists are `as const` so each name is also a type; `isX` guards check untrusted input at run time.

export const LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'ko'] as const;
export const GENRES = ['pop', 'ballad', 'acoustic', 'rock', 'rnb', 'lofi', 'dance', 'jazz'] as const;
export const VIBES = ['upbeat', 'heartfelt', 'calm', 'epic', 'playful', 'nostalgic'] as const;
export const THEMES = ['love', 'gratitude', 'encouragement', 'celebration', 'apology', 'missing-you', 'pride'] as const;
export const RELATIONS = ['family', 'friend', 'partner', 'pet', 'team', 'self', 'other'] as const;

export type Language = (typeof LANGUAGES)[number];
export type Genre = (typeof GENRES)[number];
export type Vibe = (typeof VIBES)[number];
export type Theme = (typeof THEMES)[number];
export type Relation = (typeof RELATIONS)[number];

const member =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (list as readonly string[]).includes(value);

export const isLanguage = member(LANGUAGES);
export const isGenre = member(GENRES);
export const isVibe = member(VIBES);
export const isTheme = member(THEMES);
export const isRelation = member(RELATIONS);

/** Each language's own name, for pickers shown to people who may not read English. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  fr: 'Français',
  de: 'Deutsch',
  ko: '한국어',
};
