// A first, automatic look at what is about to go on air: words of abuse, hate and threat in the six
// languages. It only flags; an operator decides. Matching ignores case, accents and simple
// letter-for-digit disguises, on whole words (or word starts, for stems).
import type { SongRequest } from '@radio-optimism/shared';

// Stems ending in '*' match any word that starts with them. Kept short on purpose: the operator is
// the real judge, and a long list flags too many innocent words.
const TERMS: Record<string, string[]> = {
  en: ['fuck*', 'shit*', 'bitch*', 'cunt*', 'asshole*', 'bastard*', 'whore*', 'slut*', 'retard*', 'nigg*', 'fag*', 'kill you', 'die bitch', 'hate you', 'kys'],
  es: ['puta*', 'puto*', 'mierda*', 'cabr*n*', 'pendej*', 'coñ*', 'maric*n*', 'zorra*', 'gilipollas', 'te voy a matar', 'muérete'],
  pt: ['porra*', 'caralh*', 'merda*', 'puta*', 'viado*', 'vagabund*', 'filho da puta', 'vai se foder', 'vou te matar', 'morre'],
  fr: ['merde*', 'putain*', 'salope*', 'connard*', 'connasse*', 'enculé*', 'pute*', 'pédé*', 'ta gueule', 'je vais te tuer', 'crève'],
  de: ['scheiß*', 'scheiss*', 'fick*', 'hure*', 'fotze*', 'arschloch*', 'wichser*', 'schlampe*', 'missgeburt*', 'ich bring dich um', 'verreck*'],
  ko: ['시발', '씨발', '씨바', 'ㅅㅂ', '병신', 'ㅂㅅ', '개새끼', '좆', '존나', '미친년', '미친놈', '죽어', '죽여버'],
};

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/4|@/g, 'a')
    .replace(/\$|5/g, 's');

const PATTERNS = Object.entries(TERMS).map(([language, terms]) => ({
  language,
  patterns: terms.map((term) => {
    const stem = term.endsWith('*');
    const body = fold(stem ? term.slice(0, -1) : term)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.');
    // Hangul has no spaces inside words that matter here: match anywhere.
    return { term, re: /[\u3131-\uD7A3]/.test(term) ? new RegExp(body, 'u') : new RegExp(`(^|[^\\p{L}])${body}${stem ? '' : '(?![\\p{L}])'}`, 'u') };
  }),
}));

/** The terms found in what would be shown or sung, as "language:term". */
export function flagAbuse(request: SongRequest): string[] {
  const text = fold([request.message, request.to, request.from ?? ''].join(' \n '));
  const flags: string[] = [];
  for (const { language, patterns } of PATTERNS) for (const { term, re } of patterns) if (re.test(text)) flags.push(`${language}:${term}`);
  return flags;
}
