// Keys, scales and chords: turning the profiles' roman numerals into pitches.
import type { ChordSpec } from './profiles.js';

export type Mode = 'major' | 'minor';

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];
const QUALITY: Record<ChordSpec['quality'], number[]> = {
  '': [0, 4, 7],
  m: [0, 3, 7],
  '7': [0, 4, 7, 10],
  maj7: [0, 4, 7, 11],
  m7: [0, 3, 7, 10],
  '5': [0, 7],
  sus4: [0, 5, 7],
  add9: [0, 4, 7, 14],
};
const NAMES = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'];

export const pitchName = (pc: number): string => NAMES[((pc % 12) + 12) % 12]!;
export const keyName = (tonic: number, mode: Mode): string => `${pitchName(tonic)} ${mode}`;
export const scaleOf = (mode: Mode): number[] => (mode === 'major' ? MAJOR : MINOR);

export interface Chord {
  /** Pitch class of the root, 0..11. */
  root: number;
  /** Intervals above the root. */
  intervals: number[];
  symbol: string;
}

/** Degrees count on the major scale; `flat` lowers the root, so minor keys write bIII, bVI, bVII. */
export function chordOf(spec: ChordSpec, tonic: number): Chord {
  const root = (tonic + MAJOR[spec.degree % 7]! - (spec.flat ? 1 : 0) + 12) % 12;
  const intervals = QUALITY[spec.quality];
  return { root, intervals, symbol: `${pitchName(root)}${spec.quality}` };
}

/** The chord's pitch classes. */
export const chordClasses = (chord: Chord): number[] => chord.intervals.map((i) => (chord.root + i) % 12);

/** A voicing of the chord in the octave that starts at `low` (a MIDI pitch), root position then inverted to stay near it. */
export function voicing(chord: Chord, low: number, maxNotes = 4): number[] {
  const base = low + ((chord.root - low) % 12 + 12) % 12;
  const notes = chord.intervals.slice(0, maxNotes).map((i) => base + i);
  // Fold notes that climb too far back down an octave so comping stays in one register.
  return notes.map((n) => (n >= low + 14 ? n - 12 : n)).sort((a, b) => a - b);
}

/** Scale pitches (MIDI) between lo and hi inclusive. */
export function scalePitches(tonic: number, mode: Mode, lo: number, hi: number): number[] {
  const scale = scaleOf(mode);
  const out: number[] = [];
  for (let p = lo; p <= hi; p++) if (scale.includes((((p - tonic) % 12) + 12) % 12)) out.push(p);
  return out;
}
