// The shape of one language's lyric bank. Every language writes its own lines (not translations), in
// its own song conventions: end-rhyme couplets in en/es/pt/fr/de, parallel endings in Korean.
import type { Theme, Vibe } from '@radio-optimism/shared';

/** Two lines that belong together: they rhyme (or, in Korean, end alike). */
export type Couplet = readonly [string, string];

export interface ChorusTemplate {
  /** A short title in the song's language (may hold {name}). */
  title: string;
  /** Four lines; {name} is replaced by the recipient exactly as written, at least once. */
  lines: readonly [string, string, string, string];
}

/** A line that says something only some intents mean ("I'm grateful...", "you did it") carries the
 *  intents it fits; a plain string fits any. */
export type BankLine = string | readonly [string, readonly Theme[]];

export interface RhymeFamily {
  /** Folded words (lower case, no accents) that end in this rhyme. */
  words: readonly string[];
  /** Lines that end on a word of this family, to answer a key phrase that ends in one. */
  lines: readonly BankLine[];
}

/** The bank lines that fit an intent, as text. */
export function fitting(lines: readonly BankLine[], intent: Theme): string[] {
  return lines.flatMap((l) => (typeof l === 'string' ? [l] : l[1].includes(intent) ? [l[0]] : []));
}

export interface LyricBank {
  verse: Record<Theme, readonly Couplet[]>;
  chorus: Record<Theme, readonly ChorusTemplate[]>;
  bridge: Record<Theme, readonly Couplet[]>;
  /** Couplets that tint a verse with the vibe, for any theme. */
  vibe: Record<Vibe, readonly Couplet[]>;
  /** Couplets that fit any theme (a bridge or a verse when the theme's own run out). */
  any: readonly Couplet[];
  rhymes: readonly RhymeFamily[];
  /** Lines that need no rhyme, for the free line of an ABCB verse. */
  free: readonly string[];
  /** Frames for a key phrase too short to fill a line: {phrase} is the sender's words. */
  shortFrames: readonly string[];
}
