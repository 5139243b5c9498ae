// The catalog's names as people read them, in the six languages: the i18next `catalog` namespace that
// the TV app, the phone page and the server's pages all load, so a genre is called the same thing on
// every screen. Typed by the catalog (a missing name fails the build) and checked again at run time
// (`checkCatalogResources`), because resources can also arrive from outside the build.
import { z } from 'zod';
import { GENRES, LANGUAGES, RELATIONS, THEMES, VIBES, type Genre, type Language, type Relation, type Theme, type Vibe } from './catalog.js';

export interface CatalogStrings {
  genre: Record<Genre, string>;
  vibe: Record<Vibe, string>;
  theme: Record<Theme, string>;
  relation: Record<Relation, string>;
}

/** The i18next namespace: `t('catalog:genre.pop')`. */
export const CATALOG_NAMESPACE = 'catalog';

// Vibes describe the song, so they agree with the word for "song" where the language asks (es, pt,
// fr: canción, música, chanson are feminine).
export const CATALOG_STRINGS: Record<Language, CatalogStrings> = {
  en: {
    genre: { pop: 'Pop', ballad: 'Ballad', acoustic: 'Acoustic', rock: 'Rock', rnb: 'R&B', lofi: 'Lo-fi', dance: 'Dance', jazz: 'Jazz' },
    vibe: { upbeat: 'Upbeat', heartfelt: 'Heartfelt', calm: 'Calm', epic: 'Epic', playful: 'Playful', nostalgic: 'Nostalgic' },
    theme: { love: 'Love', gratitude: 'Thanks', encouragement: 'Encouragement', celebration: 'Celebration', apology: 'Sorry', 'missing-you': 'Missing you', pride: 'Pride' },
    relation: { family: 'Family', friend: 'Friend', partner: 'Partner', pet: 'Pet', team: 'Team', self: 'Myself', other: 'Someone else' },
  },
  es: {
    genre: { pop: 'Pop', ballad: 'Balada', acoustic: 'Acústico', rock: 'Rock', rnb: 'R&B', lofi: 'Lo-fi', dance: 'Dance', jazz: 'Jazz' },
    vibe: { upbeat: 'Alegre', heartfelt: 'Emotiva', calm: 'Tranquila', epic: 'Épica', playful: 'Divertida', nostalgic: 'Nostálgica' },
    theme: { love: 'Amor', gratitude: 'Gratitud', encouragement: 'Ánimo', celebration: 'Celebración', apology: 'Perdón', 'missing-you': 'Te extraño', pride: 'Orgullo' },
    relation: { family: 'Familia', friend: 'Amistad', partner: 'Pareja', pet: 'Mascota', team: 'Equipo', self: 'Yo', other: 'Otra persona' },
  },
  pt: {
    genre: { pop: 'Pop', ballad: 'Balada', acoustic: 'Acústico', rock: 'Rock', rnb: 'R&B', lofi: 'Lo-fi', dance: 'Dance', jazz: 'Jazz' },
    vibe: { upbeat: 'Animada', heartfelt: 'Emocionante', calm: 'Tranquila', epic: 'Épica', playful: 'Divertida', nostalgic: 'Nostálgica' },
    theme: { love: 'Amor', gratitude: 'Gratidão', encouragement: 'Incentivo', celebration: 'Celebração', apology: 'Desculpas', 'missing-you': 'Saudade', pride: 'Orgulho' },
    relation: { family: 'Família', friend: 'Amizade', partner: 'Amor', pet: 'Pet', team: 'Equipe', self: 'Eu', other: 'Outra pessoa' },
  },
  fr: {
    genre: { pop: 'Pop', ballad: 'Ballade', acoustic: 'Acoustique', rock: 'Rock', rnb: 'R&B', lofi: 'Lo-fi', dance: 'Dance', jazz: 'Jazz' },
    vibe: { upbeat: 'Entraînante', heartfelt: 'Émouvante', calm: 'Douce', epic: 'Épique', playful: 'Espiègle', nostalgic: 'Nostalgique' },
    theme: { love: 'Amour', gratitude: 'Merci', encouragement: 'Encouragement', celebration: 'Fête', apology: 'Pardon', 'missing-you': 'Tu me manques', pride: 'Fierté' },
    relation: { family: 'Famille', friend: 'Ami·e', partner: 'Amour', pet: 'Animal', team: 'Équipe', self: 'Moi-même', other: 'Autre' },
  },
  de: {
    genre: { pop: 'Pop', ballad: 'Ballade', acoustic: 'Akustik', rock: 'Rock', rnb: 'R&B', lofi: 'Lo-Fi', dance: 'Dance', jazz: 'Jazz' },
    vibe: { upbeat: 'Beschwingt', heartfelt: 'Von Herzen', calm: 'Ruhig', epic: 'Episch', playful: 'Verspielt', nostalgic: 'Nostalgisch' },
    theme: { love: 'Liebe', gratitude: 'Dank', encouragement: 'Mut', celebration: 'Feier', apology: 'Entschuldigung', 'missing-you': 'Sehnsucht', pride: 'Stolz' },
    relation: { family: 'Familie', friend: 'Freundschaft', partner: 'Liebe', pet: 'Haustier', team: 'Team', self: 'Ich selbst', other: 'Jemand anderes' },
  },
  ko: {
    genre: { pop: '팝', ballad: '발라드', acoustic: '어쿠스틱', rock: '록', rnb: 'R&B', lofi: '로파이', dance: '댄스', jazz: '재즈' },
    vibe: { upbeat: '신나는', heartfelt: '진심 어린', calm: '잔잔한', epic: '웅장한', playful: '장난스러운', nostalgic: '그리운' },
    theme: { love: '사랑', gratitude: '감사', encouragement: '응원', celebration: '축하', apology: '사과', 'missing-you': '그리움', pride: '자랑' },
    relation: { family: '가족', friend: '친구', partner: '연인', pet: '반려동물', team: '팀', self: '나 자신', other: '그 외' },
  },
};

