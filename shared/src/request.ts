// A song request: the body of POST /api/v1/songs, the `request` of `dedication.create`, and the
// compose CLI's flags. One validator for all three, so every door refuses the same things the same way.
import { z } from 'zod';
import { GENRES, LANGUAGES, RELATIONS, VIBES, type Genre, type Language, type Relation, type Vibe } from './catalog.js';

export const LIMITS = {
  messageMaxChars: 500,
  nameMaxChars: 40,
  seedMax: 2 ** 31 - 1,
} as const;

export interface SongRequest {
  message: string;
  to: string;
  from?: string;
  relation?: Relation;
  genre: Genre;
  vibe: Vibe;
  language: Language;
  seed?: number;
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
  })
  .strict();

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
