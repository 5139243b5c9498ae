// Splits a spoken word's phonemes into the lyric's syllables: each gets an onset (consonants before
// its vowel), a nucleus (the vowel, which is what gets held on the note) and a coda. eSpeak may hear
// a different number of vowels than the lyric has syllables ("fire" is one or two); the nuclei are
// then shared out in order so every lyric syllable still gets a stretch of sound to sing.
import type { SpokenPhoneme } from './espeak.js';

/** Sample ranges in the spoken audio: onset [onset, nucleus), nucleus [nucleus, coda), coda [coda, end). */
export interface SourceSyllable {
  onset: number;
  nucleus: number;
  coda: number;
  end: number;
  /** The nucleus glides (a diphthong or merged vowels): hold its first part, glide at the end. */
  glides: boolean;
}

const VOWELS = /[aeiouyæɑɒɐəɘɚɛɜɝɞɨɪʉʊʌɔøœɶɤɯʏɵ]/u;

export function isVowel(ipa: string): boolean {
  return VOWELS.test(ipa);
}

function vowelCount(ipa: string): number {
  return (ipa.replace(/[ˈˌː̃\-]/gu, '').match(new RegExp(VOWELS.source, 'gu')) ?? []).length;
}

/** Divides `phonemes` (one word) into `count` syllables. Returns [] when the word has no sound. */
export function splitWord(phonemes: SpokenPhoneme[], count: number): SourceSyllable[] {
  if (phonemes.length === 0 || count <= 0) return [];
  const nuclei = phonemes.map((p, i) => (isVowel(p.ipa) ? i : -1)).filter((i) => i >= 0);
  const wordStart = phonemes[0]!.start;
  const wordEnd = phonemes[phonemes.length - 1]!.end;
  if (nuclei.length === 0) {
    // No vowel (a lone consonant or a name eSpeak spells): the whole word is one nucleus, shared.
    return evenSplit(wordStart, wordStart, wordEnd, wordEnd, count, false);
  }
  // Which nuclei each syllable gets: consecutive groups, as even as the counts allow.
  const groups: number[][] = [];
  if (nuclei.length >= count) {
    for (let j = 0; j < count; j++) {
      const from = Math.floor((j * nuclei.length) / count);
      const to = Math.floor(((j + 1) * nuclei.length) / count);
      groups.push(nuclei.slice(from, to));
    }
  } else {
    // Fewer vowels than syllables: the syllables that share a vowel split its time.
    return fewerVowels(phonemes, nuclei, count);
  }
  const out: SourceSyllable[] = [];
  for (let j = 0; j < groups.length; j++) {
    const group = groups[j]!;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const prevLast = j > 0 ? groups[j - 1]![groups[j - 1]!.length - 1]! : -1;
    // Consonants between two vowels: one goes to the next syllable, any more stay as this one's coda.
    const between = first - prevLast - 1;
    const onsetFirst = j === 0 ? 0 : between >= 2 ? prevLast + 2 : prevLast + 1;
    out.push({
      onset: phonemes[onsetFirst]?.start ?? phonemes[first]!.start,
      nucleus: phonemes[first]!.start,
      coda: phonemes[last]!.end,
      end: 0,
      glides: group.length > 1 || vowelCount(phonemes[first]!.ipa) > 1 || /ɚ|ɹ$/u.test(phonemes[first]!.ipa),
    });
  }
  for (let j = 0; j < out.length; j++) out[j]!.end = j + 1 < out.length ? out[j + 1]!.onset : wordEnd;
  return out;
}

function fewerVowels(phonemes: SpokenPhoneme[], nuclei: number[], count: number): SourceSyllable[] {
  // Give each vowel a share of syllables in proportion to its length, at least one each.
  const lengths = nuclei.map((i) => phonemes[i]!.end - phonemes[i]!.start);
  const shares = nuclei.map(() => 1);
  for (let extra = count - nuclei.length; extra > 0; extra--) {
    let best = 0;
    for (let k = 1; k < nuclei.length; k++) if (lengths[k]! / (shares[k]! + 1) > lengths[best]! / (shares[best]! + 1)) best = k;
    shares[best]!++;
  }
  const split = splitWord(phonemes, nuclei.length);
  const out: SourceSyllable[] = [];
  split.forEach((s, k) => out.push(...evenSplit(s.onset, s.nucleus, s.coda, s.end, shares[k]!, s.glides)));
  return out;
}

/** One syllable's span cut into `count` in time: the first keeps the onset, the last the coda. */
function evenSplit(onset: number, nucleus: number, coda: number, end: number, count: number, glides: boolean): SourceSyllable[] {
  const out: SourceSyllable[] = [];
  const step = (coda - nucleus) / count;
  for (let j = 0; j < count; j++) {
    const a = Math.round(nucleus + j * step);
    const b = Math.round(nucleus + (j + 1) * step);
    out.push({ onset: j === 0 ? onset : a, nucleus: a, coda: b, end: j === count - 1 ? end : b, glides });
  }
  return out;
}
