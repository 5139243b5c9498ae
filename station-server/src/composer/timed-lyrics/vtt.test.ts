import { describe, expect, it } from '@jest/globals';
import type { LyricLine, VocalNote } from '../types.js';
import { formatTimestamp, writeVtt } from './vtt.js';

// "🌟" and "&" are not sung: they ride on the word before them, as the syllabifier counts words.
const line: LyricLine = {
  text: 'for <Ana> 🌟 & you',
  syllables: [
    { text: 'for', word: 0, stressed: false },
    { text: '<A', word: 1, stressed: true },
    { text: 'na>', word: 1, stressed: false },
    { text: 'you', word: 2, stressed: true },
  ],
};
const note = (word: number, start: number): VocalNote => ({ pitch: 60, start, duration: 0.4, velocity: 90, syllable: '', line: 0, word, continues: false });

describe('writeVtt', () => {
  it('writes one cue per line spanning its notes, with a timestamp at each sung word and escaped text', () => {
    const vtt = writeVtt([line], [note(0, 1), note(1, 1.5), note(1, 2), note(2, 2.5)]);
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain('00:00:01.000 --> 00:00:02.900');
    expect(vtt).toContain('for <00:00:01.500>&lt;Ana&gt; 🌟 &amp; <00:00:02.500>you');
  });
  it('formats hours, minutes and milliseconds', () => {
    expect(formatTimestamp(3723.0456)).toBe('01:02:03.046');
  });
});