const label = z.string().trim().min(1, 'is empty: write the name people read');
const names = <T extends string>(list: readonly T[]) =>
  z.strictObject(Object.fromEntries(list.map((k) => [k, label])) as Record<T, typeof label>);
const stringsSchema = z.strictObject({ genre: names(GENRES), vibe: names(VIBES), theme: names(THEMES), relation: names(RELATIONS) });
const resourcesSchema = z.strictObject(Object.fromEntries(LANGUAGES.map((l) => [l, stringsSchema])) as Record<Language, typeof stringsSchema>);

export type CatalogResourcesCheck = { ok: true; resources: Record<Language, CatalogStrings> } | { ok: false; code: 'bad-catalog-strings'; message: string };

/** Checks a set of catalog strings: every language, every name, nothing unknown. */
export function checkCatalogResources(input: unknown): CatalogResourcesCheck {
  const result = resourcesSchema.safeParse(input);
  if (result.success) return { ok: true, resources: result.data as Record<Language, CatalogStrings> };
  const issue = result.error.issues[0]!;
  const where = issue.path.map(String).join('.') || 'catalog strings';
  const message =
    issue.code === 'unrecognized_keys' ? `${where}: unknown ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove it`
    : issue.code === 'invalid_type' && issue.input === undefined ? `${where} is missing: add its name`
    : `${where} ${issue.message}`;
  return { ok: false, code: 'bad-catalog-strings', message };
}

/**
 * The shipped catalog strings, checked, as i18next resources (`{ lng: { catalog: … } }`), ready to
 * merge with each app's own namespaces. Throws, with what to fix, if the strings are broken: an app
 * must not start with names missing.
 */
export function catalogI18nResources(): Record<Language, { [CATALOG_NAMESPACE]: CatalogStrings }> {
  const check = checkCatalogResources(CATALOG_STRINGS);
  if (!check.ok) throw new Error(`catalog strings: ${check.message}`);
  return Object.fromEntries(LANGUAGES.map((l) => [l, { [CATALOG_NAMESPACE]: check.resources[l] }])) as Record<Language, { catalog: CatalogStrings }>;
}
