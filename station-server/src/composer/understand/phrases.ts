// The sender's own key phrases: the message cut at clause boundaries (punctuation, line breaks, and
// conjunctions like "and"/"y"/"und"/그리고), trimmed of stop words at the edges, kept when 2-7 words
// long (2-4 eojeol in Korean), and ranked: phrases that carry theme words and real content come first.
import type { Language } from '@radio-optimism/shared';
import { LEXICONS } from './lexicons/index.js';
import { countHits, foldMessage } from './match.js';
import { fold, stripEmoji } from './text.js';
import { stopSet } from './theme.js';

const MAX_PHRASES = 6;
const CLAUSE_PUNCTUATION = /[.!?¡¿;:,\n\r…()\[\]{}|/]+|\s[-–—]+\s|[–—]+/u;
// Quote marks around words are decoration; an apostrophe inside a word (don't, l'amour) stays.
const EDGE_QUOTES = /^["“”„«»‹›'‘’`*_~]+|["“”„«»‹›'‘’`*_~]+$/gu;

interface Candidate {
  text: string;
  score: number;
  order: number;
}

export function keyPhrases(message: string, language: Language): string[] {
  const lexicon = LEXICONS[language];
  const stops = stopSet(language);
  const breaks = new Set(lexicon.clauseBreaks.map((w) => fold(w)));
  const ends = new Set(lexicon.phraseEnds);
  const badEnd = (word: string): boolean => language !== 'ko' && isStop(word, stops) && !ends.has(fold(word));
  const [minWords, maxWords] = language === 'ko' ? [2, 4] : [2, 7];
  const candidates: Candidate[] = [];
  let order = 0;
  for (const clause of clauses(stripMarkup(stripEmoji(message)), breaks)) {
    for (const words of windows(clause, minWords, maxWords, badEnd)) {
      const text = words.join(' ');
      candidates.push({ text, score: scorePhrase(words, language, stops), order: order++ });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: string[] = [];
  for (const c of candidates) {
    const folded = fold(c.text);
    if (chosen.some((p) => fold(p).includes(folded) || folded.includes(fold(p)))) continue;
    chosen.push(c.text);
    if (chosen.length === MAX_PHRASES) break;
  }
  return chosen;
}

/** Markup and code are not words to sing: `<b>`, `onerror="..."`, `{x}` and the like go, their text stays. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\S*[<>{}\[\]=\\|`~^]\S*/g, ' ');
}

/** Clauses as lists of words (original spelling, edge quotes removed). */
function clauses(message: string, breaks: ReadonlySet<string>): string[][] {
  const out: string[][] = [];
  for (const piece of message.split(CLAUSE_PUNCTUATION)) {
    let current: string[] = [];
    for (const raw of piece.split(/\s+/u)) {
      const word = raw.replace(EDGE_QUOTES, '');
      if (!/[\p{L}\p{N}]/u.test(word)) continue;
      if (breaks.has(fold(word)) && current.length > 0) {
        out.push(current);
        current = [];
        continue;
      }
      current.push(word);
    }
    if (current.length > 0) out.push(current);
  }
  return out;
}

const isStop = (word: string, stops: ReadonlySet<string>): boolean => fold(word).split(' ').every((w) => stops.has(w));

/** The clause itself if it fits, else its best-bounded windows; edges that are stop words are trimmed
 *  at the end ("thank you for" is no phrase) but may open one ("you are my sunshine"). */
function windows(words: string[], minWords: number, maxWords: number, badEnd: (word: string) => boolean): string[][] {
  let end = words.length;
  while (end > 0 && badEnd(words[end - 1]!)) end--;
  const trimmed = words.slice(0, end);
  if (trimmed.length < minWords) return [];
  if (trimmed.length <= maxWords) return [trimmed];
  const out: string[][] = [];
  for (let from = 0; from + minWords <= trimmed.length; from++) {
    for (let len = Math.min(maxWords, trimmed.length - from); len >= Math.max(minWords, 3); len--) {
      const last = trimmed[from + len - 1]!;
      if (badEnd(last)) continue;
      out.push(trimmed.slice(from, from + len));
      break;
    }
  }
  return out;
}

function scorePhrase(words: string[], language: Language, stops: ReadonlySet<string>): number {
  const folded = foldMessage(fold(words.join(' ')).split(/[^\p{L}\p{N}-]+/u).filter(Boolean));
  let themeHits = 0;
  for (const entries of Object.values(LEXICONS[language].themes)) themeHits += countHits(folded, entries, language, stops);
  const content = words.filter((w) => !isStop(w, stops)).length;
  if (content === 0) return -Infinity;
  const stopShare = 1 - content / words.length;
  // Three to six words sing best; digits cannot be sung as written.
  const lengthFit = words.length >= 3 && words.length <= 6 ? 1 : 0;
  const digits = words.some((w) => /\p{N}/u.test(w)) ? 2 : 0;
  return themeHits * 3 + Math.min(content, 4) + lengthFit - stopShare * 2 - digits;
}
