// The phrase check: songs for all 48 genre x vibe pairs in all six languages, from the labelled
// messages (lyrics stage only). A line taken from a message must not end on a word that asks for what
// follows, the lines of one sentence must be sung together and in order, and a bank couplet is never
// split. The boundary lists below are the test's own, written apart from the phrase model's, so the
// rate of lines that start or end inside a phrase measures the model rather than restating it.
import { describe, expect, it } from '@jest/globals';
import { GENRES, LANGUAGES, VIBES, type Language } from '@radio-optimism/shared';
import { understand } from '../understand/understand.js';
import { INTENT_SET } from '../understand/intent-set.js';
import { writeLyrics } from './lyrics.js';
import { BANKS } from './banks/index.js';
import { toGeudae, toPlainLyricForm } from './korean.js';

const words = (s: string): string[] => s.split(/\s+/u).filter(Boolean);

/** Words that ask for what follows: a line ending on one is cut inside a phrase. */
const DANGLING: Record<Language, ReadonlySet<string>> = {
  en: new Set(words('a an the and or but because that which who when if of to for with from at in on by my your our their his her its i we they he she is are was were am has have had will would can could every')),
  es: new Set(words('el la los las un una unos unas y e o pero porque que cuando si de del a al en con por para sin desde hasta mi mis tu tus su sus nuestro nuestra yo es')),
  pt: new Set(words('o a os as um uma uns umas e ou mas porque que quando se de do da dos das em no na nos nas com por pelo pela para pra sem desde meu minha teu tua seu sua nosso nossa eu é')),
  fr: new Set(words('le la les l un une des du de d et ou mais car que qu quand si à au aux en dans pour par avec sans sur mon ma mes ton ta tes son sa ses notre votre je j tu il elle on nous vous me m te t ne n est')),
  de: new Set(words('der die das den dem des ein eine einen einem einer und oder aber denn weil dass wenn ob für mit zu zum zur in im an am auf aus bei nach von vom mein meine meinen dein deine deinen unser unsere ich du er sie wir ihr bin bist ist sind hab habe hast hat')),
  ko: new Set(words('그리고 하지만 그래서 그런데 근데 그 이 저 내 네 우리 너의 나의 더 너무 정말 진짜 아주 가장 꼭 안 못')),
};
/** Words that may open a phrase: conjunctions, relative pronouns, prepositions, articles. */
const OPENS: Record<Language, ReadonlySet<string>> = {
  en: new Set(words('and but or so because since when while if though although that who which where until before after as for to with in on at from by about every the a an my your you i we')),
  es: new Set(words('y e pero o porque que cuando mientras aunque si donde como desde hasta por para con en a al de del sin cada el la los las un una mi tu')),
  pt: new Set(words('e mas ou porque pois que quando enquanto embora se onde como desde até por pelo pela para pra com em no na a ao de do da sem cada o os as um uma meu minha teu tua')),
  fr: new Set(words('et mais ou donc car parce que qu quand si qui dont comme depuis avant après pour avec dans sur à au aux de du des en par sans chez chaque le la les l un une mon ma ton ta tu')),
  de: new Set(words('und aber oder denn doch weil dass wenn als ob obwohl seit bis für mit zu zum zur in im an am auf aus bei nach von vom ohne über jede jeden der die das den dem ein eine mein meine dein deine')),
  ko: new Set(words('그리고 하지만 그래서 그런데 근데 그래도')),
};
const KO_CLAUSE_END = /(고|서|니까|지만|는데|은데|면|며|마다|까지|에서|에게|로|야|어|아|해|워|자|다|지|게|줘|봐|와|요|네|래|까)$/u;

