import { beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_RATE } from '../types.js';
import { GAIN_RAMP_SEC, curveOf, masterFirstPart, masterWhole, planFromFirstPart } from './master-in-parts.js';
import { measureLufs, samplePeak, toDb } from './loudness.js';
import { masterSong } from './master.js';

const FS = SAMPLE_RATE;

/** A band with a beat and a chord, `level` before `louderFrom` seconds and `level * lift` after (a chorus). */
function band(seconds: number, level: number, louderFrom: number, lift: number): Float32Array[] {
  const n = Math.round(seconds * FS);
  let s = 987;
  const rnd = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const l = new Float32Array(n), r = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / FS;
    const g = level * (t >= louderFrom ? lift : 1);
    const beat = Math.exp(-((t % 0.5) * 30)) * Math.sin(2 * Math.PI * 55 * t);
    const chord = Math.sin(2 * Math.PI * 220 * t) + 0.7 * Math.sin(2 * Math.PI * 277 * t);
    l[i] = g * (0.9 * beat + 0.15 * chord + 0.05 * rnd());
    r[i] = g * (0.9 * beat + 0.12 * chord + 0.05 * rnd());
  }
  return [l, r];
}
function voice(seconds: number, level: number): Float32Array {
  const n = Math.round(seconds * FS);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / FS;
    const f = 196 * 2 ** ((Math.floor(t) % 5) / 12);
    let x = 0;
    for (let h = 1; h <= 6; h++) x += Math.sin(2 * Math.PI * f * h * t) / h;
    v[i] = level * (t % 1 < 0.7 ? 1 : 0) * x;
  }
  return v;
}
/** Loudness (LUFS) of frames [from, to) of a stereo signal. */
const lufsOf = (x: Float32Array[], from: number, to: number): number => measureLufs({ sampleRate: FS, channels: x.map((c) => c.subarray(from, to)) });

describe('mastering a song a part at a time', () => {
  const seconds = 20;
  const seam = 8 * FS;
  const emit = seam - Math.round(0.05 * FS);
  const v = voice(seconds, 0.3);
  // Steady music across the seam, and music 6 dB louder after it (a chorus after a quiet verse).
  const steady = band(seconds, 0.1, seconds, 1);
  const lifted = band(seconds, 0.1, 8, 2);
  let plan: ReturnType<typeof planFromFirstPart>;
  let whole: ReturnType<typeof masterWhole>;
  beforeAll(() => {
    // The plan is made knowing nothing past the seam.
    plan = planFromFirstPart(v.subarray(0, seam), lifted.map((c) => c.subarray(0, seam)), seam);
    whole = masterWhole(plan, v, lifted, seam);
  });

  it('sends a first part that is exactly how the whole song starts, and brings the whole song to the target', () => {
    const first = masterFirstPart(plan, v.subarray(0, seam), lifted.map((c) => c.subarray(0, seam)), seam, emit);
    let worst = 0;
    for (let c = 0; c < 2; c++) for (let i = 0; i < emit; i++) worst = Math.max(worst, Math.abs(first[c]![i]! - whole.song.channels[c]![i]!));
    expect(worst).toBeLessThan(1e-6);
    expect(Math.abs(lufsOf(first, 0, emit) + 16)).toBeLessThan(0.5);
    expect(Math.abs(whole.lufs + 16)).toBeLessThan(0.15);
    expect(toDb(samplePeak(whole.song))).toBeLessThanOrEqual(-1.19);
    // Stems add up to the song.
    for (let i = 0; i < whole.song.channels[0]!.length; i += 997) {
      expect(whole.vocals.channels[0]![i]! + whole.accompaniment.channels[0]![i]!).toBeCloseTo(whole.song.channels[0]![i]!, 5);
    }
  });

  it('moves the gain after the seam slowly, never before it', () => {
    const curve = curveOf(seconds * FS, plan.gain, whole.restGain, seam);
    expect(curve[seam - 1]).toBeCloseTo(plan.gain, 5);
    const change = Math.abs(toDb(whole.restGain) - toDb(plan.gain));
    let steepest = 0;
    for (let i = seam; i + FS < curve.length; i += FS / 10) steepest = Math.max(steepest, Math.abs(toDb(curve[i + FS]!) - toDb(curve[i]!)));
    expect(steepest).toBeLessThanOrEqual(change / GAIN_RAMP_SEC + 1e-3);
    // The rest is 6 dB louder than the first part, so its gain comes down, at well under a dB a second.
    expect(change).toBeGreaterThan(1);
    expect(steepest).toBeLessThan(0.75);
  });

  it('adds no level jump at the seam: none on steady music, and no more than a one-shot master where the music lifts', () => {
    // Momentary loudness (400 ms) either side of the seam.
    const span = Math.round(0.4 * FS);
    const jump = (x: Float32Array[]) => lufsOf(x, seam, seam + span) - lufsOf(x, seam - span, seam);
    const steadyPlan = planFromFirstPart(v.subarray(0, seam), steady.map((c) => c.subarray(0, seam)), seam);
    const steadySong = masterWhole(steadyPlan, v, steady, seam).song.channels;
    // Against the same music mastered in one go (its limiter treats the two sides alike).
    const steadyOneShot = masterSong({ sampleRate: FS, channels: [v] }, { sampleRate: FS, channels: steady }).song.channels;
    expect(Math.abs(jump(steadySong) - jump(steadyOneShot))).toBeLessThan(0.5);
    const oneShot = masterSong({ sampleRate: FS, channels: [v] }, { sampleRate: FS, channels: lifted }).song.channels;
    expect(jump(whole.song.channels)).toBeGreaterThan(0);
    expect(jump(whole.song.channels)).toBeLessThanOrEqual(jump(oneShot) + 0.5);
  });
});
