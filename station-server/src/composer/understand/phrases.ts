// The sender's own key phrases: whole clauses or runs of clauses of one sentence (phrase-model.ts),
// ranked: a phrase that makes the message's act ("thank you for every walk") first, then one that names
// a detail (the birthday, the exam), then the one with the most content; whole sentences read best.
import type { Language, Theme } from '@radio-optimism/shared';
import type { KeyPhrase } from '../types.js';
import { candidatePhrases, segment } from './phrase-model.js';
import { carriesIntent } from './intent.js';
import { detailsOf } from './details.js';
import { fold } from './text.js';
import { stopSet } from './theme.js';

const MAX_PHRASES = 8;
const SHORT_WORDS: Record<Language, number> = { en: 8, es: 8, pt: 8, fr: 8, de: 7, ko: 3 };
// A phrase may span two sung lines; longer runs are not offered (Korean counts 어절, which are longer).
const MAX_WORDS: Record<Language, number> = { en: 14, es: 14, pt: 14, fr: 14, de: 12, ko: 8 };

const endsSentence = (phrase: KeyPhrase, message: string, language: Language): boolean =>
  phrase.whole || candidateEnds(message, language).has(`${phrase.sentence}|${phrase.text}`);

const endCache = new Map<string, Set<string>>();
/** Texts of the runs that end their sentence, keyed by sentence. */
function candidateEnds(message: string, language: Language): Set<string> {
  const key = `${language}|${message}`;
  let set = endCache.get(key);
  if (!set) {
    set = new Set(segment(message, language).flatMap((pieces, i) => pieces.map((_, from) => `${i}|${pieces.slice(from).map((p) => p.text).join(' ').replace(/[,;:]+$/u, '')}`)));
    if (endCache.size > 50) endCache.clear();
    endCache.set(key, set);
  }
  return set;
}

export function keyPhrases(message: string, language: Language, intent: Theme | undefined): KeyPhrase[] {
  const stops = stopSet(language);
  const scored = candidatePhrases(message, language, MAX_WORDS[language]).map((phrase, order) => {
    const words = phrase.text.split(/\s+/u);
    const content = words.filter((w) => !fold(w).split(/[^\p{L}\p{N}]+/u).every((x) => x === '' || stops.has(x))).length;
    let score = Math.min(content, 5);
    if (content === 0) score = -Infinity;
    phrase.act = intent !== undefined && carriesIntent(phrase.text, language, intent);
    if (phrase.act) score += 4;
    if (detailsOf(phrase.text, language).length > 0) score += 1.5;
    if (phrase.whole) score += 1.5;
    // A Korean clause that stops before its sentence's end stops on a connective ending (-고, -서):
    // it leaves the sentence hanging, so the sentence's end is preferred.
    if (language === 'ko' && !endsSentence(phrase, message, language)) score -= 3;
    if (words.length >= 3) score += 1;
    // Digits cannot be sung as written.
    if (/\p{N}/u.test(phrase.text)) score -= 3;
    return { phrase, score, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: KeyPhrase[] = [];
  for (const { phrase, score } of scored) {
    if (score === -Infinity) continue;
    const folded = fold(phrase.text);
    // A part of a phrase already chosen adds nothing, unless that phrase is long: it may not fit two
    // sung lines, and then its clauses are sung on their own.
    if (chosen.some((p) => folded.includes(fold(p.text)) || (fold(p.text).includes(folded) && p.text.split(/\s+/u).length <= SHORT_WORDS[language]))) continue;
    chosen.push(phrase);
    if (chosen.length === MAX_PHRASES) break;
  }
  return chosen;
}
