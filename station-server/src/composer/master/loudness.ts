// Loudness and peaks. measureLufs follows ITU-R BS.1770-4: K-weighting biquads, 400 ms blocks on a
// 100 ms hop, the -70 LUFS absolute gate and the -10 LU relative gate, over the first two channels.
// The master aims with it and the song check judges with it; tests hold it to ffmpeg's ebur128 meter.
import type { Audio } from '../types.js';

/** K-weighting coefficients, normalised (a0 = 1), as BS.1770-4 gives them for 48 kHz, recomputed for any rate. */
export function kCoefficients(fs: number): [number[], number[]] {
  const norm = (b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): number[] => [b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0];
  let w0 = (2 * Math.PI * 1500) / fs;
  const A = 10 ** (4 / 40);
  let Q = 1 / Math.SQRT2;
  let al = Math.sin(w0) / (2 * Q);
  let c = Math.cos(w0);
  const sA = Math.sqrt(A);
  const shelf = norm(A * ((A + 1) + (A - 1) * c + 2 * sA * al), -2 * A * ((A - 1) + (A + 1) * c), A * ((A + 1) + (A - 1) * c - 2 * sA * al),
    (A + 1) - (A - 1) * c + 2 * sA * al, 2 * ((A - 1) - (A + 1) * c), (A + 1) - (A - 1) * c - 2 * sA * al);
  w0 = (2 * Math.PI * 38) / fs; Q = 0.5; al = Math.sin(w0) / (2 * Q); c = Math.cos(w0);
  return [shelf, norm((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + al, -2 * c, 1 - al)];
}

/** The K-weighting pre-filter (a +4 dB high shelf at 1.5 kHz, then a 38 Hz high-pass) as a new array. */
export function kWeight(x: ArrayLike<number>, fs: number): Float64Array {
  const y = Float64Array.from(x);
  // Two biquads in turn, each in place: a sample is read before it is overwritten.
  for (const [b0, b1, b2, a1, a2] of kCoefficients(fs) as unknown as [number, number, number, number, number][]) {
    let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (let i = 0; i < y.length; i++) {
      const xi = y[i]!;
      const v = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1; x1 = xi; y2 = y1; y1 = v; y[i] = v;
    }
  }
  return y;
}

type Biquads = [[number, number, number, number, number], [number, number, number, number, number]];

/** The K-weighted energy of x[from, to), through the two biquads whose state (x1, x2, y1, y2, z1, z2)
 *  `st` carries from call to call; one pass, no intermediate arrays (the meter's hot loop). */
export function kWeightedEnergy(x: ArrayLike<number>, from: number, to: number, k: Biquads, st: Float64Array): number {
  const [[s0, s1, s2, sa1, sa2], [h0, h1, h2, ha1, ha2]] = k;
  let x1 = st[0]!, x2 = st[1]!, y1 = st[2]!, y2 = st[3]!, z1 = st[4]!, z2 = st[5]!;
  let e = 0;
  for (let i = from; i < to; i++) {
    const xi = x[i]!;
    const y = s0 * xi + s1 * x1 + s2 * x2 - sa1 * y1 - sa2 * y2;
    x2 = x1; x1 = xi;
    const z = h0 * y + h1 * y1 + h2 * y2 - ha1 * z1 - ha2 * z2;
    y2 = y1; y1 = y; z2 = z1; z1 = z;
    e += z * z;
  }
  st[0] = x1; st[1] = x2; st[2] = y1; st[3] = y2; st[4] = z1; st[5] = z2;
  return e;
}

/** The two biquads of the K-weighting at `fs`. */
export const kBiquads = (fs: number): Biquads => kCoefficients(fs) as Biquads;

/** Adds the K-weighted energy of `x` per hop into `energy`. */
function addHopEnergy(x: ArrayLike<number>, fs: number, hop: number, energy: Float64Array): void {
  const k = kBiquads(fs);
  const st = new Float64Array(6);
  for (let h = 0; h < energy.length; h++) energy[h] = energy[h]! + kWeightedEnergy(x, h * hop, (h + 1) * hop, k, st);
}

/** Integrated loudness in LUFS (-Infinity for silence). */
export function measureLufs(audio: Audio): number {
  const fs = audio.sampleRate;
  const block = Math.round(0.4 * fs);
  const hop = Math.round(0.1 * fs);
  const channels = audio.channels.slice(0, 2);
  const n = channels[0]?.length ?? 0;
  if (n < block) return -Infinity;
  const powers: number[] = [];
  if (block % hop === 0) {
    // Energy per 100 ms hop, each 400 ms block the sum of its hops: one filter pass, no big arrays.
    const hopsPerBlock = block / hop;
    const energy = new Float64Array(Math.floor(n / hop));
    for (const ch of channels) addHopEnergy(ch, fs, hop, energy);
    for (let k = 0; k * hop + block <= n; k++) {
      let sum = 0;
      for (let h = k; h < k + hopsPerBlock; h++) sum += energy[h]!;
      powers.push(sum / block);
    }
  } else {
    const weighted = channels.map((ch) => kWeight(ch, fs));
    for (let s = 0; s + block <= n; s += hop) {
      let sum = 0;
      for (const ch of weighted) for (let i = s; i < s + block; i++) sum += ch[i]! * ch[i]!;
      powers.push(sum / block);
    }
  }
  return gatedLufs(powers);
}

/** Integrated loudness from the mean-square power of each 400 ms block: the absolute and relative gates. */
export function gatedLufs(powers: readonly number[]): number {
  const lufs = (p: number): number => -0.691 + 10 * Math.log10(p);
  const abs = powers.filter((p) => lufs(p) > -70);
  if (!abs.length) return -Infinity;
  const rel = lufs(abs.reduce((a, b) => a + b, 0) / abs.length) - 10;
  const gated = abs.filter((p) => lufs(p) > rel);
  return lufs(gated.reduce((a, b) => a + b, 0) / gated.length);
}

export function samplePeak(audio: Audio): number {
  let peak = 0;
  for (const ch of audio.channels) for (let i = 0; i < ch.length; i++) { const a = Math.abs(ch[i]!); if (a > peak) peak = a; }
  return peak;
}

export const toDb = (gain: number): number => 20 * Math.log10(Math.max(gain, 1e-12));
export const fromDb = (db: number): number => 10 ** (db / 20);
