// Cuts one word into syllables: one per vowel nucleus. Each boundary falls inside the consonants
// between two nuclei, at the hyphenation point there if the patterns give one, else by the onset rule
// (a consonant cluster that can start a syllable goes with the next one: ca-bra, ma-dre, sis-ter).
import type { Language } from '@radio-optimism/shared';
import { isHangulBlock, isOneSignSyllable, lowerChar } from './letters.js';
import { findNuclei, type Nucleus } from './nuclei.js';
import { hyphenPoints } from './hyphenation.js';
import { EXCEPTIONS } from './exceptions.js';

type Lang = Exclude<Language, 'ko'>;

const ONSETS: Record<Lang, Set<string>> = {
  en: new Set('bl br cl cr dr fl fr gl gr pl pr sc sk sl sm sn sp st sw tr tw th sh ch wh ph wr kn qu str spr scr thr shr'.split(' ')),
  es: new Set('bl br cl cr dr fl fr gl gr pl pr tr ch ll rr qu gu'.split(' ')),
  pt: new Set('bl br cl cr dr fl fr gl gr pl pr tr ch lh nh qu gu'.split(' ')),
  fr: new Set('bl br cl cr dr fl fr gl gr pl pr tr vr ch ph th gn qu gu'.split(' ')),
  de: new Set('bl br ch cl dr fl fr gl gr kl kn kr pf pfl pfr pl pr schl schm schn schr schw sch sp spr st str tr zw'.split(' ')),
};
/** Letter pairs never split across syllables (they are one sound). */
const DIGRAPHS: Record<Lang, Set<string>> = {
  en: new Set(['th', 'sh', 'ch', 'ph', 'wh', 'ck', 'ng', 'gh']),
  es: new Set(['ch', 'll', 'rr']),
  pt: new Set(['ch', 'lh', 'nh']),
  fr: new Set(['ch', 'ph', 'gn', 'th']),
  de: new Set(['ch', 'ck', 'ph', 'th']),
};

/** The written pieces of `core` (letters and inner apostrophes/hyphens), which concatenate to it. */
export function splitWord(core: string, lang: Language): string[] {
  const chars = Array.from(core);
  if (chars.some(isHangulBlock) || chars.some(isOneSignSyllable)) return splitBySigns(chars);
  // A Latin name in a Korean song is sung the English way.
  const rules: Lang = lang === 'ko' ? 'en' : lang;
  const lower = chars.map(lowerChar);
  const exception = EXCEPTIONS[rules].get(lower.join(''));
  if (exception) return cutAt(chars, exception);
  const nuclei = findNuclei(lower, rules);
  if (nuclei.length <= 1) return [core];
  const points = new Set(hyphenPoints(lower.join(''), rules));
  const cuts: number[] = [];
  for (let k = 0; k + 1 < nuclei.length; k++) cuts.push(boundary(lower, nuclei[k]!, nuclei[k + 1]!, points, rules));
  return cutAt(chars, cuts);
}

function boundary(lower: readonly string[], a: Nucleus, b: Nucleus, points: Set<number>, lang: Lang): number {
  // A hyphenation point between the nuclei wins, unless it would split a digraph.
  for (let p = b.start; p >= a.end; p--) {
    if (points.has(p) && !DIGRAPHS[lang].has((lower[p - 1] ?? '') + (lower[p] ?? ''))) return p;
  }
  const cluster = lower.slice(a.end, b.start).join('').replace(/['’-]/g, '');
  const gap = b.start - a.end;
  if (gap <= 1) return a.end;
  // The longest tail of the cluster that can start a syllable goes to the next one.
  for (let take = Math.min(4, cluster.length); take >= 2; take--) {
    const tail = cluster.slice(-take);
    if (ONSETS[lang].has(tail) || (take === 2 && DIGRAPHS[lang].has(tail) && tail !== 'ng' && tail !== 'ck')) return b.start - take;
  }
  return b.start - 1;
}

function cutAt(chars: readonly string[], cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut <= from || cut >= chars.length) continue;
    pieces.push(chars.slice(from, cut).join(''));
    from = cut;
  }
  pieces.push(chars.slice(from).join(''));
  return pieces;
}

/** Hangul (and CJK, kana): one block or sign, one syllable; other letters ride with the sign before. */
function splitBySigns(chars: readonly string[]): string[] {
  const pieces: string[] = [];
  for (const ch of chars) {
    if (isOneSignSyllable(ch) || pieces.length === 0) pieces.push(ch);
    else pieces[pieces.length - 1] += ch;
  }
  return pieces;
}
