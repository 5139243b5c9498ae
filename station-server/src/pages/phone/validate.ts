// The form checked with shared's own validator (the same one the station runs), with each problem
// turned into a field and a translation key, so the message appears in place and in the person's language.
import { LIMITS, checkSongRequest, visibleLength, type Genre, type Language, type Relation, type SongRequest, type Vibe, type VoiceChoice } from '@radio-optimism/shared';

export interface FormValues {
  to: string;
  from: string;
  relation: Relation | '';
  message: string;
  genre: Genre;
  vibe: Vibe;
  language: Language;
  voice: VoiceChoice;
  /** How the name is said, if it is often said wrong (empty: as written). */
  soundsLike: string;
}

export type FormField = keyof FormValues;

export type FormCheck =
  | { ok: true; request: SongRequest }
  | { ok: false; field: FormField; key: string; args?: Record<string, number> };

const FIELDS: readonly FormField[] = ['to', 'from', 'relation', 'message', 'genre', 'vibe', 'language', 'voice', 'soundsLike'];
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

export const maxFor = (field: 'to' | 'from' | 'message'): number => (field === 'message' ? LIMITS.messageMaxChars : LIMITS.nameMaxChars);

export function checkForm(values: FormValues): FormCheck {
  const input: Record<string, string> = { message: values.message, to: values.to, genre: values.genre, vibe: values.vibe, language: values.language };
  // An empty "from" means anonymous, not a mistake.
  if (values.from.trim()) input.from = values.from;
  if (values.relation) input.relation = values.relation;
  input.voice = values.voice;
  if (values.soundsLike.trim()) input.soundsLike = values.soundsLike;
  const checked = checkSongRequest(input);
  if (checked.ok) return { ok: true, request: checked.request };
  const field = (FIELDS as readonly string[]).includes(checked.field) ? (checked.field as FormField) : 'message';
  if (field === 'soundsLike') {
    const value = values.soundsLike.normalize('NFC').trim();
    return { ok: false, field, key: visibleLength(value) > LIMITS.nameMaxChars ? 'errors.tooLong' : 'errors.control', args: { max: LIMITS.nameMaxChars } };
  }
  if (field === 'to' || field === 'from' || field === 'message') {
    const value = (input[field] ?? '').normalize('NFC').trim();
    if (!value) return { ok: false, field, key: field === 'message' ? 'errors.messageEmpty' : 'errors.toEmpty' };
    if (visibleLength(value) > maxFor(field)) return { ok: false, field, key: 'errors.tooLong', args: { max: maxFor(field) } };
    if (CONTROL.test(value) || field !== 'message') return { ok: false, field, key: 'errors.control' };
    return { ok: false, field, key: 'errors.invalid' };
  }
  return { ok: false, field, key: 'errors.choose' };
}

/** What the live counter shows, and whether the text is over the limit. */
export function countFor(field: 'to' | 'from' | 'message', text: string): { count: number; max: number; over: boolean } {
  const count = visibleLength(text.normalize('NFC').trim());
  const max = maxFor(field);
  return { count, max, over: count > max };
}

/** The station's words about a sender's lyrics (shared's validator) as a translation key, so the phone
 *  says the same thing in the person's language. */
export function checkLyrics(request: SongRequest, lyrics: string): { ok: true; request: SongRequest } | { ok: false; key: string; args?: Record<string, number> } {
  const checked = checkSongRequest({ ...request, lyrics });
  if (checked.ok) return { ok: true, request: checked.request };
  if (checked.field !== 'lyrics') return { ok: false, key: 'errors.invalid' };
  const m = checked.message;
  const line = /line (\d+) is too long/u.exec(m);
  if (line) return { ok: false, key: 'errors.lyricsLine', args: { line: Number(line[1]), max: LIMITS.lyricsLineMaxChars } };
  if (/ lines: use at most/u.test(m)) return { ok: false, key: 'errors.lyricsLines', args: { max: LIMITS.lyricsMaxLines } };
  if (/too long/u.test(m)) return { ok: false, key: 'errors.lyricsTooLong', args: { max: LIMITS.lyricsMaxChars } };
  if (/control/u.test(m)) return { ok: false, key: 'errors.control' };
  if (/no words/u.test(m)) return { ok: false, key: 'errors.lyricsNoWords' };
  return { ok: false, key: 'errors.lyricsEmpty' };
}
