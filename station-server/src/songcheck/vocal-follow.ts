// Does the singing follow the score? Compares a pitch track of the vocal stem with the sung notes,
// and the lyric cues with where the voice actually sounds.
import type { PitchFrame } from './pitch-track.js';

/** A sung note in seconds, as the score's Vocals track holds it. */
export interface TimedNote {
  pitch: number;
  start: number;
  end: number;
}

export interface VocalFollow {
  /** Frames that fall inside a sung note (its onset and release trimmed). */
  considered: number;
  /** Share of those frames that are voiced. */
  coverage: number;
  /** Share of voiced frames within 50 cents of their note, octave folded. */
  within50: number;
  /** Median absolute error in cents of the voiced frames (NaN when none). */
  medianCents: number;
}

const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

/** Onsets glide into the note and releases let go of it; neither is judged. */
const ONSET_SEC = 0.06;
const RELEASE_SEC = 0.02;

export function followNotes(frames: readonly PitchFrame[], notes: readonly TimedNote[]): VocalFollow {
  const sorted = [...notes].sort((a, b) => a.start - b.start);
  let considered = 0, voiced = 0, within = 0, ni = 0;
  const errors: number[] = [];
  for (const f of frames) {
    while (ni < sorted.length && sorted[ni]!.end < f.t) ni++;
    // Notes may overlap a little at phrase joins: look a few ahead for one that holds this frame.
    let note: TimedNote | undefined;
    for (let k = ni; k < Math.min(sorted.length, ni + 4); k++) {
      const m = sorted[k]!;
      if (m.start + ONSET_SEC <= f.t && f.t <= m.end - RELEASE_SEC) {
        note = m;
        break;
      }
    }
    if (!note) continue;
    considered++;
    if (!f.f0) continue;
    voiced++;
    const cents = 1200 * Math.log2(f.f0 / hz(note.pitch));
    const folded = Math.abs(cents - 1200 * Math.round(cents / 1200));
    errors.push(folded);
    if (folded <= 50) within++;
  }
  errors.sort((a, b) => a - b);
  return {
    considered,
    coverage: considered ? voiced / considered : 0,
    within50: voiced ? within / voiced : 0,
    medianCents: errors.length ? errors[errors.length >> 1]! : Number.NaN,
  };
}

/** Share of frames between `start` and `end` that are voiced (0 when none fall there). */
export function voicedShare(frames: readonly PitchFrame[], start: number, end: number): number {
  let inside = 0, voiced = 0;
  for (const f of frames) {
    if (f.t < start || f.t > end) continue;
    inside++;
    if (f.f0 > 0) voiced++;
  }
  return inside ? voiced / inside : 0;
}
