// One language's model of what a message does and where its phrases break. Cues are matched on folded
// text (lower case, accents removed, apostrophes as spaces: "don't" is "don t", "t'aime" is "t aime");
// the phrase lists (openers, prepositions, determiners, dangling) keep their accents, since there the
// accent tells words apart (Portuguese é "is" and e "and", French à "to" and a "has"). Hangul stays
// as written.
import type { Theme } from '@radio-optimism/shared';

/**
 * A cue for a speech act: words in order. A word ending in `*` matches any ending ("congrat*"); `~`
 * skips up to two words ("sinto ~ falta"). In Korean a cue is a string found inside the sentence, since
 * endings attach to stems. The number is the cue's weight: 3 for a performative ("thank you", "sorry",
 * "happy birthday"), 2 for a declaration that often rides along ("I love you"), 1-1.5 for hints.
 */
export type Cue = string | readonly [string, number];

export interface SpeechModel {
  acts: Record<Theme, readonly Cue[]>;
  /** Words (or word pairs) that negate a cue when among the two words just before it, in its clause. */
  negators: readonly string[];
  /** Korean: endings or words just after a cue that negate it (잊은 거 아니야). */
  negatorsAfter?: readonly string[];
  /** Words that open a clause (conjunctions, relative pronouns, subordinators): a phrase may start here. */
  openers: readonly string[];
  /** Articles, possessives and copulas: a noun phrase or a predicate starts here, the weakest boundary,
   *  used only to break a clause too long for one line between its parts ("Desculpa por ter esquecido |
   *  o teu aniversário", "Cada dia ao teu lado | é o meu lugar favorito"). */
  determiners: readonly string[];
  /** Prepositions: a long clause may be split before one (a weaker boundary than an opener). */
  prepositions: readonly string[];
  /** Subordinators after which the verb closes the clause (German dass, weil...): no break inside it
   *  before a preposition, since the clause is not a phrase until its verb. */
  verbFinal?: readonly string[];
  /** A clause with no relative pronoun ("every morning | you drove me"): a subject pronoun after a noun
   *  phrase (a determiner among the three words before) opens one. */
  contact?: { subjects: readonly string[]; determiners: readonly string[] };
  /** Words a sung line may not end on: articles, prepositions, conjunctions, determiners, subject
   *  pronouns and auxiliaries, which all ask for what follows. */
  dangling: readonly string[];
}

export const DEFAULT_WEIGHT = 3;
