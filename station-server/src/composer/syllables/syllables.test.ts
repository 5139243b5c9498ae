import { describe, expect, it } from '@jest/globals';
import type { Language } from '@radio-optimism/shared';
import { countSyllables, syllabifyLine, syllabifyWord } from './syllabify.js';

const split = (word: string, lang: Language): string => syllabifyWord(word, lang).join('|');
const stressed = (line: string, lang: Language): string[] => syllabifyLine(line, lang).filter((s) => s.stressed).map((s) => s.text);

describe('syllabifyWord', () => {
  it.each([
    ['en', 'beautiful', 'beau|ti|ful'],
    ['en', 'together', 'to|geth|er'],
    ['en', 'little', 'lit|tle'],
    ['en', 'every', 'ev|ery'],
    ['en', 'love', 'love'],
    ['en', 'stayed', 'stayed'],
    ['en', 'wishes', 'wish|es'],
    ['en', 'lion', 'li|on'],
    ['en', 'going', 'go|ing'],
    ['es', 'corazón', 'co|ra|zón'],
    ['es', 'cumpleaños', 'cum|ple|a|ños'],
    ['es', 'día', 'dí|a'],
    ['es', 'ciudad', 'ciu|dad'],
    ['es', 'guerra', 'gue|rra'],
    ['pt', 'saudade', 'sau|da|de'],
    ['pt', 'coração', 'co|ra|ção'],
    ['pt', 'muito', 'mui|to'],
    ['pt', 'saúde', 'sa|ú|de'],
    ['fr', 'toujours', 'tou|jours'],
    ['fr', 'famille', 'fa|mille'],
    ['fr', 'aiment', 'aiment'],
    ['fr', 'moment', 'mo|ment'],
    ['fr', 'poème', 'po|ème'],
    ['fr', "l'amour", "l'a|mour"],
    ['de', 'Geburtstag', 'Ge|burts|tag'],
    ['de', 'Feuer', 'Feu|er'],
    ['de', 'zusammen', 'zu|sam|men'],
    ['de', 'Freundschaft', 'Freund|schaft'],
    ['ko', '사랑해', '사|랑|해'],
  ] as [Language, string, string][])('%s %s -> %s', (lang, word, expected) => {
    expect(split(word, lang)).toBe(expected);
  });

  it('keeps punctuation on the word without counting it', () => {
    expect(syllabifyWord('¡Hola!', 'es')).toEqual(['¡Ho', 'la!']);
    expect(syllabifyWord('"love,"', 'en')).toEqual(['"love,"']);
  });
});

describe('syllabifyLine', () => {
  it('concatenates back to the line without spaces, in every language', () => {
    const lines: [Language, string][] = [
      ['en', "Oh Zoë, it's only you 💖 — always"],
      ['es', '¿Te acuerdas del verano aquel, Lucía?'],
      ['pt', 'Volta logo, Mãe, volta'],
      ['fr', "Ce soir c'est ta fête, 민지"],
      ['de', 'Heut ist dein Tag, Jürgen, strahl'],
      ['ko', '엄마, 오직 그대뿐이야'],
      ['en', 'Happy birthday, نور'],
    ];
    for (const [lang, line] of lines) {
      const syllables = syllabifyLine(line, lang);
      expect(syllables.map((s) => s.text).join('')).toBe(line.replace(/\s+/g, ''));
      // Word indexes rise by one at a time from 0.
      syllables.forEach((s, i) => expect(s.word - (syllables[i - 1]?.word ?? s.word)).toBeLessThanOrEqual(1));
    }
  });

  it('counts syllables of known lines', () => {
    expect(countSyllables('I wrote this little song for you', 'en')).toBe(8);
    expect(countSyllables('Desde que llegaste tú', 'es')).toBe(7);
    expect(countSyllables('Desde que você chegou', 'pt')).toBe(7);
    expect(countSyllables('Je te garde au fond du cœur', 'fr')).toBe(7);
    expect(countSyllables('Ich denke jeden Tag an dich', 'de')).toBe(8);
    expect(countSyllables('네가 웃으면 나도 웃어', 'ko')).toBe(9);
  });

  it('sings no emoji: an emoji rides on the word before it', () => {
    const s = syllabifyLine('Ana 💖 sings', 'en');
    expect(s.map((x) => x.text)).toEqual(['A', 'na💖', 'sings']);
    expect(new Set(s.map((x) => x.word))).toEqual(new Set([0, 1]));
  });

  it('stresses by each language rule', () => {
    expect(stressed('corazón siempre feliz', 'es')).toEqual(['zón', 'siem', 'liz']);
    expect(stressed('saudade coração', 'pt')).toEqual(['da', 'ção']);
    expect(stressed('toujours famille', 'fr')).toEqual(['jours', 'mille']);
    expect(stressed('Geburtstag immer', 'de')).toEqual(['burts', 'im']);
    expect(stressed('remember the beautiful day', 'en')).toEqual(['mem', 'beau', 'day']);
    // Function words carry no stress.
    expect(stressed('to the', 'en')).toEqual([]);
    // Korean: phrase-initial prominence.
    expect(syllabifyLine('엄마 사랑해', 'ko')[0]!.stressed).toBe(true);
  });

  it('spells digits one syllable each and gives CJK and Arabic names sung syllables', () => {
    expect(syllabifyWord('2024', 'en')).toEqual(['2', '0', '2', '4']);
    expect(syllabifyWord('田中', 'en')).toEqual(['田', '中']);
    expect(syllabifyWord('محمد', 'en').join('')).toBe('محمد');
  });
});
