// Finds a word's vowel nuclei: each sung syllable has exactly one. Letters are grouped into vowel runs
// and each run is split or kept whole by the language's own diphthong and hiatus rules; silent letters
// (English silent e, French mute e) are left out, so they ride on the syllable before them.
import type { Language } from '@radio-optimism/shared';
import { baseVowel, isAbjad, isDigit, isOneSignSyllable, isOtherScriptVowel } from './letters.js';

export interface Nucleus {
  start: number;
  end: number; // exclusive
}

type Lang = Exclude<Language, 'ko'>;

/** Is chars[i] a vowel letter here (context decides for y and for the u of qu/gu)? */
function isVowelAt(chars: readonly string[], i: number, lang: Lang): boolean {
  const ch = chars[i]!;
  const base = baseVowel(ch);
  if (base === undefined) return isOtherScriptVowel(ch);
  const prev = chars[i - 1];
  const next = chars[i + 1];
  const nextIsVowel = next !== undefined && baseVowel(next) !== undefined && next !== 'y';
  if (base === 'u' && ch !== 'ü' && prev === 'q') return false;
  if (base === 'u' && ch !== 'ü' && prev === 'g' && nextIsVowel && (lang !== 'en' || next === 'e' || next === 'i' || next === 'a')) return false;
  if (ch === 'y') {
    if (lang === 'es') return next === undefined || !nextIsVowel && prev !== undefined && baseVowel(prev) === undefined;
    // Word-initial or between vowels, y is a consonant (you, yes, beyond, Maya).
    if (i === 0 && nextIsVowel) return false;
    if (prev !== undefined && baseVowel(prev) !== undefined && nextIsVowel) return false;
  }
  return true;
}

const EN_ONE = new Set(['ai', 'au', 'aw', 'ay', 'ea', 'ee', 'ei', 'ey', 'ie', 'oa', 'oe', 'oi', 'oo', 'ou', 'ow', 'oy', 'ue', 'ui', 'eau', 'eu', 'ye', 'uy']);
const DE_ONE = new Set(['ei', 'ai', 'au', 'eu', 'äu', 'ie', 'aa', 'ee', 'oo', 'ey', 'ay']);
const PT_GLIDE_AFTER = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'â', 'ê', 'ô', 'ã', 'õ', 'u', 'i']);

/** Splits one vowel run [from, to) into nuclei by the language's rules. */
function splitRun(chars: readonly string[], from: number, to: number, lang: Lang): Nucleus[] {
  const out: Nucleus[] = [];
  let start = from;
  for (let i = from + 1; i < to; i++) {
    if (splitsBefore(chars, i, start, lang)) {
      out.push({ start, end: i });
      start = i;
    }
  }
  out.push({ start, end: to });
  return out;
}

/** Does a new nucleus start at chars[i], given the current one started at `start`? */
function splitsBefore(chars: readonly string[], i: number, start: number, lang: Lang): boolean {
  const prev = chars[i - 1]!;
  const ch = chars[i]!;
  const sofar = chars.slice(start, i).join('');
  switch (lang) {
    case 'es': {
      // Two strong vowels make a hiatus; an accented i or u is strong (dí-a, pa-ís).
      const strong = (c: string): boolean => 'aeoáéóíú'.includes(c);
      return strong(prev) && strong(ch);
    }
    case 'pt': {
      if (ch === 'í' || ch === 'ú') return true;
      // Falling diphthongs (ai, eu, ou, ui) and nasal ones (ão, ãe, õe) are one nucleus; rising ones split.
      if ((ch === 'i' || ch === 'u') && PT_GLIDE_AFTER.has(prev) && prev !== ch && sofar.length === 1) return false;
      if ((ch === 'o' || ch === 'e') && (prev === 'ã' || prev === 'õ')) return false;
      return true;
    }
    case 'fr': {
      if (ch === 'ï' || ch === 'ü' || ch === 'ë') return true;
      if (prev === 'é' || prev === 'è') {
        // A final mute e after é (aimée, idées) stays with it.
        const rest = chars.slice(i).join('');
        return !(rest === 'e' || rest === 'es' || rest === 'ent');
      }
      if (ch === 'é' || ch === 'è' || ch === 'ê') return !(prev === 'i' || prev === 'u');
      // jou-er, lou-ange
      if (sofar === 'ou' && 'eéa'.includes(ch) && chars[i + 1] !== undefined) return true;
      return false;
    }
    case 'de':
      return !(sofar.length === 1 && DE_ONE.has(sofar + ch));
    case 'en': {
      // -ing after a vowel: be-ing, go-ing, say-ing, try-ing.
      if (ch === 'i' && chars[i + 1] === 'n' && chars[i + 2] === 'g') return true;
      // i/y before another vowel after a consonant: li-on, Ma-ri-a, Ry-an; not -tion, -cial, -gion.
      if (sofar.length === 1 && (prev === 'i' || prev === 'y') && 'aou'.includes(ch)) {
        const before = chars[start - 1];
        return before === undefined || !'ctsxg'.includes(before);
      }
      if (sofar === 'e' && ch === 'a' && i === chars.length - 1) return true; // idea, area
      if (sofar === 'e' && ch === 'o' && chars[start - 1] !== 'g' && chars[start - 1] !== 'p') return true; // video
      if (sofar === 'u' && (ch === 'a' || ch === 'o')) return true; // actual, duo
      return !(EN_ONE.has(sofar + ch) || (sofar.length === 1 && EN_ONE.has(prev + ch)));
    }
  }
}

