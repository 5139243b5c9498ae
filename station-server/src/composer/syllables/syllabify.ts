// The syllabifier's public face: a sung line in, its syllables out, each tagged with its word and
// whether it is stressed. Punctuation rides on the syllable next to it and is never counted; a token
// with nothing to sing (an emoji, a dash) rides on the word before it (or after, at the line start).
import type { Language } from '@radio-optimism/shared';
import type { Syllable } from '../types.js';
import { lowerChar, splitToken } from './letters.js';
import { splitWord } from './split-word.js';
import { isFunctionWord, stressIndex } from './stress.js';

/** The written syllables of one word (punctuation kept on the first and last). */
export function syllabifyWord(word: string, language: Language): string[] {
  const { lead, core, tail } = splitToken(word);
  if (core === '') return [word];
  const pieces = splitWord(core, language);
  pieces[0] = lead + pieces[0]!;
  pieces[pieces.length - 1] += tail;
  return pieces;
}

/** Syllables of a line; their texts concatenate to the line without its whitespace. */
export function syllabifyLine(text: string, language: Language): Syllable[] {
  const tokens = text.split(/\s+/u).filter((t) => t !== '');
  const words: { pieces: string[]; core: string }[] = [];
  let pending = ''; // silent tokens before the first sung word
  for (const token of tokens) {
    const { core } = splitToken(token);
    if (core === '') {
      const last = words[words.length - 1];
      if (last) last.pieces[last.pieces.length - 1] += token;
      else pending += token;
      continue;
    }
    const pieces = syllabifyWord(token, language);
    if (pending) {
      pieces[0] = pending + pieces[0]!;
      pending = '';
    }
    words.push({ pieces, core });
  }
  const out: Syllable[] = [];
  words.forEach((w, index) => {
    const stressed = stressFor(w.core, w.pieces.length, language, index, words.length);
    w.pieces.forEach((piece, k) => out.push({ text: piece, word: index, stressed: stressed === k }));
  });
  if (out.length === 0 && pending) out.push({ text: pending, word: 0, stressed: false });
  return out;
}

function stressFor(core: string, count: number, language: Language, index: number, wordCount: number): number {
  if (language === 'ko' || /[\uAC00-\uD7A3]/u.test(core)) {
    // No lexical stress: phrase-initial prominence, on the first block of the line and of longer words.
    return index === 0 || count >= 2 ? 0 : -1;
  }
  const lowerPieces = splitWord(core, language).map((p) => Array.from(p).map(lowerChar).join(''));
  if (lowerPieces.length !== count) return -1;
  const k = stressIndex(lowerPieces, language);
  // A lone function word at the end of a French phrase still takes the phrase accent (dis-moi).
  if (k < 0 && language === 'fr' && index === wordCount - 1) return count - 1;
  return k;
}

/** How many syllables a line sings. */
export function countSyllables(text: string, language: Language): number {
  return syllabifyLine(text, language).length;
}

export { isFunctionWord };