const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[’']/gu, "'");
const bare = (w: string): string => fold(w).replace(/[^\p{L}\p{N}'-]/gu, '');
const koNorm = (s: string): string => toGeudae(toPlainLyricForm(words(s).map((w) => w.replace(/[.!?,~…]+$/u, ''))).join(' ')).replace(/[.!?,~…]/gu, '');

interface Found {
  line: number;
  sentence: number;
  /** Word positions of the line within its sentence. */
  from: number;
  to: number;
  sentenceWords: string[];
}

/** The message sentence and word span a song line was taken from (undefined for bank lines). */
function locate(text: string, sentences: string[][], language: Language): Omit<Found, 'line'> | undefined {
  const norm = (w: string): string => (language === 'ko' ? koNorm(w) : bare(w));
  const lineWords = words(text).map(norm).filter(Boolean);
  if (lineWords.length < 2) return undefined;
  for (let s = 0; s < sentences.length; s++) {
    const sw = sentences[s]!.map(norm);
    for (let i = 0; i + lineWords.length <= sw.length; i++) {
      if (lineWords.every((w, k) => sw[i + k] === w)) return { sentence: s, from: i, to: i + lineWords.length, sentenceWords: sentences[s]! };
    }
  }
  return undefined;
}

function endsClean(f: Found, language: Language): boolean {
  const last = f.sentenceWords[f.to - 1]!;
  if (f.to === f.sentenceWords.length) return true;
  if (DANGLING[language].has(bare(last))) return false;
  if (/[,;:]$/u.test(last)) return true;
  if (language === 'ko') return KO_CLAUSE_END.test(last.replace(/[^\p{L}]+$/u, '')) || OPENS.ko.has(f.sentenceWords[f.to]!);
  return OPENS[language].has(bare(f.sentenceWords[f.to]!).split("'")[0]!);
}

function startsClean(f: Found, language: Language): boolean {
  if (f.from === 0) return true;
  const prev = f.sentenceWords[f.from - 1]!;
  if (/[,;:]$/u.test(prev)) return true;
  if (DANGLING[language].has(bare(prev))) return false;
  if (language === 'ko') return KO_CLAUSE_END.test(prev.replace(/[^\p{L}]+$/u, '')) || OPENS.ko.has(f.sentenceWords[f.from]!);
  return OPENS[language].has(bare(f.sentenceWords[f.from]!).split("'")[0]!);
}

describe('phrase check: 48 genre x vibe pairs in six languages', () => {
  it('keeps message phrases whole and sentences together; reports lines that start or end inside a phrase', () => {
    let messageLines = 0;
    let inside = 0;
    const examples: string[] = [];
    for (const language of LANGUAGES) {
      const messages = INTENT_SET.filter((e) => e.language === language);
      const bank = BANKS[language];
      const couplets = [...Object.values(bank.verse).flat(), ...Object.values(bank.bridge).flat(), ...Object.values(bank.vibe).flat(), ...bank.any];
      GENRES.forEach((genre, g) =>
        VIBES.forEach((vibe, v) => {
          const example = messages[(g * VIBES.length + v) % messages.length]!;
          const u = understand({ message: example.message, to: 'Ana', language, genre, vibe, ...(example.relation ? { relation: example.relation } : {}) });
          const lyrics = writeLyrics(u, { genre, vibe, seed: g * 31 + v });
          const lines = lyrics.sections.flatMap((s) => s.lines.map((l) => l.text));
          const sentences = example.message
            .split(/[.!?…]+|\n+/u)
            .map((s) => words(s.replace(/[¡¿«»"“”]/gu, ' ')))
            .filter((s) => s.length > 0);
          const found: Found[] = [];
          lines.forEach((text, line) => {
            const at = locate(text, sentences, language);
            if (at) found.push({ line, ...at });
          });
          for (const f of found) {
            messageLines++;
            const last = bare(f.sentenceWords[f.to - 1]!);
            // A sentence's own last word ends it ("as loud as you are"); anywhere else it must not dangle.
            if (f.to < f.sentenceWords.length && DANGLING[language].has(last)) throw new Error(`${language} line ends on "${last}": ${lines[f.line]} (from "${example.message}")`);
            if (!startsClean(f, language) || !endsClean(f, language)) {
              inside++;
              examples.push(`${language}: ${lines[f.line]}  <- ${example.message}`);
            }
          }
          // Lines from one sentence are consecutive song lines, in the sentence's order, with no gap.
          const bySentence = new Map<number, Found[]>();
          for (const f of found) bySentence.set(f.sentence, [...(bySentence.get(f.sentence) ?? []), f]);
          for (const group of bySentence.values()) {
            // The chorus repeats, so compare only the first run of lines from a sentence.
            const run = group.filter((f, i) => i === 0 || f.line === group[i - 1]!.line + 1);
            expect(run.length).toBe(group.length);
            for (let i = 1; i < run.length; i++) expect(run[i]!.from).toBe(run[i - 1]!.to);
          }
          // A bank couplet is never split by another line.
          // (Korean lines to an elder say 그대 where the bank says 너: compare both in that form.)
          const same = (l: string): string => fold(language === 'ko' ? toGeudae(l) : l);
          const low = lines.map(same);
          for (const [a, b] of couplets) {
            const at = low.indexOf(same(a));
            if (at >= 0) expect(low[at + 1]).toBe(same(b));
          }
          // The song names the recipient.
          expect(lines.some((l) => l.includes('Ana'))).toBe(true);
        }),
      );
    }
    const rate = inside / messageLines;
    process.stdout.write(`phrase check: ${messageLines} message lines, ${inside} start or end inside a phrase (${(rate * 100).toFixed(1)}%)\n${examples.slice(0, 20).join('\n')}\n`);
    expect(messageLines).toBeGreaterThan(400);
    expect(rate).toBeLessThanOrEqual(0.05);
  });
});
