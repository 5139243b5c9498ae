// Counts how often a lexicon's entries occur in a folded message. Phrases weigh more than stems: "thank
// you for everything" says more than a lone "love".
import type { Language } from '@radio-optimism/shared';
import { fold } from './text.js';

export interface FoldedMessage {
  words: string[];
  /** The words joined by single spaces, padded with a space at each end. */
  padded: string;
}

export function foldMessage(words: string[]): FoldedMessage {
  return { words, padded: ` ${words.join(' ')} ` };
}

const foldedEntries = new Map<string, string>();
function foldEntry(entry: string): string {
  let hit = foldedEntries.get(entry);
  if (hit === undefined) {
    hit = fold(entry).replace(/\s+/g, ' ').trim();
    foldedEntries.set(entry, hit);
  }
  return hit;
}

/** Weighted hits of `entries` in the message; stop words never match a stem. */
export function countHits(message: FoldedMessage, entries: readonly string[], language: Language, stopWords: ReadonlySet<string>, whole = false): number {
  let score = 0;
  for (const raw of entries) {
    const exact = whole || raw.startsWith('=');
    const entry = foldEntry(raw.replace(/^=/, ''));
    if (language === 'ko') {
      // Endings attach to Korean stems, so an entry may sit inside an eojeol.
      score += occurrences(message.padded, entry) * (entry.length >= 2 ? 1.5 : 1);
    } else if (entry.includes(' ')) {
      score += occurrences(message.padded, ` ${entry} `) * 2;
    } else {
      for (const word of message.words) {
        if (exact ? word === entry || word === `${entry}s` : word.startsWith(entry) && !stopWords.has(word)) score += 1;
      }
    }
  }
  return score;
}

function occurrences(haystack: string, needle: string): number {
  if (needle === '' || needle === '  ') return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}
