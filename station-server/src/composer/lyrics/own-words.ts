// The sender's own words as the song's lyrics: each block of lines (blank lines between) is a
// section, each line one sung line, sung exactly as written. A block that comes back word for word
// is the chorus (a new block after two choruses, the bridge); with no repeat, blocks alternate verse
// and chorus (a lone block is a verse). Words
// too few for a song (the song check wants at least 45 s) are stretched by singing the chorus
// again at the end (or, with no chorus, the whole text), never by adding words of ours.
import { lyricSections } from '@radio-optimism/shared';
import { syllabifyLine } from '../syllables/syllabify.js';
import type { LyricSection, Lyrics, SectionKind, Understanding } from '../types.js';

/** Sung lines a song needs at least: about 4 s each, plus the intro and outro, passes 45 s. */
export const MIN_SUNG_LINES = 10;
const MAX_TITLE = 32;
const HAS_WORDS = /[\p{L}\p{N}]/u;

export function lyricsFromText(text: string, u: Understanding): Lyrics {
  const blocks = lyricSections(text)
    .map((lines) => lines.filter((l) => HAS_WORDS.test(l)))
    .filter((lines) => lines.length > 0);
  if (blocks.length === 0) throw new Error('the lyrics have no line with words to sing');
  const keys = blocks.map((b) => b.join('\n').toLocaleLowerCase());
  const repeated = keys.some((k, i) => keys.indexOf(k) !== i);
  const isChorus = (i: number): boolean => (repeated ? keys.indexOf(keys[i]!) !== keys.lastIndexOf(keys[i]!) : i % 2 === 1);
  // A new block after two choruses is the bridge (the writer's form, so a draft comes back as written).
  const kinds: SectionKind[] = blocks.map((_, i) => (isChorus(i) ? 'chorus' : repeated && blocks.slice(0, i).filter((__, j) => isChorus(j)).length >= 2 ? 'bridge' : 'verse'));
  const section = (kind: SectionKind, lines: string[]): LyricSection => ({
    kind,
    lines: lines.map((t) => ({ text: t, syllables: syllabifyLine(t, u.language) })),
  });
  const sections = blocks.map((lines, i) => section(kinds[i]!, lines));
  const chorus = sections.find((s) => s.kind === 'chorus');
  const again = chorus ? [chorus] : [...sections];
  const count = (): number => sections.reduce((n, s) => n + s.lines.length, 0);
  while (count() < MIN_SUNG_LINES) for (const s of again) sections.push({ kind: s.kind, lines: s.lines });
  return { language: u.language, title: titleOf(chorus ?? sections[0]!, u), sections };
}

/** The chorus's (else the first section's) line that names the recipient, else its first line,
 *  when short enough for a title; else the recipient's name. */
function titleOf(section: LyricSection, u: Understanding): string {
  const lines = section.lines.map((l) => l.text.replace(/[\s,;:.!?…-]+$/u, ''));
  const named = lines.find((l) => l.toLocaleLowerCase().includes(u.recipient.toLocaleLowerCase()));
  const line = named ?? lines[0]!;
  return line.length <= MAX_TITLE ? line : u.recipient;
}

/** Lyrics as the sender would write them: one line per line, a blank line between sections. */
export function lyricsToText(lyrics: Lyrics): string {
  return lyrics.sections.map((s) => s.lines.map((l) => l.text).join('\n')).join('\n\n');
}
