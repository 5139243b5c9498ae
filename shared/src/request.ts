// A song request: the body of POST /api/v1/songs, the `request` of `dedication.create`, and the
// compose CLI's flags. One validator for all three, so every door refuses the same things the same way.
import { z } from 'zod';
import { GENRES, LANGUAGES, RELATIONS, VIBES, type Genre, type Language, type Relation, type Vibe } from './catalog.js';

export const LIMITS = {
  messageMaxChars: 500,
  nameMaxChars: 40,
  seedMax: 2 ** 31 - 1,
  /** The sender's own words: at most this many characters in all, */
  lyricsMaxChars: 1200,
  /** this many sung lines (about two minutes at four seconds a line), */
  lyricsMaxLines: 32,
  /** and this many characters on one line (a line is sung in about four seconds). */
  lyricsLineMaxChars: 70,
} as const;

/** The singers each language offers: a higher (female) and a lower (male) voice. `surprise` lets the
 *  seed choose. The composer maps each name to an eSpeak voice and a register (sing/voice.ts). */
export const VOICE_NAMES = ['high', 'low'] as const;
export type VoiceName = `${Language}-${(typeof VOICE_NAMES)[number]}`;
export const SURPRISE_VOICE = 'surprise';
export type VoiceChoice = VoiceName | typeof SURPRISE_VOICE;
export const VOICE_LABELS: Record<(typeof VOICE_NAMES)[number], string> = { high: 'higher, female', low: 'lower, male' };

/** The voices a language offers, by name (e.g. `en-high`, `en-low`). */
export const voicesFor = (language: Language): VoiceName[] => VOICE_NAMES.map((v) => `${language}-${v}` as VoiceName);

export interface SongRequest {
  message: string;
  to: string;
  from?: string;
  relation?: Relation;
  genre: Genre;
  vibe: Vibe;
  language: Language;
  seed?: number;
  /** The sender's own words, sung instead of the writer's: one sung line per line, a blank line
   *  between sections. */
  lyrics?: string;
  /** Who sings: one of the language's voices, or `surprise`; absent, the seed chooses as before. */
  voice?: VoiceChoice;
  /** How the recipient's name sounds, spelled as it is said (for the singer and the spoken intro);
   *  never shown in text. */
  soundsLike?: string;
}

// C0/C1 control characters (tab and newline are fine in a message; nothing else is).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const NAME_CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
// Bidirectional controls (embeddings, overrides, isolates, marks): in a name they turn the cover's text
// around ("U+202E Ana" draws "anA"). A name is one run of text, so they are removed.
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A name without bidirectional controls. */
export const stripBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

/** Counts what a person sees as characters (grapheme clusters), so an emoji or a Hangul syllable is one. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}

const name = (field: string) =>
  z
    .string({ error: `${field} must be text` })
    .transform((s) => stripBidiControls(s.normalize('NFC')).trim())
    .refine((s) => s.length > 0, `${field} is empty: write a name`)
    .refine((s) => !NAME_CONTROL.test(s), `${field} holds control characters: remove them`)
    .refine((s) => visibleLength(s) <= LIMITS.nameMaxChars, `${field} is too long: use at most ${LIMITS.nameMaxChars} characters`);

const oneOf = <T extends string>(field: string, list: readonly T[]) =>
  z
    .string({ error: `${field} must be one of ${list.join(', ')}` })
    .superRefine((v, ctx) => {
      if (!(list as readonly string[]).includes(v))
        ctx.addIssue({ code: 'custom', message: `unknown ${field} "${v.slice(0, 40)}": use one of ${list.join(', ')}` });
    })
    .transform((v) => v as T);

const LYRICS_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;
const HAS_WORDS = /[\p{L}\p{N}]/u;

/** The sender's lyrics, cleaned: line ends unified, spaces trimmed, runs of blank lines made one, and
 *  bidirectional controls removed (each line is one run of text, as a name is). */
export function normalizeLyrics(text: string): string {
  return stripBidiControls(text.normalize('NFC'))
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \u00A0]+/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** Sections of sung lines (blank lines separate sections). */
export function lyricSections(text: string): string[][] {
  return normalizeLyrics(text)
    .split(/\n\n/u)
    .map((block) => block.split('\n').filter((l) => l !== ''))
    .filter((lines) => lines.length > 0);
}

