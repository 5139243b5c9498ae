import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LANGUAGES, THEMES, VIBES, type Language, type Theme } from '@radio-optimism/shared';
import type { Lyrics, Understanding } from '../types.js';
import { understand } from '../understand/understand.js';
import { writeLyrics } from './lyrics.js';
import { BANKS } from './banks/index.js';
import { fitting } from './bank.js';

const MESSAGES: Record<Language, string> = {
  en: 'Mom, thank you for everything you gave me. I love you so much!',
  es: '¡Feliz cumpleaños, hermana! Eres la mejor del mundo y te quiero muchísimo',
  pt: 'Mãe, sinto muita saudade de você. Volta logo pra casa',
  fr: 'Je suis tellement fier de toi, tu as réussi ton examen ! Bravo',
  de: 'Es tut mir leid, dass ich so gemein war. Kannst du mir verzeihen?',
  ko: '엄마 항상 고마워요. 사랑해요 💕',
};

const meaning = (language: Language, to = 'Ana', message = MESSAGES[language]): Understanding =>
  understand({ message, to, language, genre: 'pop', vibe: 'heartfelt' });
const allText = (l: Lyrics): string => l.sections.flatMap((s) => s.lines.map((x) => x.text)).join('\n');

function checkShape(l: Lyrics, recipient: string): void {
  expect(l.sections.map((s) => s.kind)).toEqual(['verse', 'chorus', 'verse', 'chorus', 'bridge', 'chorus']);
  expect(l.title.length).toBeGreaterThan(0);
  for (const section of l.sections) {
    if (section.kind === 'chorus') expect(section.lines.some((line) => line.text.includes(recipient))).toBe(true);
    for (const line of section.lines) {
      // The syllables rebuild the line (minus spaces), word by word.
      expect(line.syllables.map((s) => s.text).join('')).toBe(line.text.replace(/\s+/g, ''));
      expect(line.syllables.length).toBeGreaterThanOrEqual(4);
      expect(line.syllables.length).toBeLessThanOrEqual(13 + [...recipient].length);
    }
  }
}

