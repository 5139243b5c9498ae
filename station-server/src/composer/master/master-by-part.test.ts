import { beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLE_RATE } from '../types.js';
import { GAIN_RAMP_SEC, PartMaster } from './master-by-part.js';
import { mixParts, planFromFirstPart, type PartPlan } from './master-in-parts.js';
import { MixStream } from './mix-stream.js';
import { LimiterStream } from './limiter-stream.js';
import { LoudnessMeter } from './loudness-meter.js';
import { applyGain, limiterGain } from './limiter.js';
import { measureLufs, samplePeak, toDb } from './loudness.js';
import { masterSong } from './master.js';

const FS = SAMPLE_RATE;

/** A band with a beat and a chord, its level lifted by `lift` from `louderFrom` seconds on (a chorus). */
function band(seconds: number, level: number, louderFrom: number, lift: number): [Float32Array, Float32Array] {
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
const lufsOf = (x: readonly Float32Array[], from: number, to: number): number => measureLufs({ sampleRate: FS, channels: x.map((c) => c.subarray(from, to)) });
/** Uneven steps through [0, n): the way parts arrive. */
const steps = (n: number): number[] => {
  const out: number[] = [];
  for (let at = 0, k = 0; at < n; k++) out.push((at = Math.min(n, at + 1 + ((k * 7919 + 31) % 97) * 731)));
  return out;
};
const same = (a: Float32Array, b: Float32Array): number => {
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
  return differ + Math.abs(a.length - b.length);
};

describe('the streams a song is mastered with, fed a part at a time', () => {
  const seconds = 12;
  const v = voice(seconds, 0.3);
  const b = band(seconds, 0.3, 5, 2);
  const plan: PartPlan = { voiceGain: 1.7, loudest: 0.2, gain: 1, targetLufs: -16, ceiling: 0.87 };

  it('mixes the voice over the band exactly as the whole-song mix does', () => {
    const whole = mixParts(plan, v, b);
    const stream = new MixStream(plan, v, b);
    for (const known of steps(v.length)) expect(stream.advance(known)).toBeGreaterThanOrEqual(Math.min(v.length, known - 33));
    expect(stream.done).toBe(v.length);
    for (let c = 0; c < 2; c++) {
      expect(same(stream.mix[c]!, whole.mix[c]!)).toBe(0);
      expect(same(stream.voice[c]!, whole.voice[c]!)).toBe(0);
    }
  });

  it('limits exactly as the whole-song limiter does, and a copy tried on the side changes nothing', () => {
    const loud = b.map((c) => c.map((x) => x * 4));
    const whole = limiterGain(loud, { sampleRate: FS, ceiling: 0.8 });
    const stream = new LimiterStream({ sampleRate: FS, ceiling: 0.8, frames: loud[0]!.length });
    const gain = new Float32Array(loud[0]!.length);
    for (const known of steps(loud[0]!.length)) {
      stream.clone().push(loud.map((c) => c.map(() => 1)), known, new Float32Array(gain.length));
      const final = stream.push(loud, known, gain);
      if (known < loud[0]!.length) expect(final).toBe(Math.max(0, known - 2 - stream.window + 1));
    }
    expect(same(gain, whole)).toBe(0);
    expect(whole.reduce((a, b) => Math.min(a, b), 1)).toBeLessThan(0.5);
  });

  it('meters exactly as measureLufs does', () => {
    const meter = new LoudnessMeter(FS);
    for (const known of steps(b[0]!.length)) meter.push(b, known);
    expect(meter.lufs()).toBe(measureLufs({ sampleRate: FS, channels: b }));
  });
});

describe('mastering a song a part at a time', () => {
  const seconds = 40;
  const cuts = [0, 10, 18, 27, 35, 40].map((s) => s * FS);
  const v = voice(seconds, 0.3);
  // A quiet verse, then a chorus 6 dB louder from 18 s: later parts must find their own gain.
  const lifted = band(seconds, 0.1, 18, 2);
  let master: PartMaster;
  let sent: Float32Array[][] = [];
  let plan: PartPlan;
  let result: ReturnType<PartMaster['finish']>;
  const gains: number[] = [];
  beforeAll(() => {
    // The song's voice and band arrive a part at a time; nothing past a part's end is known when it is mastered.
    const vin = new Float32Array(v.length);
    const bin: [Float32Array, Float32Array] = [new Float32Array(v.length), new Float32Array(v.length)];
    plan = planFromFirstPart(v.subarray(0, cuts[1]!), lifted.map((c) => c.subarray(0, cuts[1]!)), cuts[1]!);
    master = new PartMaster(plan, vin, bin);
    for (let k = 0; k + 1 < cuts.length; k++) {
      vin.set(v.subarray(cuts[k]!, cuts[k + 1]!), cuts[k]!);
      bin.forEach((c, i) => c.set(lifted[i]!.subarray(cuts[k]!, cuts[k + 1]!), cuts[k]!));
      const out = master.part(cuts[k]!, cuts[k + 1]!);
      gains.push(out.gainDb);
      // What goes out is copied as it goes, to hold the song at the end to it.
      sent.push(master.song.map((c) => c.slice(out.from, out.to)));
      expect(out.to).toBeGreaterThan(cuts[k + 1]! - Math.round(0.01 * FS));
    }
    result = master.finish();
  });

  it('never changes what it sent: the song at the end is the parts as they went out, and what a one-go mastering with the same curves gives', () => {
    for (let c = 0; c < 2; c++) {
      const joined = new Float32Array(v.length);
      let at = 0;
      for (const piece of sent) {
        joined.set(piece[c]!, at);
        at += piece[c]!.length;
      }
      expect(at).toBe(v.length);
      expect(same(joined, result.song.channels[c]!)).toBe(0);
    }
    // The whole song known at once, mixed and limited in one go on the gain curve chosen part by part.
    const whole = mixParts(plan, v, lifted);
    const scaled = applyGain(whole.mix, 1, result.gainCurve);
    const limiter = limiterGain(scaled, { sampleRate: FS, ceiling: plan.ceiling });
    const song = applyGain(scaled, 1, limiter);
    for (let c = 0; c < 2; c++) expect(same(song[c]!, result.song.channels[c]!)).toBe(0);
    // The stems on the same curves add up to the song.
    const vocals = applyGain(applyGain(whole.voice, 1, result.gainCurve), 1, limiter);
    for (let c = 0; c < 2; c++) expect(same(vocals[c]!, result.vocals.channels[c]!)).toBe(0);
    for (let i = 0; i < v.length; i += 997) expect(result.vocals.channels[0]![i]! + result.accompaniment.channels[0]![i]!).toBeCloseTo(result.song.channels[0]![i]!, 5);
  });

  it('brings the whole song to the loudness target under the ceiling', () => {
    expect(Math.abs(result.lufs + 16)).toBeLessThan(0.15);
    expect(result.lufs).toBe(measureLufs(result.song));
    expect(toDb(samplePeak(result.song))).toBeLessThanOrEqual(-1.19);
  });

  it('moves the gain only after a cut, slowly, and down where the music gets louder', () => {
    const curve = result.gainCurve;
    for (const cut of cuts.slice(1, -1)) expect(Math.abs(toDb(curve[cut]!) - toDb(curve[cut - 1]!))).toBeLessThan(0.01);
    let steepest = 0;
    for (let i = 0; i + FS < curve.length; i += FS / 10) steepest = Math.max(steepest, Math.abs(toDb(curve[i + FS]!) - toDb(curve[i]!)));
    const range = Math.max(...gains) - Math.min(...gains);
    expect(steepest).toBeLessThanOrEqual(range / GAIN_RAMP_SEC + 1e-3);
    expect(steepest).toBeLessThan(1);
    expect(gains[2]!).toBeLessThan(gains[0]! - 1);
  });

  it('adds no level jump at any cut: none on steady music, and no more than a one-shot master where the music lifts', () => {
    const span = Math.round(0.4 * FS);
    const jump = (x: readonly Float32Array[], at: number) => lufsOf(x, at, at + span) - lufsOf(x, at - span, at);
    const steady = band(seconds, 0.1, seconds, 1);
    const vin = new Float32Array(v.length);
    const bin: [Float32Array, Float32Array] = [new Float32Array(v.length), new Float32Array(v.length)];
    const steadyMaster = new PartMaster(planFromFirstPart(v.subarray(0, cuts[1]!), steady.map((c) => c.subarray(0, cuts[1]!)), cuts[1]!), vin, bin);
    for (let k = 0; k + 1 < cuts.length; k++) {
      vin.set(v.subarray(cuts[k]!, cuts[k + 1]!), cuts[k]!);
      bin.forEach((c, i) => c.set(steady[i]!.subarray(cuts[k]!, cuts[k + 1]!), cuts[k]!));
      steadyMaster.part(cuts[k]!, cuts[k + 1]!);
    }
    const steadySong = steadyMaster.finish().song.channels;
    const steadyOneShot = masterSong({ sampleRate: FS, channels: [v] }, { sampleRate: FS, channels: steady }).song.channels;
    const liftedOneShot = masterSong({ sampleRate: FS, channels: [v] }, { sampleRate: FS, channels: lifted }).song.channels;
    for (const cut of cuts.slice(1, -1)) {
      expect(Math.abs(jump(steadySong, cut) - jump(steadyOneShot, cut))).toBeLessThan(0.5);
      expect(jump(result.song.channels, cut)).toBeLessThanOrEqual(jump(liftedOneShot, cut) + 0.5);
    }
    expect(jump(result.song.channels, 18 * FS)).toBeGreaterThan(0);
  });
});
