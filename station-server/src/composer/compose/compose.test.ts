import { describe, expect, it } from '@jest/globals';
import tonejs from '@tonejs/midi';
import { GENRES, VIBES } from '@radio-optimism/shared';
import type { Lyrics, LyricLine } from '../types.js';
import { compose } from './compose.js';
import { scoreToMidi } from './midi.js';
import { understand } from '../understand/understand.js';
import { writeLyrics } from '../lyrics/lyrics.js';

// A fixture lyric: words split into two-letter "syllables", every other one stressed.
const line = (text: string): LyricLine => ({
  text,
  syllables: text.split(' ').flatMap((word, w) =>
    (word.match(/.{1,2}/g) ?? []).map((part, k) => ({ text: part, word: w, stressed: k % 2 === 0 })),
  ),
});
const four = (t: string) => [1, 2, 3, 4].map((i) => line(`${t} line ${i} goes here`));
const lyrics: Lyrics = {
  language: 'en',
  title: 'Test',
  sections: [
    { kind: 'verse', lines: four('verse one') },
    { kind: 'chorus', lines: four('chorus sing for Ana') },
    { kind: 'verse', lines: four('verse two') },
    { kind: 'chorus', lines: four('chorus sing for Ana') },
    { kind: 'bridge', lines: four('bridge').slice(0, 2) },
    { kind: 'chorus', lines: four('chorus sing for Ana') },
  ],
};
const syllableCount = lyrics.sections.flatMap((s) => s.lines).reduce((n, l) => n + l.syllables.length, 0);

describe('compose', () => {
  it('sings every syllable once, in order, within a singable range', () => {
    const score = compose(lyrics, { genre: 'pop', vibe: 'upbeat', seed: 1 });
    const onsets = score.vocals.filter((v) => !v.continues);
    expect(onsets).toHaveLength(syllableCount);
    for (let i = 1; i < score.vocals.length; i++) expect(score.vocals[i]!.start).toBeGreaterThanOrEqual(score.vocals[i - 1]!.start + score.vocals[i - 1]!.duration - 1e-9);
    for (const v of score.vocals) {
      expect(v.pitch).toBeGreaterThanOrEqual(48);
      expect(v.pitch).toBeLessThanOrEqual(77);
      expect(v.duration).toBeGreaterThan(0.08);
    }
    expect(score.durationSec).toBeGreaterThan(45);
    expect(score.durationSec).toBeLessThan(180);
  });

  it('keeps a long lyric within two minutes by singing it a little faster', () => {
    // Lines of eight one-syllable words take one span each; a last chorus of long lines (over 13
    // syllables) takes two spans a line and pushes the song past two minutes at the genre's tempo.
    const plain = (n: number) => Array.from({ length: n }, () => line('la la la la la la la la'));
    const long = Array.from({ length: 4 }, () => line('la la la la la la la la la la la la la la la la'));
    const kinds = ['verse', 'chorus', 'verse', 'chorus', 'bridge'] as const;
    const base = kinds.map((kind) => ({ kind, lines: plain(kind === 'chorus' ? 4 : 2) }));
    const fits: Lyrics = { language: 'en', title: 'Test', sections: [...base, { kind: 'chorus', lines: plain(4) }] };
    const wordy: Lyrics = { ...fits, sections: [...base, { kind: 'chorus', lines: long }] };
    let faster = 0;
    for (const genre of GENRES) {
      const own = compose(fits, { genre, vibe: 'heartfelt', seed: 3 });
      const score = compose(wordy, { genre, vibe: 'heartfelt', seed: 3 });
      expect([genre, score.durationSec <= 120]).toEqual([genre, true]);
      expect(score.tempo).toBeGreaterThanOrEqual(own.tempo);
      expect(score.tempo).toBeLessThanOrEqual(Math.round(own.tempo * 1.25));
      if (score.tempo > own.tempo) faster++;
    }
    expect(faster).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and different across seeds', () => {
    const a = compose(lyrics, { genre: 'jazz', vibe: 'calm', seed: 7 });
    expect(JSON.stringify(compose(lyrics, { genre: 'jazz', vibe: 'calm', seed: 7 }))).toBe(JSON.stringify(a));
    const b = compose(lyrics, { genre: 'jazz', vibe: 'calm', seed: 8 });
    expect(JSON.stringify(b.vocals.map((v) => v.pitch))).not.toBe(JSON.stringify(a.vocals.map((v) => v.pitch)));
  });

  it('gives each of the 48 genre x vibe pairs its own tempo, band and groove', () => {
    const fingerprints = new Set<string>();
    for (const genre of GENRES)
      for (const vibe of VIBES) {
        const s = compose(lyrics, { genre, vibe, seed: 3 });
        const band = s.tracks.map((t) => `${t.channel}:${t.program}`).join(',');
        const drums = s.tracks.find((t) => t.channel === 9)?.notes.slice(0, 24).map((n) => n.pitch).join('.') ?? '';
        fingerprints.add(`${s.tempo}|${s.key.mode}|${band}|${drums}`);
      }
    expect(fingerprints.size).toBe(48);
  });

  it('exports standard MIDI with the sung line in a track named Vocals', () => {
    const score = compose(lyrics, { genre: 'rock', vibe: 'epic', seed: 2 });
    const midi = new tonejs.Midi(scoreToMidi(score, 'Test'));
    const vocals = midi.tracks.find((t) => t.name === 'Vocals');
    expect(vocals?.notes).toHaveLength(score.vocals.length);
    expect(Math.abs(vocals!.notes[5]!.time - score.vocals[5]!.start)).toBeLessThan(0.01);
    // Rock's choruses carry a second voice, its own track (backing-vocals.test.ts).
    expect(midi.tracks.length).toBe(score.tracks.length + 2);
  });

  it("fits the melody to the sender's phrases: every syllable of every line gets its own note, none cut", () => {
    // Real lyrics whose verses carry long message phrases sung on two lines.
    for (const [language, message] of [
      ['en', 'Thank you for staying up with me every night before my exams and for believing in me when I could not.'],
      ['pt', 'Desculpa por ter esquecido o teu aniversário. Prometo que no próximo ano vou fazer uma festa enorme para ti.'],
      ['ko', '끝까지 포기하지 말고 함께 우승하자!'],
    ] as const) {
      const sung = writeLyrics(understand({ message, to: 'Ana', language, genre: 'ballad', vibe: 'calm' }), { genre: 'ballad', vibe: 'calm', seed: 2 });
      const score = compose(sung, { genre: 'ballad', vibe: 'calm', seed: 2 });
      sung.sections.flatMap((s) => s.lines).forEach((l, i) => {
        const onsets = score.vocals.filter((v) => v.line === i && !v.continues);
        expect(onsets.map((v) => v.syllable)).toEqual(l.syllables.map((x) => x.text));
      });
    }
  });
});
