// The phrase check's measure, kept apart from the phrase model it judges: its own lists of words that
// dangle and words that open a phrase, per language. Used by phrase-check.test.ts and to measure other
// versions of the lyrics stage against the same yardstick.
import type { Language } from '@radio-optimism/shared';
import { toGeudae, toPlainLyricForm } from './korean.js';

export const words = (s: string): string[] => s.split(/\s+/u).filter(Boolean);

/** Words that ask for what follows: a line ending on one is cut inside a phrase. */
export const DANGLING: Record<Language, ReadonlySet<string>> = {
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

export const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[’']/gu, "'");
export const bare = (w: string): string => fold(w).replace(/[^\p{L}\p{N}'-]/gu, '');
const koNorm = (s: string): string => toGeudae(toPlainLyricForm(words(s).map((w) => w.replace(/[.!?,~…]+$/u, ''))).join(' ')).replace(/[.!?,~…]/gu, '');

export interface Found {
  line: number;
  sentence: number;
  /** Word positions of the line within its sentence. */
  from: number;
  to: number;
  sentenceWords: string[];
}

/** The message sentence and word span a song line was taken from (undefined for bank lines). */
export function locate(text: string, sentences: string[][], language: Language): Omit<Found, 'line'> | undefined {
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

export function endsClean(f: Found, language: Language): boolean {
  const last = f.sentenceWords[f.to - 1]!;
  if (f.to === f.sentenceWords.length) return true;
  if (DANGLING[language].has(bare(last))) return false;
  if (/[,;:]$/u.test(last)) return true;
  if (language === 'ko') return KO_CLAUSE_END.test(last.replace(/[^\p{L}]+$/u, '')) || OPENS.ko.has(f.sentenceWords[f.to]!);
  return OPENS[language].has(bare(f.sentenceWords[f.to]!).split("'")[0]!);
}

export function startsClean(f: Found, language: Language): boolean {
  if (f.from === 0) return true;
  const prev = f.sentenceWords[f.from - 1]!;
  if (/[,;:]$/u.test(prev)) return true;
  if (DANGLING[language].has(bare(prev))) return false;
  if (language === 'ko') return KO_CLAUSE_END.test(prev.replace(/[^\p{L}]+$/u, '')) || OPENS.ko.has(f.sentenceWords[f.from]!);
  return OPENS[language].has(bare(f.sentenceWords[f.from]!).split("'")[0]!);
}

/** The message's sentences as words, split the way the check reads them. */
export function sentenceWords(message: string): string[][] {
  return message
    .split(/[.!?…]+|\n+/u)
    .map((s) => words(s.replace(/[¡¿«»"“”]/gu, ' ')))
    .filter((s) => s.length > 0);
}

/** Lines taken from the message, and how many start or end inside a phrase. */
export function measureLines(lines: readonly string[], message: string, language: Language): { found: Found[]; inside: Found[] } {
  const sentences = sentenceWords(message);
  const found: Found[] = [];
  lines.forEach((text, line) => {
    const at = locate(text, sentences, language);
    if (at) found.push({ line, ...at });
  });
  return { found, inside: found.filter((f) => !startsClean(f, language) || !endsClean(f, language)) };
}
