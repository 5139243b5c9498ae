import { describe, expect, it, afterAll } from '@jest/globals';
import type { InstrumentTrack, Score } from '../types.js';
import { createRenderPool } from './render-pool.js';
import { partitionTracks, planTracks } from './plan.js';

const notes = (pitches: number[], step: number, length: number, velocity = 90) =>
  pitches.map((pitch, i) => ({ pitch, start: i * step, duration: length, velocity }));

function track(name: string, program: number, channel: number, n: InstrumentTrack['notes'], pan = 64): InstrumentTrack {
  return { name, program, channel, notes: n, volume: 100, pan, reverb: 40 };
}

function smallScore(): Score {
  const tracks = [
    track('Piano', 0, 0, notes([60, 64, 67, 72, 67, 64], 0.5, 0.45), 30),
    track('Bass', 33, 2, notes([36, 43, 36, 43], 0.75, 0.7)),
    track('Drums', 0, 9, notes([36, 42, 38, 42, 36, 42, 38, 42], 0.375, 0.1, 110)),
    track('Strings', 48, 3, notes([72], 0, 2.5, 70), 100),
  ];
  return { tempo: 120, meter: [4, 4], key: { tonic: 0, mode: 'major', name: 'C major' }, chords: [], sections: [], tracks, vocals: [], durationSec: 3.5 };
}

const pool = createRenderPool({ workers: 2 });
afterAll(() => pool.destroy());

const rms = (x: Float32Array, from = 0, to = x.length): number => {
  let e = 0;
  for (let i = from; i < to; i++) e += x[i]! * x[i]!;
  return Math.sqrt(e / Math.max(1, to - from));
};

describe('renderAccompaniment (pool)', () => {
  it('renders stereo 44.1 kHz of the score length, not silent, panned, and byte-identical twice', async () => {
    const score = smallScore();
    const a = await pool.render(score);
    expect(a.sampleRate).toBe(44100);
    expect(a.channels).toHaveLength(2);
    expect(a.channels[0]!.length).toBe(Math.round(3.5 * 44100));
    const [left, right] = a.channels as [Float32Array, Float32Array];
    expect(rms(left)).toBeGreaterThan(0.005);
    expect(rms(right)).toBeGreaterThan(0.005);
    let same = true;
    for (let i = 0; i < left.length && same; i++) same = left[i] === right[i];
    expect(same).toBe(false); // the piano is left and the strings right: the channels differ
    let peak = 0;
    for (const ch of a.channels) for (const x of ch) peak = Math.max(peak, Math.abs(x));
    expect(peak).toBeLessThan(1);

    const b = await pool.render(score);
    expect(Buffer.from(b.channels[0]!.buffer).equals(Buffer.from(left.buffer))).toBe(true);
    expect(Buffer.from(b.channels[1]!.buffer).equals(Buffer.from(right.buffer))).toBe(true);
  }, 30000);

  it('plays drums as drums: a kick on the drum channel differs from the same note on a piano', async () => {
    const kick = notes([36, 36, 36, 36], 0.5, 0.1, 120);
    const base = smallScore();
    const drums = await pool.render({ ...base, durationSec: 2, tracks: [track('Drums', 0, 9, kick)] });
    const piano = await pool.render({ ...base, durationSec: 2, tracks: [track('Piano', 0, 0, kick)] });
    expect(rms(drums.channels[0]!)).toBeGreaterThan(0.003);
    expect(Math.abs(rms(drums.channels[0]!) - rms(piano.channels[0]!))).toBeGreaterThan(1e-4);
  }, 30000);

  it('is silent where no note plays (a note at 1 s leaves the first second quiet)', async () => {
    const score = { ...smallScore(), durationSec: 2, tracks: [track('Piano', 0, 0, [{ pitch: 60, start: 1, duration: 0.5, velocity: 100 }])] };
    const audio = await pool.render(score);
    expect(rms(audio.channels[0]!, 0, 44000)).toBe(0);
    expect(rms(audio.channels[0]!, 44100, 66150)).toBeGreaterThan(0.001);
  }, 30000);

  it('rejects a score with no valid duration, with a code', async () => {
    await expect(pool.render({ ...smallScore(), durationSec: Number.NaN })).rejects.toMatchObject({ code: 'invalid-score' });
  });
});

describe('planTracks', () => {
  it('sorts note-offs before note-ons at one frame and re-strikes overlapping notes of one key', () => {
    const plan = planTracks(
      [track('P', 0, 0, [
        { pitch: 60, start: 0, duration: 1, velocity: 80 },
        { pitch: 60, start: 0.5, duration: 1, velocity: 80 },
        { pitch: 62, start: 1.5, duration: 0.5, velocity: 80 },
      ])],
      100,
      1000,
    );
    expect(plan.events.map((e) => `${e.frame}:${e.on ? 'on' : 'off'}:${e.pitch}`)).toEqual([
      '0:on:60', '50:off:60', '50:on:60', '150:off:60', '150:on:62', '200:off:62',
    ]);
  });

  it('gives drums their own drum channel and everyone a channel of their own', () => {
    const plan = planTracks([track('A', 0, 0, []), track('B', 5, 0, []), track('D', 0, 9, [])], 44100, 10);
    expect(plan.channels.map((c) => [c.channel, c.drums, c.program])).toEqual([[0, false, 0], [1, false, 5], [2, true, 0]]);
  });
});

describe('partitionTracks', () => {
  it('balances cost across groups and keeps every track once', () => {
    const tracks = [track('a', 0, 0, notes(new Array(100).fill(60), 0.1, 1)), track('b', 0, 1, notes(new Array(50).fill(60), 0.1, 1)),
      track('c', 0, 2, notes(new Array(50).fill(60), 0.1, 1)), track('d', 0, 3, notes(new Array(10).fill(60), 0.1, 1))];
    const groups = partitionTracks(tracks, 2);
    expect(groups.map((g) => g.map((t) => t.name).join(''))).toEqual(['ad', 'bc']);
    expect(partitionTracks(tracks, 8)).toHaveLength(4);
  });
});
