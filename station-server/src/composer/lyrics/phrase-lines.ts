// Turns the sender's key phrases into sung lines without cutting a phrase: a phrase that fits a line
// (up to 13 syllables) is one line; a longer one becomes two adjacent lines, broken at the strongest,
// most even boundary the phrase model marked (punctuation, then a conjunction or relative pronoun,
// then a preposition, last a noun phrase), each half a phrase of its own. A phrase that fits neither way is not sung:
// it is never trimmed to fit. Short phrases are framed ("{phrase}, oh {phrase}"), Korean ones are
// brought to the song's plain lyric register, and each line carries its syllable count and last word.
import type { Language } from '@radio-optimism/shared';
import { countSyllables } from '../syllables/syllabify.js';
import type { KeyPhrase, PhrasePiece } from '../types.js';
import type { LyricBank } from './bank.js';
import { toPlainLyricForm } from './korean.js';

export interface PhraseLine {
  text: string;
  /** The sender's words on this line, without any frame. */
  words: string;
  count: number;
  /** The last word, folded (lower case, no accents, no punctuation). */
  endWord: string;
}

/** The lines one phrase of the message is sung on (one or two, always sung together, in order). */
export interface PhraseGroup {
  lines: PhraseLine[];
  /** The message sentence it comes from. */
  sentence: number;
  /** Whether the phrase makes the message's act. */
  act: boolean;
}

export const MAX_SYLLABLES = 13;
const MIN_SYLLABLES = 5;
/** Each half of a phrase sung on two lines has at least this many syllables. */
const MIN_HALF = 4;
const HANGUL = /[\uAC00-\uD7A3]/u;
const LATIN = /\p{Script=Latin}/u;

export function phraseGroups(phrases: readonly KeyPhrase[], language: Language, bank: LyricBank, frameAt: (i: number) => number): PhraseGroup[] {
  const out: PhraseGroup[] = [];
  phrases.forEach((phrase, i) => {
    // A phrase in another script than the song cannot be sung in its voice; digits cannot be sung as written.
    if (/\p{N}/u.test(phrase.text)) return;
    if (language === 'ko' ? !HANGUL.test(phrase.text) || LATIN.test(phrase.text) : HANGUL.test(phrase.text)) return;
    const pieces = language === 'ko' ? plainPieces(phrase.pieces) : phrase.pieces;
    const count = (text: string): number => countSyllables(text, language);
    const whole = tidy(pieces.map((p) => p.text).join(' '));
    const n = count(whole);
    if (n === 0) return;
    if (n <= MAX_SYLLABLES) {
      let text = whole;
      let c = n;
      if (c < MIN_SYLLABLES && bank.shortFrames.length > 0) {
        const frame = bank.shortFrames[frameAt(i) % bank.shortFrames.length]!;
        const framed = frame.split('{phrase}').join(frame.startsWith('{phrase}') ? whole : midLine(whole, bank));
        if (count(framed) <= MAX_SYLLABLES) {
          text = framed;
          c = count(framed);
        }
      }
      // Too short to carry a tune even framed ("thank thank"): not sung.
      if (c < MIN_HALF) return;
      out.push({ lines: [{ text, words: whole, count: c, endWord: foldWord(lastOf(whole)) }], sentence: phrase.sentence, act: phrase.act });
      return;
    }
    const split = bestSplit(pieces, count);
    if (!split) return;
    out.push({ lines: split.map((text) => ({ text, words: text, count: count(text), endWord: foldWord(lastOf(text)) })), sentence: phrase.sentence, act: phrase.act });
  });
  return out;
}

/** Two lines at a piece boundary, each within bounds, preferring strong boundaries, then even halves. */
function bestSplit(pieces: readonly PhrasePiece[], count: (text: string) => number): [string, string] | undefined {
  let best: { lines: [string, string]; score: number } | undefined;
  for (let k = 1; k < pieces.length; k++) {
    const cut = pieces[k]!.cut;
    if (cut <= 0) continue;
    const a = tidy(pieces.slice(0, k).map((p) => p.text).join(' '));
    const b = tidy(pieces.slice(k).map((p) => p.text).join(' '));
    const ca = count(a);
    const cb = count(b);
    if (ca < MIN_HALF || cb < MIN_HALF || ca > MAX_SYLLABLES || cb > MAX_SYLLABLES) continue;
    const score = cut * 6 - Math.abs(ca - cb);
    if (!best || score > best.score) best = { lines: [a, b], score };
  }
  return best?.lines;
}

/** A phrase set after a frame's opening ("oh, happy birthday"): its first word loses the capital it had
 *  only for opening the sentence, when the bank uses that word in lower case (a name keeps its own). */
function midLine(phrase: string, bank: LyricBank): string {
  const first = phrase.split(/\s+/u)[0] ?? '';
  const lower = first.toLocaleLowerCase();
  if (lower === first || first === 'I' || !commonWords(bank).has(lower.replace(/[^\p{L}'’]/gu, ''))) return phrase;
  return lower + phrase.slice(first.length);
}

const common = new WeakMap<LyricBank, Set<string>>();
function commonWords(bank: LyricBank): Set<string> {
  let set = common.get(bank);
  if (!set) {
    const lines = [...Object.values(bank.verse), ...Object.values(bank.bridge), ...Object.values(bank.vibe), bank.any].flat(2);
    const chorus = Object.values(bank.chorus).flat().flatMap((c) => [...c.lines]);
    set = new Set([...lines, ...chorus, ...bank.free].flatMap((l) => l.split(/\s+/u).slice(1)).map((w) => w.replace(/[^\p{L}'’]/gu, '')).filter((w) => w !== '' && w === w.toLocaleLowerCase()));
    common.set(bank, set);
  }
  return set;
}

/** Korean pieces in the plain lyric register, word by word (the trim keeps the word count). */
function plainPieces(pieces: readonly PhrasePiece[]): PhrasePiece[] {
  const words = pieces.flatMap((p) => p.text.split(/\s+/u));
  const plain = toPlainLyricForm(words);
  let at = 0;
  return pieces.map((p) => {
    const n = p.text.split(/\s+/u).length;
    const text = plain.slice(at, at + n).join(' ');
    at += n;
    return { ...p, text };
  });
}

/** A line keeps the commas inside it but ends on a word. */
const tidy = (text: string): string => text.replace(/\s+/gu, ' ').trim().replace(/[,;:]+$/u, '');
const lastOf = (text: string): string => text.split(/\s+/u).pop() ?? '';

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
