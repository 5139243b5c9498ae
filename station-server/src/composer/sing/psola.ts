// Pitch-synchronous overlap-add (TD-PSOLA): the output is built from two-period grains of the
// source, cut at its pitch marks and laid down one per target period, so the pitch follows the
// melody while the vowel colour (the formants) stays the speaker's. Where the source is unvoiced the
// grains are short and laid at the speed the time map asks, which keeps consonants as noise.
import type { Segment } from './layout.js';
import { nearestMark, type PitchMarks } from './pitch-marks.js';
import type { PitchContour } from './contour.js';

const UNVOICED_HOP = 80;
const HANN_SIZE = 2048;
const HANN = Float32Array.from({ length: HANN_SIZE + 1 }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / HANN_SIZE));

export interface GrainSource {
  /** Source for unvoiced grains. */
  samples: Float32Array;
  /** Source for voiced grains (the same timeline, possibly filtered). */
  darkened: Float32Array;
  marks: PitchMarks;
}

/** Adds the rendering of `segments` (source at `rate`) into `out` (also at `rate`). */
export function renderSegments(source: GrainSource, segments: readonly Segment[], contour: PitchContour, out: Float32Array, rate: number): void {
  const { samples: src, darkened, marks } = source;
  let t = -Infinity;
  for (const seg of segments) {
    const o0 = seg.out0 * rate;
    const o1 = seg.out1 * rate;
    // A fresh start after a silent gap; otherwise the grain train runs on across the seam.
    if (t < o0 - UNVOICED_HOP) t = o0;
    const slope = (seg.src1 - seg.src0) / Math.max(1e-9, o1 - o0);
    while (t < o1) {
      const s = seg.src0 + (t - o0) * slope;
      const k = nearestMark(marks.marks, s);
      if (k >= 0 && Math.abs(marks.marks[k]! - s) <= marks.periods[k]!) {
        const ps = marks.periods[k]!;
        const pt = rate / contour.at(t / rate);
        addGrain(darkened, marks.marks[k]!, ps, out, t, Math.min(1, pt / ps));
        t += pt;
      } else {
        addGrain(src, s, UNVOICED_HOP, out, t, 1);
        t += UNVOICED_HOP;
      }
    }
  }
}

/** Adds src around `centre` (±half, Hann-windowed) into out around `at`; both may be fractional. */
function addGrain(src: Float32Array, centre: number, half: number, out: Float32Array, at: number, gain: number): void {
  const first = Math.max(0, Math.ceil(at - half));
  const last = Math.min(out.length - 1, Math.floor(at + half));
  const toWin = HANN_SIZE / (2 * half);
  for (let i = first; i <= last; i++) {
    const d = i - at;
    const p = centre + d;
    const p0 = Math.floor(p);
    if (p0 < 0 || p0 + 1 >= src.length) continue;
    const f = p - p0;
    const v = src[p0]! + (src[p0 + 1]! - src[p0]!) * f;
    const w = (d + half) * toWin;
    const w0 = Math.floor(w);
    const win = w0 >= HANN_SIZE ? 0 : HANN[w0]! + (HANN[w0 + 1]! - HANN[w0]!) * (w - w0);
    out[i]! += v * win * gain;
  }
}
