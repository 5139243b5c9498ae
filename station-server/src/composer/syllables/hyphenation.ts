// Liang hyphenation points from the `hyphen` package's TeX patterns, loaded once per language on first
// use. Points say where a word may break; the syllabifier uses them to place each syllable boundary
// inside the consonants between two nuclei.
import { createRequire } from 'node:module';
import type { Language } from '@radio-optimism/shared';

interface Hyphenator {
  hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string;
}

const PATTERNS: Record<Exclude<Language, 'ko'>, string> = { en: 'hyphen/en-us', es: 'hyphen/es', pt: 'hyphen/pt', fr: 'hyphen/fr', de: 'hyphen/de' };
const require = createRequire(import.meta.url);
const loaded = new Map<string, Hyphenator>();
const cache = new Map<string, number[]>();
const MARK = '\u2063'; // never found in a lyric word

/** Positions (code-point indices into `word`) where a new piece may start, ascending. */
export function hyphenPoints(word: string, lang: Exclude<Language, 'ko'>): number[] {
  const key = `${lang}\u0000${word}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let hyphenator = loaded.get(lang);
  if (!hyphenator) {
    hyphenator = require(PATTERNS[lang]) as Hyphenator;
    loaded.set(lang, hyphenator);
  }
  const marked = Array.from(hyphenator.hyphenateSync(word, { hyphenChar: MARK, minWordLength: 1 }));
  const points: number[] = [];
  let at = 0;
  for (const ch of marked) {
    if (ch === MARK) points.push(at);
    else at++;
  }
  if (cache.size > 20000) cache.clear();
  cache.set(key, points);
  return points;
}
