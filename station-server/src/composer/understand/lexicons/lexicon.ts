// The shape of one language's word lists for reading a message's topic and relation. What a message
// does is read from speech/<lang>.ts; topic words decide only when no sentence makes a speech act.
// Entries are matched on lower-case text with accents removed: a single word is a stem (it matches any
// word that starts with it; '=word' matches only that word), an entry with a space is a phrase
// (matched whole). Korean entries match inside an eojeol, since endings attach.
import type { Relation, Theme } from '@radio-optimism/shared';

export interface Lexicon {
  themes: Record<Theme, readonly string[]>;
  relations: Partial<Record<Relation, readonly string[]>>;
  /** Words that carry no meaning of their own (articles, pronouns, prepositions, auxiliaries). */
  stopWords: readonly string[];
}