describe('writeLyrics', () => {
  it('writes the song form, names the recipient in every chorus, and keeps syllables whole', () => {
    for (const language of LANGUAGES) checkShape(writeLyrics(meaning(language), { genre: 'pop', vibe: 'heartfelt', seed: 1 }), 'Ana');
  });

  it('is valid for every language, theme and vibe', () => {
    for (const language of LANGUAGES)
      for (const theme of THEMES)
        for (const vibe of VIBES) {
          const u: Understanding = { ...meaning(language), theme: theme as Theme };
          const l = writeLyrics(u, { genre: 'ballad', vibe, seed: 7 });
          checkShape(l, 'Ana');
          const lines = l.sections.flatMap((s) => s.lines).length;
          // About four seconds a line: 60-120 s of singing.
          expect(lines).toBeGreaterThanOrEqual(18);
          expect(lines).toBeLessThanOrEqual(26);
        }
  });

  it('keeps line lengths close within a chorus', () => {
    for (const language of LANGUAGES) {
      const l = writeLyrics(meaning(language), { genre: 'pop', vibe: 'calm', seed: 3 });
      const counts = l.sections.find((s) => s.kind === 'chorus')!.lines.map((x) => x.syllables.length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(5);
    }
  });

  it('is deterministic for a seed, and two seeds differ', () => {
    const u = meaning('en');
    const a = writeLyrics(u, { genre: 'pop', vibe: 'upbeat', seed: 42 });
    expect(JSON.stringify(writeLyrics(u, { genre: 'pop', vibe: 'upbeat', seed: 42 }))).toBe(JSON.stringify(a));
    expect(allText(writeLyrics(u, { genre: 'pop', vibe: 'upbeat', seed: 43 }))).not.toBe(allText(a));
    const distinct = new Set(Array.from({ length: 10 }, (_, seed) => allText(writeLyrics(u, { genre: 'pop', vibe: 'upbeat', seed }))));
    expect(distinct.size).toBeGreaterThanOrEqual(6);
  });

  it('writes six different lyrics for one request in six languages', () => {
    const texts = LANGUAGES.map((language) => allText(writeLyrics({ ...meaning(language), theme: 'love', keyPhrases: [] }, { genre: 'pop', vibe: 'heartfelt', seed: 5 })));
    expect(new Set(texts).size).toBe(6);
    // Not one template: the lines do not share their word count pattern across languages.
    const shapes = texts.map((t) => t.split('\n').map((line) => line.split(' ').length).join(','));
    expect(new Set(shapes).size).toBeGreaterThanOrEqual(5);
  });

  it("carries the sender's phrases into the verses without copying the whole message", () => {
    const u = meaning('en');
    const text = allText(writeLyrics(u, { genre: 'pop', vibe: 'heartfelt', seed: 1 }));
    expect(text.toLowerCase()).toContain(u.keyPhrases[0]!.toLowerCase());
    expect(text).not.toContain(MESSAGES.en);
  });

  it('sings names as written: RTL, emoji, Hangul in French, regex characters', () => {
    for (const [language, to] of [['en', 'نور'], ['fr', '민지'], ['es', 'Zoë 💖'], ['de', 'A$&B'], ['pt', '"Bia"'], ['ko', 'Léa']] as [Language, string][]) {
      const l = writeLyrics(meaning(language, to), { genre: 'pop', vibe: 'playful', seed: 9 });
      checkShape(l, to);
    }
  });

  it('uses the plain lyric register in Korean and 그대 for a parent', () => {
    const l = writeLyrics(meaning('ko', '엄마'), { genre: 'ballad', vibe: 'heartfelt', seed: 2 });
    const text = allText(l);
    expect(text).not.toMatch(/요(\s|$|[,.!?])/mu);
    expect(text).not.toMatch(/(^|\s)(너|네가|너를|너의|넌|널)(\s|$)/mu);
    const friend = writeLyrics({ ...meaning('ko', '민지'), relation: 'friend', theme: 'gratitude' }, { genre: 'pop', vibe: 'upbeat', seed: 2 });
    expect(allText(friend)).toMatch(/너|네|넌/u);
  });

  it('drops a phrase in another script from the verses', () => {
    const u: Understanding = { language: 'en', theme: 'love', recipient: 'Ana', relation: 'other', keyPhrases: ['사랑해 정말 많이'], phrases: [{ text: '사랑해 정말 많이', sentence: 0, whole: true, act: false, pieces: [{ text: '사랑해 정말 많이', cut: 3 }] }], details: [] };
    expect(allText(writeLyrics(u, { genre: 'pop', vibe: 'calm', seed: 1 }))).not.toMatch(/[\uAC00-\uD7A3]/u);
  });
});

describe('writeLyrics: the song says what the sender meant, in their whole phrases', () => {
  const song = (language: Language, message: string, to: string, vibe: Parameters<typeof writeLyrics>[1]['vibe'] = 'heartfelt', seed = 7): Lyrics =>
    writeLyrics(understand({ message, to, language, genre: 'pop', vibe }), { genre: 'pop', vibe, seed });
  const lines = (l: Lyrics): string[] => l.sections.flatMap((s) => s.lines.map((x) => x.text));

  it('sings an apology for a forgotten birthday as an apology, not a party (issue 12)', () => {
    for (let seed = 0; seed < 6; seed++) {
      const l = song('pt', 'Desculpa por ter esquecido o teu aniversário. Prometo que no próximo ano vou fazer uma festa enorme para ti.', 'Rita', 'upbeat', seed);
      const text = allText(l);
      expect(text).not.toMatch(/Hoje é seu dia|Que toque a alegria/u);
      expect(text).toContain('Desculpa por ter esquecido\nO teu aniversário');
      // The upbeat vibe's dance-floor couplet does not tint an apology.
      expect(text).not.toContain('Aumenta o som');
    }
  });

  it('thanks a parent for exam nights with a thank-you, and a dog without "we did it" (issue 12)', () => {
    const dad = song('en', 'Thank you for staying up with me every night before my exams and for believing in me when I could not.', 'Dad', 'epic');
    expect(allText(dad)).not.toMatch(/Keep going|don't let go/u);
    expect(allText(dad)).toMatch(/Thank you|for everything/iu);
    const choco = song('ko', '우리 강아지 초코야, 산책할 때마다 꼬리 흔들어 줘서 고마워. 너는 최고의 친구야.', '초코', 'upbeat');
    expect(allText(choco)).not.toContain('해냈어');
    expect(allText(choco)).toContain('고마워');
  });

  it('breaks a long phrase into two adjacent lines at a phrase boundary, never mid-phrase', () => {
    const mom = lines(song('en', 'Thank you for every early morning you drove me to practice.', 'Mom'));
    const at = mom.indexOf('Thank you for every early morning');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(mom[at + 1]).toBe('You drove me to practice');
    const leo = lines(song('es', 'Te extraño cada día desde que te fuiste a Madrid.', 'Leo', 'calm'));
    expect(leo[leo.indexOf('Te extraño cada día') + 1]).toBe('Desde que te fuiste a Madrid');
    const team = lines(song('ko', '끝까지 포기하지 말고 함께 우승하자!', '팀', 'epic'));
    expect(team[team.indexOf('끝까지 포기하지 말고') + 1]).toBe('함께 우승하자');
    // A clause that fits neither one line nor two is left out, not trimmed to fit.
    const long = lines(song('en', 'Thank you for the extraordinarily complicated and unbelievably generous birthday celebration yesterday.', 'Jo'));
    expect(long.some((l) => /celebration|extraordinarily/u.test(l))).toBe(false);
  });

  it('chooses bank lines by intent: a line tagged for other intents never answers an apology', () => {
    expect(fitting(BANKS.de.rhymes.flatMap((f) => f.lines), 'apology')).not.toContain('ich danke dir für all die Zeit');
    expect(fitting(BANKS.de.rhymes.flatMap((f) => f.lines), 'gratitude')).toContain('ich danke dir für all die Zeit');
    // "leid" rhymes with "Zeit": the thank-you line of that rhyme would otherwise answer the apology.
    for (let seed = 0; seed < 12; seed++) {
      const l = song('de', 'Es tut mir wirklich furchtbar leid', 'Mia', 'heartfelt', seed);
      expect(allText(l).toLowerCase()).not.toContain('ich danke dir');
    }
  });

  it('gives a generic hook a title of the sender\'s own words or the recipient\'s name', () => {
    expect(song('en', 'Sorry I forgot your birthday.', 'Jo').title).toBe('Sorry I forgot your birthday');
    expect(song('en', 'Thank you for every early morning you drove me to practice.', 'Mom').title).toMatch(/Mom|Thank you/u);
  });

  it('frames a short phrase without a capital in mid-line, but keeps a name as written', () => {
    const texts = (message: string): string =>
      Array.from({ length: 6 }, (_, seed) => allText(writeLyrics(understand({ message, to: 'Sam', language: 'en', genre: 'pop', vibe: 'calm' }), { genre: 'pop', vibe: 'calm', seed }))).join('\n');
    expect(texts('Happy birthday!')).toContain('Oh, happy birthday');
    expect(texts('Happy birthday!')).not.toContain('Oh, Happy');
    expect(texts('Mom, thank you!')).toContain('Oh, Mom, thank you');
  });

  it("draws bank imagery from the message's occasion: candles for a birthday, none for a new job", () => {
    for (let seed = 0; seed < 8; seed++) {
      const job = song('en', 'Congratulations on the new job! You earned every bit of it.', 'Kim', 'heartfelt', seed);
      expect(allText(job)).not.toMatch(/candles|another year/iu);
      const birthday = song('en', 'Happy birthday, little brother! Hope your day is as loud as you are.', 'Kim', 'heartfelt', seed);
      expect(birthday.sections[0]!.lines.map((l) => l.text).join(' ')).toMatch(/candles|another year/iu);
      const promotion = song('de', 'Herzlichen Glückwunsch zur Beförderung! Das hast du dir verdient.', 'Kim', 'heartfelt', seed);
      expect(allText(promotion)).not.toMatch(/Kerzen|neues Jahr/u);
    }
  });

  it('writes a valid song from any mix of cue words, connectives, punctuation, markup and scripts', () => {
    const pieces = ['thank', 'you', 'sorry', 'for', 'the', 'and', 'que', 'de', '고마워', '미안해', '생일', '축하해', ',', '.', '!', '?', '\n', 'Happy', 'birthday', 'not', '안', '아니야', '<b>', '💖', '12', "l'amour", '«', '»', '—', 'dass', 'weil', 'und', '는데', '고', '서'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), fc.constantFrom(...LANGUAGES), fc.integer({ min: 0, max: 999 }), fc.string({ maxLength: 12 }), (ws, language, seed, junk) => {
        const u = understand({ message: `${ws.join(' ')}${junk}` || 'x', to: 'Ana', language, genre: 'pop', vibe: 'calm' });
        checkShape(writeLyrics(u, { genre: 'pop', vibe: 'calm', seed }), 'Ana');
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
