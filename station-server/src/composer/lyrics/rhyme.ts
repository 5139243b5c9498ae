// Finds the rhyme family a key phrase ends in, so the next line can answer it. A word matches a family
// when it is one of its words or ends in one of them (someday ~ day, tonight ~ night).
import type { RhymeFamily } from './bank.js';

export function rhymeFamilyOf(endWord: string, families: readonly RhymeFamily[]): RhymeFamily | undefined {
  if (endWord === '') return undefined;
  for (const family of families) if (family.words.includes(endWord)) return family;
  for (const family of families) {
    if (family.words.some((w) => w.length >= 3 && endWord.length > w.length && endWord.endsWith(w))) return family;
  }
  return undefined;
}

/** The folded last word of a line. */
export function lastWord(line: string): string {
  const words = line.trim().split(/\s+/u);
  return (words[words.length - 1] ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
