// The relation: as given, or read from words that name one (mom, mamá, mãe, maman, Mama, 엄마, friend,
// team...) in the recipient's name first, then in the message. Otherwise 'other'.
import { LANGUAGES, RELATIONS, type Language, type Relation } from '@radio-optimism/shared';
import { LEXICONS } from './lexicons/index.js';
import { countHits, foldMessage, type FoldedMessage } from './match.js';
import { foldedWords } from './text.js';
import { stopSet } from './theme.js';

const EMPTY: ReadonlySet<string> = new Set();

export function inferRelation(given: Relation | undefined, recipient: string, message: FoldedMessage, language: Language, hangul: boolean): Relation {
  if (given) return given;
  const name = foldMessage(foldedWords(recipient));
  // The song's own language first; other languages only when it finds nothing (people mix languages,
  // but a short word in one language is often an ordinary word in another).
  return strongest(name, language, true, true) ?? strongest(message, language, hangul, true) ?? strongest(name, language, true, false) ?? strongest(message, language, hangul, false) ?? 'other';
}

function strongest(text: FoldedMessage, language: Language, hangul: boolean, ownOnly: boolean): Relation | undefined {
  let best: Relation | undefined;
  let bestScore = 0;
  for (const relation of RELATIONS) {
    let score = 0;
    for (const lang of LANGUAGES) {
      if ((lang === 'ko' && !hangul) || (ownOnly && lang !== language && !(lang === 'ko' && hangul))) continue;
      const entries = LEXICONS[lang].relations[relation];
      if (!entries) continue;
      const weight = lang === language ? 1 : 0.5;
      score += weight * countHits(text, entries, lang, lang === 'ko' ? stopSet(lang) : EMPTY, true);
    }
    if (score > bestScore) {
      best = relation;
      bestScore = score;
    }
  }
  return best;
}
