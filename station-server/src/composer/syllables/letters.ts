// Character classes the syllabifier needs: which code points are letters, vowels, Hangul blocks or
// characters of scripts sung one sign at a time (CJK, kana), and how a token splits into the part that
// is sung and the punctuation that rides along with it.

const HANGUL_BLOCK = /^[\uAC00-\uD7A3]$/u;
const ONE_SIGN_ONE_SYLLABLE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{Nd}$/u;

export const isHangulBlock = (ch: string): boolean => HANGUL_BLOCK.test(ch);
export const isOneSignSyllable = (ch: string): boolean => ONE_SIGN_ONE_SYLLABLE.test(ch) || HANGUL_BLOCK.test(ch);
export const isLetter = (ch: string): boolean => LETTER.test(ch);
export const isDigit = (ch: string): boolean => DIGIT.test(ch);
/** Letters and digits sound; apostrophes and hyphens inside a word join its parts. */
export const isSounding = (ch: string): boolean => isLetter(ch) || isDigit(ch);

/** Latin vowel letters with their accent removed ("á" -> "a"), so rules can talk about base vowels. */
const BASE_VOWEL = new Map<string, string>();
for (const ch of 'aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿæœ') {
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  BASE_VOWEL.set(ch, base === 'æ' || base === 'œ' ? 'e' : base);
}
export const baseVowel = (ch: string): string | undefined => BASE_VOWEL.get(ch);

/** Vowel letters of other alphabets that may appear in names (Cyrillic, Greek). */
const OTHER_VOWELS = new Set([...'аеёиоуыэюяієїαεηιουωάέήίόύώ']);
export const isOtherScriptVowel = (ch: string): boolean => OTHER_VOWELS.has(ch);

/** Scripts written without vowel letters (Arabic, Hebrew): sung about one syllable per two letters. */
const ABJAD = /^[\p{Script=Arabic}\p{Script=Hebrew}]$/u;
export const isAbjad = (ch: string): boolean => ABJAD.test(ch);

export interface TokenParts {
  lead: string;
  core: string;
  tail: string;
}

/** Splits a whitespace token into leading punctuation, the sounding core, and trailing punctuation. */
export function splitToken(token: string): TokenParts {
  const chars = Array.from(token);
  let first = chars.findIndex(isSounding);
  if (first < 0) return { lead: token, core: '', tail: '' };
  let last = chars.length - 1;
  while (last > first && !isSounding(chars[last]!)) last--;
  // Combining marks after the last letter belong to it.
  first = Math.max(0, first);
  return { lead: chars.slice(0, first).join(''), core: chars.slice(first, last + 1).join(''), tail: chars.slice(last + 1).join('') };
}

/** Lower-cases one code point without changing how many code points there are. */
export function lowerChar(ch: string): string {
  const lower = ch.toLowerCase();
  return Array.from(lower).length === 1 ? lower : ch;
}
