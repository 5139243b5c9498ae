import { describe, expect, it } from '@jest/globals';
import type { SongRequest } from '@radio-optimism/shared';
import { understand } from '../understand/understand.js';
import { writeLyrics } from '../lyrics/lyrics.js';
import { compose } from '../compose/compose.js';
import { SAMPLE_RATE, type Score } from '../types.js';
import { EMIT_MARGIN_SEC, FIRST_PART_MAX_SEC, FIRST_PART_MIN_SEC, RING_SEC, addAt, chooseSplit, firstPartTracks, restTracks } from './split.js';

const requests: SongRequest[] = [
  { message: 'Thank you for everything you do', to: 'Mom', genre: 'pop', vibe: 'heartfelt', language: 'en' },
  { message: 'Te quiero mucho, hermana', to: 'Lucía', genre: 'ballad', vibe: 'calm', language: 'es' },
  { message: '생일 축하해!', to: '서연', genre: 'dance', vibe: 'upbeat', language: 'ko' },
  { message: 'Tu es formidable', to: 'Léa', genre: 'jazz', vibe: 'playful', language: 'fr' },
];
const scoreOf = (request: SongRequest, seed: number): Score => {
  const meaning = understand(request);
  return compose(writeLyrics(meaning, { genre: request.genre, vibe: request.vibe, seed }), { genre: request.genre, vibe: request.vibe, seed });
};

describe('where a song made a part at a time is cut', () => {
  for (const request of requests) {
    it(`cuts ${request.language} ${request.genre} after its first sung section, within bounds and before any harmony`, () => {
      const score = scoreOf(request, 3);
      const split = chooseSplit(score);
      const seamSec = split.seam / SAMPLE_RATE;
      expect(seamSec).toBeGreaterThanOrEqual(FIRST_PART_MIN_SEC - 1e-6);
      expect(seamSec).toBeLessThanOrEqual(FIRST_PART_MAX_SEC + 1e-6);
      for (const n of score.harmony ?? []) expect(n.start).toBeGreaterThanOrEqual(seamSec - 1e-6);
      expect(split.seam - split.emit).toBe(Math.round(EMIT_MARGIN_SEC * SAMPLE_RATE));
      expect(split.frames).toBe(Math.round(score.durationSec * SAMPLE_RATE));
      // Most of the song is left for the rest: the first part is quick to make.
      expect(split.seam).toBeLessThan(split.frames / 2);
    });
  }

  it('puts every note in exactly one part, the rest moved to start at the cut, the first rendered past its last note', () => {
    const score = scoreOf(requests[0]!, 11);
    const split = chooseSplit(score);
    const first = firstPartTracks(score.tracks, split);
    const rest = restTracks(score.tracks, split);
    const seamSec = split.seam / SAMPLE_RATE;
    score.tracks.forEach((track, t) => {
      expect(first.tracks[t]!.notes.length + rest[t]!.notes.length).toBe(track.notes.length);
      for (const n of first.tracks[t]!.notes) {
        expect(n.start).toBeLessThan(seamSec);
        expect(first.frames).toBeGreaterThanOrEqual(Math.min(split.frames, Math.round((n.start + n.duration + RING_SEC) * SAMPLE_RATE)));
      }
      for (const n of rest[t]!.notes) expect(n.start).toBeGreaterThanOrEqual(-1 / SAMPLE_RATE);
      const moved = rest[t]!.notes.map((n) => n.start + seamSec);
      const original = track.notes.filter((n) => n.start >= seamSec - 0.5 / SAMPLE_RATE).map((n) => n.start);
      expect(moved.map((x) => x.toFixed(6))).toEqual(original.map((x) => x.toFixed(6)));
    });
  });

  it('adds a part in at a frame, clipped to the song', () => {
    const into = [new Float32Array(6), new Float32Array(6)];
    addAt(into, [Float32Array.of(1, 2, 3)], 4);
    expect([...into[0]!]).toEqual([0, 0, 0, 0, 1, 2]);
    expect([...into[1]!]).toEqual([0, 0, 0, 0, 1, 2]);
  });
});
