// Turns the sender's key phrases into sung lines: lightly trimmed to fit a line (about 5-11 syllables),
// short ones framed ("{phrase}, oh {phrase}"), Korean ones brought to the song's plain lyric register,
// and each tagged with its syllable count and the word it ends on (for finding a rhyme).
import type { Language } from '@radio-optimism/shared';
import { countSyllables } from '../syllables/syllabify.js';
import type { LyricBank } from './bank.js';
import { toPlainLyricForm } from './korean.js';

export interface PhraseLine {
  text: string;
  count: number;
  /** The last word, folded (lower case, no accents, no punctuation). */
  endWord: string;
}

const MAX_SYLLABLES = 11;
const MIN_SYLLABLES = 5;
const HANGUL = /[\uAC00-\uD7A3]/u;
const LATIN = /\p{Script=Latin}/u;

export function phraseLines(phrases: readonly string[], language: Language, bank: LyricBank, frameAt: (i: number) => number): PhraseLine[] {
  const out: PhraseLine[] = [];
  phrases.forEach((raw, i) => {
    // A phrase in another script than the song cannot be sung in its voice; digits cannot be sung as written.
    if (/\p{N}/u.test(raw)) return;
    if (language === 'ko' ? !HANGUL.test(raw) || LATIN.test(raw) : HANGUL.test(raw)) return;
    let words = raw.split(/\s+/u).filter(Boolean);
    if (language === 'ko') words = toPlainLyricForm(words);
    let count = countSyllables(words.join(' '), language);
    // Too long: drop words from the front (greetings, "and", "so") while two or more remain.
    while (count > MAX_SYLLABLES && words.length > 2) {
      words = words.slice(1);
      count = countSyllables(words.join(' '), language);
    }
    if (count > MAX_SYLLABLES || count === 0) return;
    let text = words.join(' ');
    if (count < MIN_SYLLABLES && bank.shortFrames.length > 0) {
      const frame = bank.shortFrames[frameAt(i) % bank.shortFrames.length]!;
      const framed = frame.split('{phrase}').join(text);
      const framedCount = countSyllables(framed, language);
      if (framedCount <= MAX_SYLLABLES) {
        text = framed;
        count = framedCount;
      }
    }
    out.push({ text, count, endWord: foldWord(words[words.length - 1]!) });
  });
  return out;
}

export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’]/gu, '')
    .replace(/^(?:[a-z]{1,2}|qu)['’]/u, '')
    .replace(/['’]/gu, '');
}
