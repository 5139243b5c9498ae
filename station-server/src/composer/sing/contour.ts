// The pitch the voice should sing at any moment: the sounding note, with short glides between
// notes that touch (kept inside the first and last few tens of milliseconds of the notes, where a
// singer slides too) and a gentle vibrato on long notes, well inside a quarter tone.
import type { VocalNote } from '../types.js';

export interface VibratoStyle {
  /** Hz. */
  rate: number;
  /** Peak deviation in cents. */
  depth: number;
}

const GLIDE_BEFORE = 0.02;
const GLIDE_AFTER = 0.03;
const VIBRATO_MIN_NOTE = 0.4;
const VIBRATO_DELAY = 0.18;
const VIBRATO_RAMP = 0.25;

export interface PitchContour {
  /** Target frequency in Hz at time `t` seconds. */
  at(t: number): number;
}

const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

export function pitchContour(notes: readonly VocalNote[], vibrato: VibratoStyle): PitchContour {
  const sorted = [...notes].sort((a, b) => a.start - b.start);
  const starts = sorted.map((n) => n.start);
  const last = (t: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || t < starts[0]!) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    at(t: number): number {
      if (sorted.length === 0) return 220;
      const i = last(t);
      const note = sorted[i]!;
      let midi = note.pitch;
      // Glide into the next note when it follows closely, or out of the previous one.
      const next = sorted[i + 1];
      const prev = sorted[i - 1];
      if (next && next.start - (note.start + note.duration) < 0.08 && t > next.start - GLIDE_BEFORE) {
        midi = glide(note.pitch, next.pitch, (t - (next.start - GLIDE_BEFORE)) / (GLIDE_BEFORE + GLIDE_AFTER));
      } else if (prev && note.start - (prev.start + prev.duration) < 0.08 && t < note.start + GLIDE_AFTER) {
        midi = glide(prev.pitch, note.pitch, (t - (note.start - GLIDE_BEFORE)) / (GLIDE_BEFORE + GLIDE_AFTER));
      }
      const into = t - note.start;
      if (note.duration >= VIBRATO_MIN_NOTE && into > VIBRATO_DELAY && into < note.duration) {
        const ramp = Math.min(1, (into - VIBRATO_DELAY) / VIBRATO_RAMP);
        midi += (ramp * vibrato.depth * Math.sin(2 * Math.PI * vibrato.rate * (into - VIBRATO_DELAY))) / 100;
      }
      return hz(midi);
    },
  };
}

/** Smooth (raised-cosine) move from `a` to `b` as `x` goes 0..1. */
function glide(a: number, b: number, x: number): number {
  const k = Math.min(1, Math.max(0, x));
  return a + (b - a) * (0.5 - 0.5 * Math.cos(Math.PI * k));
}
