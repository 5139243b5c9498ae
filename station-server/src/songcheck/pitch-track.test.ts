import { describe, expect, it } from '@jest/globals';
import { trackPitch } from './pitch-track.js';
import { followNotes, voicedShare } from './vocal-follow.js';

const FS = 44100;
/** A voice-like tone: a fundamental and falling harmonics, switched on between `on` and `off`. */
function tone(seconds: number, hzAt: (t: number) => number, on = 0, off = seconds): Float32Array {
  const x = new Float32Array(Math.round(seconds * FS));
  let phase = 0;
  for (let i = 0; i < x.length; i++) {
    const t = i / FS;
    phase += (2 * Math.PI * hzAt(t)) / FS;
    if (t < on || t > off) continue;
    for (let h = 1; h <= 5; h++) x[i]! += (0.3 * Math.sin(h * phase)) / h;
  }
  return x;
}
const cents = (a: number, b: number): number => 1200 * Math.log2(a / b);

describe('trackPitch', () => {
  it.each([110, 196, 261.63, 440, 740])('hears a steady %d Hz within 5 cents', (hz) => {
    const frames = trackPitch({ sampleRate: FS, channels: [tone(1, () => hz)] });
    const voiced = frames.filter((f) => f.f0 > 0);
    expect(voiced.length).toBeGreaterThan(frames.length * 0.9);
    for (const f of voiced) expect(Math.abs(cents(f.f0, hz))).toBeLessThan(5);
  });

  it('calls silence unvoiced and follows a step between notes', () => {
    const frames = trackPitch({ sampleRate: FS, channels: [tone(2, (t) => (t < 1 ? 220 : 330), 0.5)] });
    expect(frames.filter((f) => f.t < 0.45).every((f) => f.f0 === 0)).toBe(true);
    const at = (t: number) => frames.find((f) => Math.abs(f.t - t) < 0.011)!.f0;
    expect(Math.abs(cents(at(0.8), 220))).toBeLessThan(5);
    expect(Math.abs(cents(at(1.5), 330))).toBeLessThan(5);
  });

  it('analyses only the frames inside the spans it is given', () => {
    const audio = { sampleRate: FS, channels: [tone(3, () => 220)] };
    const all = trackPitch(audio);
    const some = trackPitch(audio, { spans: [[2, 2.5], [0.5, 1], [0.9, 1.2]] });
    expect(some.length).toBeLessThan(all.length / 2);
    expect(some.every((f) => (f.t >= 0.5 && f.t <= 1.2) || (f.t >= 2 && f.t <= 2.5))).toBe(true);
    // The frames it does analyse read the same as in a full pass.
    for (const f of some) expect(f.f0).toBe(all.find((g) => g.t === f.t)!.f0);
  });
});

describe('followNotes', () => {
  const notes = [
    { pitch: 57, start: 0.2, end: 0.9 }, // A3, 220 Hz
    { pitch: 64, start: 1.0, end: 1.8 }, // E4, 329.6 Hz
  ];
  it('finds a voice on its notes, even an octave away, and one a semitone off', () => {
    const sung = trackPitch({ sampleRate: FS, channels: [tone(2, (t) => (t < 0.95 ? 220 : 329.63), 0.2)] });
    const good = followNotes(sung, notes);
    expect(good.coverage).toBeGreaterThan(0.95);
    expect(good.within50).toBe(1);
    expect(good.medianCents).toBeLessThan(5);
    const octave = trackPitch({ sampleRate: FS, channels: [tone(2, (t) => (t < 0.95 ? 110 : 164.81), 0.2)] });
    expect(followNotes(octave, notes).within50).toBe(1);
    const flat = trackPitch({ sampleRate: FS, channels: [tone(2, (t) => (t < 0.95 ? 207.65 : 311.13), 0.2)] });
    expect(followNotes(flat, notes).within50).toBe(0);
  });

  it('counts unvoiced note time against coverage', () => {
    const half = trackPitch({ sampleRate: FS, channels: [tone(2, () => 220, 0, 0.55)] });
    const follow = followNotes(half, notes);
    expect(follow.coverage).toBeLessThan(0.35);
    expect(voicedShare(half, 0.2, 0.5)).toBeGreaterThan(0.9);
    expect(voicedShare(half, 1.0, 1.8)).toBe(0);
  });
});