/** The nuclei of a lower-cased word (letters, digits, apostrophes), in order. */
export function findNuclei(chars: readonly string[], lang: Lang): Nucleus[] {
  const nuclei: Nucleus[] = [];
  let abjadRun = 0;
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    if (isDigit(ch) || isOneSignSyllable(ch)) {
      nuclei.push({ start: i, end: i + 1 });
      i++;
      continue;
    }
    if (isAbjad(ch)) {
      // No vowel letters: one syllable for every two letters.
      if (abjadRun % 2 === 0) nuclei.push({ start: i, end: i + 1 });
      abjadRun++;
      i++;
      continue;
    }
    abjadRun = 0;
    if (!isVowelAt(chars, i, lang)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < chars.length && isVowelAt(chars, j, lang)) j++;
    nuclei.push(...splitRun(chars, i, j, lang));
    i = j;
  }
  if (lang === 'en') dropEnglishSilentE(chars, nuclei);
  if (lang === 'fr') dropFrenchMuteE(chars, nuclei);
  return nuclei;
}

const isConsonant = (ch: string | undefined): boolean => ch !== undefined && baseVowel(ch) === undefined && ch !== "'";

function dropEnglishSilentE(chars: readonly string[], nuclei: Nucleus[]): void {
  const word = chars.join('');
  for (let k = nuclei.length - 1; k >= 1; k--) {
    const n = nuclei[k]!;
    if (n.end - n.start !== 1 || chars[n.start] !== 'e') continue;
    // Contractions (here's, she'd) keep the silent e silent.
    const rest = word.slice(n.end).replace(/^'(s|d|ll|re|ve)$/, '');
    const before = chars[n.start - 1];
    const before2 = chars[n.start - 2];
    // (y counts as a consonant here: stayed, played.)
    if (!isConsonant(before) && before !== 'y') continue;
    if (rest === '') {
      // -ble, -tle, -ple sing their own syllable; -ile, -ole do not.
      if (before === 'l' && isConsonant(before2) && before2 !== 'l') continue;
      nuclei.splice(k, 1);
    } else if (rest === 's' || rest === 'd') {
      const sibilant = rest === 's' && (/[szxcg]/.test(before!) || (before === 'h' && /[cs]/.test(before2 ?? '')));
      const dental = rest === 'd' && (before === 't' || before === 'd');
      if (!sibilant && !dental) nuclei.splice(k, 1);
    } else if (/^(ly|ful|less|ness|ment|r'?s)$/.test(rest) && k >= 1 && nuclei[k - 1]!.end === n.start - 1) {
      // A magic e before a suffix: lovely, hopeful, timeless.
      if (!rest.startsWith('r')) nuclei.splice(k, 1);
    }
  }
}

const FR_SOUNDED_ENT = new Set(['vent', 'cent', 'dent', 'lent', 'gent', 'souvent', 'présent', 'absent', 'content', 'parent', 'talent', 'accent', 'argent', 'différent', 'évident', 'patient', 'instant', 'comment']);
// Nouns and adverbs in -ment sound their -ent (moment, vraiment); these verbs in -ment do not.
const FR_VERB_MENT = new Set(['aiment', 'sèment', 'dorment', 'ferment', 'calment', 'priment', 'fument']);

/** Is a final -ent silent (a verb: chantent) rather than sounded (moment, souvent)? */
function silentEnt(word: string): boolean {
  if (FR_SOUNDED_ENT.has(word)) return false;
  if (word.endsWith('ment')) return FR_VERB_MENT.has(word);
  return true;
}

function dropFrenchMuteE(chars: readonly string[], nuclei: Nucleus[]): void {
  if (nuclei.length < 2) return;
  const last = nuclei[nuclei.length - 1]!;
  if (last.end - last.start !== 1 || chars[last.start] !== 'e') return;
  const word = chars.join('');
  const rest = word.slice(last.end);
  const mute = rest === '' || rest === 's' || (rest === 'nt' && silentEnt(word));
  if (mute && isConsonant(chars[last.start - 1])) nuclei.pop();
}
