import { describe, expect, it } from '@jest/globals';
import tonejs from '@tonejs/midi';
import { GENRES, type Genre } from '@radio-optimism/shared';
import { compose } from './compose.js';
import { scoreToMidi } from './midi.js';
import { scalePitches } from './harmony.js';
import { HARMONY_GENRES } from './backing-vocals.js';
import { understand } from '../understand/understand.js';
import { writeLyrics } from '../lyrics/lyrics.js';

const request = { message: 'Thank you for everything, I love you', to: 'Ana', language: 'en', genre: 'pop', vibe: 'heartfelt' } as const;
const lyrics = writeLyrics(understand(request), { genre: 'pop', vibe: 'heartfelt', seed: 1 });
const tracksOf = (genre: Genre, seed = 1, register?: 'high' | 'low') => {
  const score = compose(lyrics, { genre, vibe: 'heartfelt', seed, ...(register ? { register } : {}) });
  return { score, midi: new tonejs.Midi(scoreToMidi(score, lyrics.title)) };
};

describe('chorus harmony', () => {
  it('gives the choruses of pop a second voice in score.mid: the lead\'s rhythm, a third away, in the key', () => {
    const { score, midi } = tracksOf('pop');
    const harmony = midi.tracks.find((t) => t.name === 'Harmony');
    const lead = midi.tracks.find((t) => t.name === 'Vocals')!;
    expect(harmony?.notes.length).toBeGreaterThan(20);
    const choruses = score.sections.filter((s) => s.kind === 'chorus');
    const inChorus = (t: number): boolean => choruses.some((c) => t >= c.start - 0.01 && t < c.end - 0.01);
    expect(harmony!.notes.every((n) => inChorus(n.time))).toBe(true);
    const chorusLead = lead.notes.filter((n) => inChorus(n.time));
    expect(harmony!.notes.map((n) => n.time.toFixed(3))).toEqual(chorusLead.map((n) => n.time.toFixed(3)));
    const scale = new Set(scalePitches(score.key.tonic, score.key.mode, 0, 127));
    harmony!.notes.forEach((n, i) => {
      expect([3, 4]).toContain(Math.abs(n.midi - chorusLead[i]!.midi));
      expect(scale.has(n.midi)).toBe(true);
    });
    // No harmony outside the choruses: the verses have one voice.
    expect(lead.notes.some((n) => !inChorus(n.time))).toBe(true);
  });

  it('keeps one voice in the genres that do not suit a harmony (acoustic, lofi, jazz), and gives it to the others', () => {
    for (const genre of GENRES) {
      const { midi } = tracksOf(genre);
      expect([genre, midi.tracks.some((t) => t.name === 'Harmony')]).toEqual([genre, HARMONY_GENRES.has(genre)]);
    }
    expect([...HARMONY_GENRES].sort()).toEqual(['ballad', 'dance', 'pop', 'rnb', 'rock']);
  });
});

describe('registers and takes', () => {
  it('writes the tune lower for the low voice, in a baritone\'s range', () => {
    // Seeds pick every key: the low tune is lower in each of them.
    const keys = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const high = tracksOf('pop', seed);
      const low = tracksOf('pop', seed, 'low');
      keys.add(high.score.key.tonic);
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
      const pitches = low.score.vocals.map((v) => v.pitch);
      expect(median(high.score.vocals.map((v) => v.pitch)) - median(pitches)).toBeGreaterThanOrEqual(5);
      expect(Math.min(...pitches)).toBeGreaterThanOrEqual(43);
      expect(Math.max(...pitches)).toBeLessThanOrEqual(68);
    }
    expect(keys.size).toBeGreaterThanOrEqual(4);
  });

  it('makes another take from the same words with another seed: another melody and another arrangement', () => {
    const notes = (seed: number) => {
      const { midi } = tracksOf('pop', seed);
      return Object.fromEntries(midi.tracks.map((t) => [t.name, t.notes.map((n) => `${n.midi}@${n.time.toFixed(2)}`).join(' ')]));
    };
    for (const [a, b] of [[1, 2], [7, 8], [100, 101]] as const) {
      const one = notes(a);
      const two = notes(b);
      expect(two['Vocals']).not.toBe(one['Vocals']);
      // The band too: chords, bass line or groove change, not only the tune.
      const band = ['Comp', 'Bass', 'Drums'].filter((name) => two[name] !== one[name]);
      expect(band.length).toBeGreaterThanOrEqual(2);
      // The same seed makes the same take.
      expect(notes(a)).toEqual(one);
    }
  });
});
