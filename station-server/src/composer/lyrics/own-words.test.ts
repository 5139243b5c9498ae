import { describe, expect, it } from '@jest/globals';
import { checkSongRequest, LANGUAGES, type Language } from '@radio-optimism/shared';
import { understand } from '../understand/understand.js';
import { draftLyrics } from '../draft-lyrics.js';
import { lyricsFromText, lyricsToText, MIN_SUNG_LINES } from './own-words.js';
import { compose } from '../compose/compose.js';

const meaning = (language: Language = 'en', to = 'Ana') => understand({ message: 'Thank you for everything', to, language, genre: 'pop', vibe: 'calm' });

const VERSE = 'Ana you light the morning\nyou carry every song';
const CHORUS = 'Thank you Ana, thank you\nfor every little thing';

describe('the sender\'s own words', () => {
  it('sings each line as written, a section per block, the repeated block as the chorus', () => {
    const text = [VERSE, CHORUS, 'We walked along the river\nwe laughed until the dawn', CHORUS, CHORUS].join('\n\n');
    const lyrics = lyricsFromText(text, meaning());
    expect(lyrics.sections.map((s) => s.kind)).toEqual(['verse', 'chorus', 'verse', 'chorus', 'chorus']);
    const withBridge = lyricsFromText([VERSE, CHORUS, 'We walked along the river', CHORUS, 'a bridge line\nand another', CHORUS.toUpperCase()].join('\n\n'), meaning());
    expect(withBridge.sections.map((s) => s.kind)).toEqual(['verse', 'chorus', 'verse', 'chorus', 'bridge', 'chorus']);
    expect(lyrics.sections.flatMap((s) => s.lines.map((l) => l.text))).toEqual(text.split('\n').filter(Boolean));
    for (const line of lyrics.sections.flatMap((s) => s.lines)) expect(line.syllables.map((s) => s.text).join('')).toBe(line.text.replace(/\s+/g, ''));
    expect(lyrics.title).toBe('Thank you Ana, thank you');
  });

  it('alternates verse and chorus when no block repeats; a lone block is a verse', () => {
    const two = lyricsFromText(`${VERSE}\n\n${CHORUS}\nfor every little thing you do\nthank you\nthank you`, meaning());
    expect(two.sections.slice(0, 2).map((s) => s.kind)).toEqual(['verse', 'chorus']);
    const one = lyricsFromText('Ana, my sister\nyou are my sun\nand every day\nI sing for you\nmore and more\nthe whole year through\nAna my friend\nthe best of all\nwe laugh all night\nwe never fall', meaning());
    expect(one.sections.map((s) => s.kind)).toEqual(['verse']);
    expect(one.title).toBe('Ana, my sister');
  });

  it('stretches a short text to a song by singing the chorus again (or everything), never adding words', () => {
    const short = lyricsFromText(`${VERSE}\n\n${CHORUS}`, meaning());
    const lines = short.sections.flatMap((s) => s.lines.map((l) => l.text));
    expect(lines.length).toBeGreaterThanOrEqual(MIN_SUNG_LINES);
    expect(new Set(lines)).toEqual(new Set([...VERSE.split('\n'), ...CHORUS.split('\n')]));
    expect(short.sections.slice(2).every((s) => s.kind === 'chorus')).toBe(true);
    const tiny = lyricsFromText('Hello Ana', meaning());
    expect(tiny.sections.flatMap((s) => s.lines).length).toBe(MIN_SUNG_LINES);
    expect(tiny.sections.every((s) => s.lines[0]!.text === 'Hello Ana')).toBe(true);
  });

  it('leaves out lines with nothing to sing, and titles with the name when no line is short enough', () => {
    const lyrics = lyricsFromText(`💕 💕\nThis line is a good deal longer than any title should ever be\nyes`, meaning('en', 'Bo'));
    expect(lyrics.sections[0]!.lines.map((l) => l.text)).toEqual(['This line is a good deal longer than any title should ever be', 'yes']);
    expect(lyrics.title).toBe('Bo');
  });

  it('gives a long line of their own room: every syllable sung before the next line starts', () => {
    const long = '하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열 하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열 엄마 사랑해요 고마워요';
    const lyrics = lyricsFromText(`${long}\n짧은 줄이에요 엄마`, meaning('ko', '엄마'));
    expect(lyrics.sections[0]!.lines[0]!.syllables.length).toBeGreaterThan(39);
    const score = compose(lyrics, { genre: 'pop', vibe: 'calm', seed: 1 });
    for (let line = 0; line + 1 < lyrics.sections.flatMap((s) => s.lines).length; line++) {
      const mine = score.vocals.filter((v) => v.line === line);
      const next = score.vocals.find((v) => v.line === line + 1)!;
      const last = mine[mine.length - 1]!;
      expect(last.start + last.duration).toBeLessThanOrEqual(next.start + 1e-6);
      expect(mine.filter((v) => !v.continues)).toHaveLength(lyrics.sections.flatMap((s) => s.lines)[line]!.syllables.length);
    }
  });

  it('drafts the writer\'s words in every language: valid as lyrics, and sung back as the same sections', () => {
    for (const language of LANGUAGES) {
      const request = { message: 'Thank you for everything, I love you', to: 'Ana', genre: 'pop', vibe: 'calm', language, seed: 3 } as const;
      const draft = draftLyrics(request);
      expect(checkSongRequest({ ...request, lyrics: draft })).toMatchObject({ ok: true });
      const sung = lyricsFromText(draft, understand(request));
      expect(lyricsToText(sung)).toBe(draft);
      expect(sung.sections.map((s) => s.kind)).toEqual(['verse', 'chorus', 'verse', 'chorus', 'bridge', 'chorus']);
      // Another seed, other words: the phone's "another take" before singing.
      expect(new Set([3, 4, 5, 6].map((seed) => draftLyrics({ ...request, seed }))).size).toBeGreaterThan(1);
    }
  });
});
