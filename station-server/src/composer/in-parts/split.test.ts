import { describe, expect, it } from '@jest/globals';
import type { SongRequest } from '@radio-optimism/shared';
import { understand } from '../understand/understand.js';
import { writeLyrics } from '../lyrics/lyrics.js';
import { compose } from '../compose/compose.js';
import { SAMPLE_RATE, type Score } from '../types.js';
import { FIRST_PART_MAX_SEC, FIRST_PART_MIN_SEC, LAST_PART_MAX_SEC, LAST_PART_MIN_SEC, PART_MAX_SEC, PART_MIN_SEC, RING_SEC, VOICE_LEAD_SEC, addAt, chooseParts, partLines, partTracks } from './split.js';

const requests: SongRequest[] = [
  { message: 'Thank you for everything you do', to: 'Mom', genre: 'pop', vibe: 'heartfelt', language: 'en' },
  { message: 'Te quiero mucho, hermana', to: 'Lucía', genre: 'ballad', vibe: 'calm', language: 'es' },
  { message: '생일 축하해!', to: '서연', genre: 'dance', vibe: 'upbeat', language: 'ko' },
  { message: 'Tu es formidable', to: 'Léa', genre: 'jazz', vibe: 'playful', language: 'fr' },
  { message: 'Good luck with the exam tomorrow', to: 'Sam', genre: 'lofi', vibe: 'calm', language: 'en' },
];
const scoreOf = (request: SongRequest, seed: number): Score => {
  const meaning = understand(request);
  return compose(writeLyrics(meaning, { genre: request.genre, vibe: request.vibe, seed }), { genre: request.genre, vibe: request.vibe, seed });
};
const sec = (frames: number) => frames / SAMPLE_RATE;

describe('where a song made a part at a time is cut', () => {
  for (const request of requests) for (const seed of [3, 8]) {
    it(`cuts ${request.language} ${request.genre} (seed ${seed}) after its first sung section, then at sections or bars, no part too long or too short`, () => {
      const score = scoreOf(request, seed);
      const { cuts, frames } = chooseParts(score);
      expect(frames).toBe(Math.round(score.durationSec * SAMPLE_RATE));
      expect(cuts[0]).toBe(0);
      expect(cuts[cuts.length - 1]).toBe(frames);
      expect(cuts.length).toBeGreaterThanOrEqual(5);
      expect(sec(cuts[1]!)).toBeGreaterThanOrEqual(FIRST_PART_MIN_SEC - 1e-6);
      expect(sec(cuts[1]!)).toBeLessThanOrEqual(FIRST_PART_MAX_SEC + 1e-6);
      const bar = (score.meter[0] * 60 * 4) / (score.tempo * score.meter[1]);
      for (let k = 1; k + 1 < cuts.length; k++) {
        const length = sec(cuts[k + 1]! - cuts[k]!);
        expect(length).toBeLessThanOrEqual((k + 2 === cuts.length ? LAST_PART_MAX_SEC : PART_MAX_SEC) + 1e-3);
        expect(length).toBeGreaterThanOrEqual((k + 2 === cuts.length ? LAST_PART_MIN_SEC : PART_MIN_SEC) - 1e-3);
        // A cut is where sections meet, or a whole number of bars into a section.
        const at = sec(cuts[k]!);
        const section = score.sections.find((s) => s.start <= at + 1e-3 && at < s.end - 1e-3) ?? score.sections[score.sections.length - 1]!;
        const bars = (at - section.start) / bar;
        expect(Math.abs(bars - Math.round(bars))).toBeLessThan(1e-3);
      }
    });
  }

  it('puts every note in exactly one part, moved to start at its cut, rendered past its last note', () => {
    const score = scoreOf(requests[0]!, 11);
    const parts = chooseParts(score);
    const count = parts.cuts.length - 1;
    score.tracks.forEach((track, t) => {
      const placed: string[] = [];
      for (let k = 0; k < count; k++) {
        const part = partTracks(score.tracks, parts, k);
        const from = sec(parts.cuts[k]!);
        expect(part.frames).toBeLessThanOrEqual(parts.frames - parts.cuts[k]!);
        for (const n of part.tracks[t]!.notes) {
          expect(n.start).toBeGreaterThanOrEqual(-1 / SAMPLE_RATE);
          if (k + 1 < count) expect(n.start + from).toBeLessThan(sec(parts.cuts[k + 1]!));
          expect(part.frames).toBeGreaterThanOrEqual(Math.min(parts.frames - parts.cuts[k]!, Math.round((n.start + n.duration + RING_SEC) * SAMPLE_RATE) - 1));
          placed.push((n.start + from).toFixed(5));
        }
      }
      expect(placed.sort()).toEqual(track.notes.map((n) => n.start.toFixed(5)).sort());
    });
  });

  it('sings every line in exactly one part, a line starting just after a cut with the part before', () => {
    const score = scoreOf(requests[1]!, 4);
    const parts = chooseParts(score);
    const windows = parts.cuts.slice(0, -1).map((_, k) => partLines(parts, k));
    expect(windows[0]!.from).toBe(0);
    expect(windows[windows.length - 1]!.until).toBe(Number.POSITIVE_INFINITY);
    windows.slice(1).forEach((w, k) => {
      expect(w.from).toBe(windows[k]!.until);
      expect(w.from).toBeCloseTo(sec(parts.cuts[k + 1]!) + VOICE_LEAD_SEC, 9);
    });
    const firstNotes = new Map<number, number>();
    for (const n of score.vocals) firstNotes.set(n.line, Math.min(firstNotes.get(n.line) ?? Infinity, n.start));
    for (const start of firstNotes.values()) expect(windows.filter((w) => start >= w.from && start < w.until)).toHaveLength(1);
  });

  it('adds a part in at a frame, clipped to the song', () => {
    const into = [new Float32Array(6), new Float32Array(6)];
    addAt(into, [Float32Array.of(1, 2, 3)], 4);
    expect([...into[0]!]).toEqual([0, 0, 0, 0, 1, 2]);
    expect([...into[1]!]).toEqual([0, 0, 0, 0, 1, 2]);
  });
});
