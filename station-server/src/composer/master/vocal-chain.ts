// The voice's channel strip: clean the lows, bring the words forward, even out the level, and add a
// short room so a dry synthetic voice sits in the same space as the band.

export interface Biquad { b0: number; b1: number; b2: number; a1: number; a2: number }

export function highPass(fs: number, f: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * f) / fs, al = Math.sin(w) / (2 * q), c = Math.cos(w), a0 = 1 + al;
  return { b0: (1 + c) / 2 / a0, b1: -(1 + c) / a0, b2: (1 + c) / 2 / a0, a1: (-2 * c) / a0, a2: (1 - al) / a0 };
}

export function peaking(fs: number, f: number, q: number, db: number): Biquad {
  const A = 10 ** (db / 40), w = (2 * Math.PI * f) / fs, al = Math.sin(w) / (2 * q), c = Math.cos(w), a0 = 1 + al / A;
  return { b0: (1 + al * A) / a0, b1: (-2 * c) / a0, b2: (1 - al * A) / a0, a1: (-2 * c) / a0, a2: (1 - al / A) / a0 };
}

function filter(x: Float32Array, f: Biquad): Float32Array {
  const y = new Float32Array(x.length);
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = f.b0 * x[i]! + f.b1 * x1 + f.b2 * x2 - f.a1 * y1 - f.a2 * y2;
    x2 = x1; x1 = x[i]!; y2 = y1; y1 = v; y[i] = v;
  }
  return y;
}

/** High-pass at 90 Hz, less boom at 250 Hz, more presence at 3 kHz (where consonants live). */
export function vocalEq(x: Float32Array, fs: number): Float32Array {
  return filter(filter(filter(x, highPass(fs, 90)), peaking(fs, 250, 1, -2)), peaking(fs, 3000, 0.9, 3));
}

/**
 * A gentle feed-forward compressor (3:1 above a threshold set from the voice's own loud parts), so
 * quiet syllables do not drop under the band. Level is handled later by loudness matching.
 */
export function compressVoice(x: Float32Array, fs: number, loudest?: number): Float32Array {
  const env = voiceEnvelope(x, fs);
  let loud = 0;
  for (let i = 0; i < env.length; i++) if (env[i]! > loud) loud = env[i]!;
  // A song made a part at a time keeps the first part's threshold, so the compressor never changes course.
  if (loudest !== undefined && loudest > 0) loud = loudest;
  if (loud === 0) return x.slice();
  const threshold = loud * 0.25; // 12 dB under the loudest moment
  const ratio = 3;
  const y = new Float32Array(x.length);
  // Gain at a 32-sample control rate (the envelope is far slower than that), linearly interpolated.
  const step = 32;
  const gainAt = (i: number): number => {
    const level = env[Math.min(i, x.length - 1)]!;
    return level > threshold ? (threshold / level) ** (1 - 1 / ratio) : 1;
  };
  let g0 = gainAt(0);
  for (let start = 0; start < x.length; start += step) {
    const g1 = gainAt(start + step);
    const end = Math.min(x.length, start + step);
    for (let i = start; i < end; i++) y[i] = x[i]! * (g0 + ((g1 - g0) * (i - start)) / step);
    g0 = g1;
  }
  return y;
}

/** The compressor's level follower (5 ms attack, 120 ms release). */
export function voiceEnvelope(x: Float32Array, fs: number): Float32Array {
  const attack = 1 - Math.exp(-1 / (0.005 * fs));
  const release = 1 - Math.exp(-1 / (0.12 * fs));
  const env = new Float32Array(x.length);
  let e = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]!);
    e += (a > e ? attack : release) * (a - e);
    env[i] = e;
  }
  return env;
}

/** The loudest moment of the compressor's level follower over `x` (what sets its threshold). */
export function voiceLoudest(x: Float32Array, fs: number): number {
  const env = voiceEnvelope(x, fs);
  let loud = 0;
  for (let i = 0; i < env.length; i++) if (env[i]! > loud) loud = env[i]!;
  return loud;
}

/**
 * A small stereo room: a four-line feedback delay network (Hadamard mix, damped loops) fed by the voice,
 * tapped two lines per side so left and right differ. Returns the wet signal only.
 */
export function vocalRoom(x: Float32Array, fs: number, wet = 0.1, t60Sec = 1.1): [Float32Array, Float32Array] {
  const lengths = [1117, 1327, 1553, 1801].map((n) => Math.round((n * fs) / 44100));
  const [l0, l1, l2, l3] = lengths.map((n) => new Float32Array(n)) as [Float32Array, Float32Array, Float32Array, Float32Array];
  const [g0, g1, g2, g3] = lengths.map((n) => 10 ** ((-3 * n) / (t60Sec * fs))) as [number, number, number, number];
  const left = new Float32Array(x.length), right = new Float32Array(x.length);
  const damp = 0.4;
  let p0 = 0, p1 = 0, p2 = 0, p3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let i = 0; i < x.length; i++) {
    const input = x[i]! * 0.5;
    const y0 = l0[p0]!, y1 = l1[p1]!, y2 = l2[p2]!, y3 = l3[p3]!;
    s0 += (1 - damp) * (y0 - s0); s1 += (1 - damp) * (y1 - s1); s2 += (1 - damp) * (y2 - s2); s3 += (1 - damp) * (y3 - s3);
    l0[p0] = input + g0 * 0.5 * (s0 + s1 + s2 + s3);
    l1[p1] = input + g1 * 0.5 * (s0 - s1 + s2 - s3);
    l2[p2] = input + g2 * 0.5 * (s0 + s1 - s2 - s3);
    l3[p3] = input + g3 * 0.5 * (s0 - s1 - s2 + s3);
    if (++p0 === l0.length) p0 = 0;
    if (++p1 === l1.length) p1 = 0;
    if (++p2 === l2.length) p2 = 0;
    if (++p3 === l3.length) p3 = 0;
    left[i] = wet * (y0 + y2);
    right[i] = wet * (y1 - y3);
  }
  return [left, right];
}
