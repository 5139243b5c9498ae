// The pitch of a voice over time, by YIN (de Cheveigné & Kawahara, 2002): the cumulative-mean
// normalised difference function, its first dip under a threshold, parabolic refinement. The song
// check uses it to hear whether the singing follows the score.
import type { Audio } from '../composer/types.js';

export interface PitchFrame {
  /** Centre of the analysis window (s). */
  t: number;
  /** Fundamental frequency in Hz, 0 where the frame is unvoiced or too quiet. */
  f0: number;
}

export interface PitchTrackOptions {
  hopSec?: number;
  windowSec?: number;
  minHz?: number;
  maxHz?: number;
  /** YIN's absolute threshold on the normalised difference. */
  threshold?: number;
  /** Only frames whose centre lies in one of these [start, end] spans (s) are analysed and returned. */
  spans?: readonly (readonly [number, number])[];
}

/** Sorted, merged copies of the spans, so one pointer can walk them alongside the frames. */
function mergeSpans(spans: readonly (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Down-mixes to mono and decimates by `factor` with a box filter (the voice's pitch sits far below the new Nyquist). */
function monoDecimated(audio: Audio, factor: number): Float32Array {
  const chs = audio.channels;
  const n = Math.floor((chs[0]?.length ?? 0) / factor);
  const out = new Float32Array(n);
  const scale = 1 / (factor * chs.length);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < factor; k++) for (const ch of chs) s += ch[i * factor + k]!;
    out[i] = s * scale;
  }
  return out;
}

export function trackPitch(audio: Audio, options: PitchTrackOptions = {}): PitchFrame[] {
  const { hopSec = 0.02, windowSec = 0.04, minHz = 70, maxHz = 1000, threshold = 0.15 } = options;
  const spans = options.spans ? mergeSpans(options.spans) : undefined;
  let span = 0;
  // About 14 kHz is plenty for a voice's fundamental and makes the difference function 3x cheaper.
  const factor = Math.max(1, Math.floor(audio.sampleRate / 14000));
  const fs = audio.sampleRate / factor;
  const x = monoDecimated(audio, factor);
  const W = Math.round(windowSec * fs);
  const hop = Math.round(hopSec * fs);
  const tauMin = Math.floor(fs / maxHz);
  const tauMax = Math.ceil(fs / minHz);
  let energy = 0;
  for (let i = 0; i < x.length; i++) energy += x[i]! * x[i]!;
  // Frames far quieter than the track as a whole are breaths and gaps, not singing.
  const gate = Math.max(1e-4, Math.sqrt(energy / Math.max(1, x.length)) * 0.1);
  const d = new Float64Array(tauMax + 1);
  const frames: PitchFrame[] = [];
  for (let s = 0; s + W + tauMax < x.length; s += hop) {
    const t = (s + W / 2) / fs;
    if (spans) {
      // Silence between lines and the band's intro are never judged: skip their (costly) frames.
      while (span < spans.length && spans[span]![1] < t) span++;
      if (span >= spans.length) break;
      if (t < spans[span]![0]) continue;
    }
    let rms = 0;
    for (let j = 0; j < W; j++) rms += x[s + j]! * x[s + j]!;
    if (Math.sqrt(rms / W) < gate) {
      frames.push({ t, f0: 0 });
      continue;
    }
    // Difference function normalised by its running mean, in one pass.
    let run = 0;
    d[0] = 1;
    for (let tau = 1; tau <= tauMax; tau++) {
      let acc = 0;
      for (let j = 0; j < W; j++) {
        const v = x[s + j]! - x[s + j + tau]!;
        acc += v * v;
      }
      run += acc;
      d[tau] = run > 0 ? (acc * tau) / run : 1;
    }
    let best = -1;
    for (let tau = tauMin; tau <= tauMax; tau++) {
      if (d[tau]! < threshold) {
        while (tau + 1 <= tauMax && d[tau + 1]! < d[tau]!) tau++;
        best = tau;
        break;
      }
    }
    if (best < 0) {
      frames.push({ t, f0: 0 });
      continue;
    }
    let tau = best;
    if (best > 1 && best < tauMax) {
      const a = d[best - 1]!, b = d[best]!, c = d[best + 1]!;
      const den = a - 2 * b + c;
      if (den !== 0) tau = best + (0.5 * (a - c)) / den;
    }
    frames.push({ t, f0: fs / tau });
  }
  return frames;
}
