// The sing stage: eSpeak speaks each lyric line near one pitch, and TD-PSOLA moves every syllable
// onto its notes, vowels held for the note's length and tuned to its pitch, consonants kept short in
// the seams between notes. Returns a mono 44.1 kHz voice as long as the song.
import { SAMPLE_RATE, type Audio, type SingInput, type VocalNote } from '../types.js';
import { ESPEAK_RATE } from './espeak.js';
import { SingError } from './errors.js';
import { pitchContour } from './contour.js';
import { layoutLine, type SungSyllable } from './layout.js';
import { speakLine, type LineSource, type LyricWord } from './line-source.js';
import { renderSegments } from './psola.js';
import { upsample2xInto } from './resample.js';
import { chooseVoice, pitchSetting, settingHz } from './voice.js';

export { warmUpEngine as warmUpSinger, disposeEngine as disposeSinger } from './espeak.js';
export { SingError, type SingErrorCode } from './errors.js';

/** eSpeak's speaking rate (words per minute): unhurried, so consonants stay clear. */
const SPEAKING_RATE = 165;
/** Peak level of the returned voice. */
const PEAK = 0.8;

interface SyllableNotes {
  text: string;
  word: number;
  start: number;
  end: number;
}

export async function sing(input: SingInput): Promise<Audio> {
  const samples = await singLines(input, { from: 0, until: Number.POSITIVE_INFINITY });
  normalize(samples);
  return { sampleRate: SAMPLE_RATE, channels: [samples] };
}

/** The lines whose first note starts in [from, until) seconds, as long as the whole song and not
 *  normalized: two parts of one song add up to the whole (the song is made a part at a time). */
export async function singLines(input: SingInput, part: { from: number; until: number }): Promise<Float32Array> {
  validate(input);
  const total = Math.round(input.durationSec * SAMPLE_RATE);
  const out = new Float32Array(Math.ceil(total / 2) + 1);
  const voice = chooseVoice(input.language, input.seed, input.voice);
  const contour = pitchContour(input.vocals, voice.vibrato);
  const cache = new Map<string, Promise<LineSource>>();
  // One speaking pitch for the whole song, a little under its low notes (PSOLA moves pitch up more
  // cleanly than down), so a repeated line (a chorus) is spoken once.
  const pitches = input.vocals.map((v) => v.pitch).sort((a, b) => a - b);
  const low = pitches[Math.floor(pitches.length * 0.1)] ?? 60;
  const setting = pitchSetting(voice, 0.97 * 440 * 2 ** ((low - 69) / 12));

  for (const group of lineGroups(input.vocals)) {
    if (group[0]!.start < part.from || group[0]!.start >= part.until) continue;
    const syllables = syllablesOf(group);
    const words = respelled(wordsOf(syllables), input.respell);
    const key = `${voice.id}|${setting}|${words.map((w) => `${w.text}/${w.syllables}`).join(' ')}`;
    let pending = cache.get(key);
    if (!pending) {
      pending = speakLine(words, { voice: voice.id, pitch: setting, rate: SPEAKING_RATE }, settingHz(voice, setting));
      cache.set(key, pending);
    }
    const source = await pending;
    const sung: SungSyllable[] = syllables.map((s, i) => ({ source: source.syllables[i]!, start: s.start, end: s.end }));
    renderSegments(source, layoutLine(sung, ESPEAK_RATE), contour, out, ESPEAK_RATE);
  }

  // Only the stretch this part's lines reach is resampled: a part's few lines in a song-long buffer.
  const samples = new Float32Array(total);
  upsample2xInto(out, samples);
  return samples;
}

function validate(input: SingInput): void {
  if (!Number.isFinite(input.durationSec) || input.durationSec <= 0 || input.durationSec > 1200) {
    throw new SingError('bad-input', `durationSec must be a positive number of seconds, got ${input.durationSec}`);
  }
  for (const n of input.vocals) {
    if (!Number.isFinite(n.start) || !Number.isFinite(n.duration) || n.duration <= 0 || n.start < 0 || !Number.isFinite(n.pitch)) {
      throw new SingError('bad-input', `a vocal note has a bad time or pitch (start ${n.start}, duration ${n.duration}, pitch ${n.pitch})`);
    }
  }
}

/** Notes in time order, cut into runs that sing one lyric line each. */
function lineGroups(vocals: readonly VocalNote[]): VocalNote[][] {
  const sorted = [...vocals].sort((a, b) => a.start - b.start || a.line - b.line);
  const groups: VocalNote[][] = [];
  for (const note of sorted) {
    const current = groups[groups.length - 1];
    if (current && current[0]!.line === note.line) current.push(note);
    else groups.push([note]);
  }
  return groups;
}

/** One entry per sung syllable; a melisma's notes extend the syllable they continue. */
function syllablesOf(notes: readonly VocalNote[]): SyllableNotes[] {
  const out: SyllableNotes[] = [];
  for (const n of notes) {
    const prev = out[out.length - 1];
    if (n.continues && prev) {
      prev.end = Math.max(prev.end, n.start + n.duration);
    } else {
      out.push({ text: n.syllable, word: n.word, start: n.start, end: n.start + n.duration });
    }
  }
  return out;
}

/** The line's words, rebuilt from its syllables (a word's syllables concatenate to the word). */
function wordsOf(syllables: readonly SyllableNotes[]): LyricWord[] {
  const words: LyricWord[] = [];
  let lastWord = Number.NaN;
  for (const s of syllables) {
    const current = words[words.length - 1];
    if (current && s.word === lastWord) {
      current.text += s.text;
      current.syllables++;
    } else {
      words.push({ text: s.text, syllables: 1 });
    }
    lastWord = s.word;
  }
  return words;
}

/** What the singer speaks for each sung line, in time order: the words as eSpeak hears them (the
 *  recipient's name respelled as it sounds), each with the number of notes' syllables it carries. */
export function spokenLines(input: Pick<SingInput, 'vocals' | 'respell'>): LyricWord[][] {
  return lineGroups(input.vocals).map((group) => respelled(wordsOf(syllablesOf(group)), input.respell));
}

const letters = (text: string): string => text.normalize('NFC').toLocaleLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Replaces each run of words that spells `respell.name` (punctuation aside) with one word spoken as
 *  `respell.as`, carrying the run's syllables: the notes stay the name's, the sound becomes the
 *  respelling's (its vowels are shared out over them). Punctuation around the name is kept. */
function respelled(words: LyricWord[], respell: SingInput['respell']): LyricWord[] {
  if (!respell) return words;
  const target = respell.name.split(/\s+/u).map(letters).filter(Boolean);
  if (target.length === 0) return words;
  const out: LyricWord[] = [];
  for (let i = 0; i < words.length; ) {
    const run = words.slice(i, i + target.length);
    if (run.length === target.length && run.every((w, k) => letters(w.text) === target[k])) {
      const lead = /^[^\p{L}\p{N}]*/u.exec(run[0]!.text)![0];
      const tail = /[^\p{L}\p{N}]*$/u.exec(run[run.length - 1]!.text)![0];
      out.push({ text: `${lead}${respell.as}${tail}`, syllables: run.reduce((n, w) => n + w.syllables, 0) });
      i += target.length;
    } else out.push(words[i++]!);
  }
  return out;
}

function normalize(x: Float32Array): void {
  let peak = 0;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, Math.abs(x[i]!));
  if (peak === 0) return;
  const g = PEAK / peak;
  for (let i = 0; i < x.length; i++) x[i]! *= g;
}
