// Which syllable of a word carries the stress, by each language's own rule. Little function words
// (articles, pronouns, prepositions) are left unstressed so the melody can pass over them.
import type { Language } from '@radio-optimism/shared';

const FUNCTION_WORDS: Record<Language, Set<string>> = {
  en: new Set(`a an the and or but of to in on at by for from with as is am are was were be been it its i me my we us our you your he him his she her they them their that this than then so if do does did has have had will would can could shall should may might must not no oh just all who what when where how i'm i'll i'd i've you're you'll you've we're we'll it's that's there's here's let's`.split(' ')),
  es: new Set('el la los las un una unos unas y o e u ni de del a al en con por para sin sobre que se me te le lo nos os les mi mis tu tus su sus es como cuando si no ya muy tan más pero porque yo'.split(' ')),
  pt: new Set('o a os as um uma uns umas e ou de do da dos das em no na nos nas com por para pelo pela que se me te lhe nos meu minha teu tua seu sua é como quando se não já muito tão mais mas porque eu'.split(' ')),
  fr: new Set("le la les l' un une des du de d' à au aux en et ou que qu' qui se ne n' me m' te t' je j' tu il elle on nous vous ils elles mon ma mes ton ta tes son sa ses notre votre leur leurs ce c' est c'est j'ai t'ai m'as t'as qu'il sur dans pour par avec sans plus mais si y".split(' ')),
  de: new Set('der die das den dem des ein eine einen einem einer und oder aber in im an am auf aus bei mit nach von vom zu zum zur für um ich du er sie es wir ihr mich dich mir dir uns euch mein meine dein deine sein ist bin bist sind war hat habe hast wie so wenn als dass nicht noch schon ja nur auch'.split(' ')),
  ko: new Set(),
};

const EN_SECOND = new Set(
  `again away alone alive above across ago around awake about ahead along amazing apart arrive believe because before behind
  beside between beyond become begin belong forever forget forgive today tonight together tomorrow remember return enough
  hello okay surprise guitar complete control delight divine embrace eternal unique until express receive inside without
  within myself yourself ourselves himself herself themselves itself instead release deserve`.split(/\s+/),
);
// German words stressed on a syllable the prefix rule does not find.
const DE_STRESS = new Map<string, number>([
  ['zusammen', 1], ['zurück', 1], ['zuhause', 1], ['vielleicht', 1], ['allein', 1], ['alleine', 1], ['hinaus', 1], ['heraus', 1],
  ['warum', 1], ['woher', 1], ['wohin', 1], ['darum', 1], ['vorbei', 1], ['hinein', 1], ['willkommen', 1], ['lebendig', 1],
  ['familie', 1], ['moment', 1], ['musik', 1], ['natur', 1], ['idee', 1], ['sofort', 1], ['genau', 1], ['nebenan', 2],
  ['überall', 2], ['unendlich', 1], ['unglaublich', 1], ['wunderbar', 0], ['lebendig', 1], ['hallo', 1], ['danke', 0], ['erde', 0], ['ernte', 0],
]);
const DE_PREFIX = /^(be|ge|er|ver|zer|ent|emp|miss)$/;
const ACCENTED = /[áéíóúâêôàãõ]/;

export function isFunctionWord(word: string, lang: Language): boolean {
  return FUNCTION_WORDS[lang].has(word.toLowerCase());
}

/** Index of the stressed syllable among `pieces` (the word's lower-cased syllables), or -1 for none. */
export function stressIndex(pieces: readonly string[], lang: Language): number {
  const word = pieces.join('');
  const n = pieces.length;
  if (n === 0) return -1;
  if (isFunctionWord(word, lang)) return -1;
  if (n === 1) return 0;
  switch (lang) {
    case 'es': {
      const marked = pieces.findIndex((p) => /[áéíóú]/.test(p));
      if (marked >= 0) return marked;
      return /[aeiouns]$/.test(word) ? n - 2 : n - 1;
    }
    case 'pt': {
      const marked = pieces.findIndex((p) => /[áéíóúâêô]/.test(p));
      if (marked >= 0) return marked;
      const nasal = pieces.findIndex((p) => /[ãõ]/.test(p));
      if (nasal >= 0) return nasal;
      return /([aeo]s?|am|em|ens)$/.test(word) ? n - 2 : n - 1;
    }
    case 'fr':
      // The group's last sounded syllable; a mute e already rides on the one before it.
      return n - 1;
    case 'de': {
      const known = DE_STRESS.get(word);
      if (known !== undefined) return Math.min(known, n - 1);
      if (/ieren$/.test(word)) return n - 2;
      if (/(ei|ion|tät|ie)$/.test(word) && !/^(zwei|drei|frei|dabei)$/.test(word)) return n - 1;
      // Unstressed prefixes (be-, ge-, ver-...) pass the stress to the stem.
      return DE_PREFIX.test(pieces[0]!.replace(/[^a-zäöüß]/g, '')) ? 1 : 0;
    }
    case 'en':
      return EN_SECOND.has(word.replace(/[^a-z]/g, '')) ? 1 : 0;
    case 'ko':
      return 0;
  }
}

export const hasAccentMark = (word: string): boolean => ACCENTED.test(word);