const lyricsField = z
  .string({ error: 'lyrics must be text' })
  .transform(normalizeLyrics)
  .superRefine((s, ctx) => {
    const problem = lyricsProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function lyricsProblem(s: string): string | undefined {
  if (s === '') return 'lyrics are empty: write at least one line, or leave them out to have them written';
  if (LYRICS_CONTROL.test(s)) return 'lyrics hold control characters (a tab or similar): remove them';
  if (visibleLength(s) > LIMITS.lyricsMaxChars) return `lyrics are too long: use at most ${LIMITS.lyricsMaxChars} characters`;
  const lines = lyricSections(s).flat();
  if (lines.length > LIMITS.lyricsMaxLines) return `lyrics have ${lines.length} lines: use at most ${LIMITS.lyricsMaxLines}`;
  const long = lines.findIndex((l) => visibleLength(l) > LIMITS.lyricsLineMaxChars);
  if (long >= 0) return `lyrics line ${long + 1} is too long: split it or keep it within ${LIMITS.lyricsLineMaxChars} characters`;
  if (!lines.some((l) => HAS_WORDS.test(l))) return 'lyrics have no words to sing: write at least one line with words';
  return undefined;
}

export const songRequestSchema = z
  .object({
    message: z
      .string({ error: 'message must be text' })
      .transform((s) => s.normalize('NFC').trim())
      .refine((s) => s.length > 0, 'message is empty: write a few words for the song')
      .refine((s) => !CONTROL.test(s), 'message holds control characters: remove them')
      .refine(
        (s) => visibleLength(s) <= LIMITS.messageMaxChars,
        `message is too long: use at most ${LIMITS.messageMaxChars} characters`,
      ),
    to: name('to'),
    from: name('from').optional(),
    relation: oneOf('relation', RELATIONS).optional(),
    genre: oneOf('genre', GENRES),
    vibe: oneOf('vibe', VIBES),
    language: oneOf('language', LANGUAGES),
    seed: z
      .number({ error: 'seed must be a whole number' })
      .int('seed must be a whole number')
      .min(0, 'seed must be 0 or more')
      .max(LIMITS.seedMax, `seed must be at most ${LIMITS.seedMax}`)
      .optional(),
    lyrics: lyricsField.optional(),
    voice: z.string({ error: 'voice must be text' }).transform((v) => v as VoiceChoice).optional(),
    soundsLike: name('soundsLike').optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    // A voice belongs to a language, so it is checked against the request's.
    if (r.voice === undefined) return;
    const allowed: string[] = [...voicesFor(r.language), SURPRISE_VOICE];
    if (!allowed.includes(r.voice))
      ctx.addIssue({ code: 'custom', path: ['voice'], message: `unknown voice "${r.voice.slice(0, 40)}" for ${r.language}: use one of ${allowed.join(', ')}` });
  });

export type RequestCheck = { ok: true; request: SongRequest } | { ok: false; field: string; message: string };

const CHOICES: Record<string, readonly string[]> = { relation: RELATIONS, genre: GENRES, vibe: VIBES, language: LANGUAGES };

function hasField(input: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, key) || (at as Record<PropertyKey, unknown>)[key] === undefined) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return true;
}

/** Validates untrusted input; on failure returns the first problem as one plain sentence. */
export function checkSongRequest(input: unknown): RequestCheck {
  const result = songRequestSchema.safeParse(input);
  if (result.success) {
    const r = result.data;
    const request: SongRequest = { message: r.message, to: r.to, genre: r.genre, vibe: r.vibe, language: r.language };
    if (r.from !== undefined) request.from = r.from;
    if (r.relation !== undefined) request.relation = r.relation;
    if (r.seed !== undefined) request.seed = r.seed;
    if (r.lyrics !== undefined) request.lyrics = r.lyrics;
    if (r.voice !== undefined) request.voice = r.voice as VoiceChoice;
    if (r.soundsLike !== undefined) request.soundsLike = r.soundsLike;
    return { ok: true, request };
  }
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'request';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove it`;
  // A field that is there but of the wrong type keeps the schema's words ("message must be text").
  if (issue.code === 'invalid_type' && !hasField(input, issue.path)) message = `${field} is missing${CHOICES[field] ? `: use one of ${CHOICES[field].join(', ')}` : ''}`;
  return { ok: false, field, message };
}

export type LyricsWarningCode = 'name-missing';
export interface LyricsWarning {
  code: LyricsWarningCode;
  message: string;
}

/** What is worth telling the sender about their own words without refusing them: a song for Ana whose
 *  words never say "Ana" may be meant that way, but most likely the name was edited out by mistake. */
export function lyricsWarnings(request: Pick<SongRequest, 'to' | 'lyrics'>): LyricsWarning[] {
  if (request.lyrics === undefined) return [];
  const fold = (t: string): string => t.normalize('NFC').toLocaleLowerCase();
  if (fold(request.lyrics).includes(fold(request.to.trim()))) return [];
  return [{ code: 'name-missing', message: `the words never say "${request.to}": add the name to a line, or send them as they are` }];
}
