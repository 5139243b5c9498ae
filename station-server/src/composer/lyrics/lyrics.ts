// Stage 2, lyrics: writes an original song text from what the message means. Form: verse, chorus,
// verse, chorus, bridge, chorus (22 lines, about 90 s at four seconds a line). Each language writes from
// its own bank; the seed picks among the lines, so another seed gives another song.
import type { Genre, Vibe } from '@radio-optimism/shared';
import { createRandom, hashString } from '../random.js';
import { syllabifyLine } from '../syllables/syllabify.js';
import type { LyricLine, LyricSection, Lyrics, SectionKind, Understanding } from '../types.js';
import { BANKS } from './banks/index.js';
import { phraseGroups, type PhraseGroup } from './phrase-lines.js';
import { toGeudae } from './korean.js';
import { pickChorus, writeBridge, writeVerse, type SectionContext } from './sections.js';

export interface LyricsOptions {
  genre: Genre;
  vibe: Vibe;
  seed: number;
}

export function writeLyrics(u: Understanding, opts: LyricsOptions): Lyrics {
  const bank = BANKS[u.language];
  const random = createRandom(hashString(`lyrics|${u.language}|${u.theme}|${opts.vibe}`, opts.seed >>> 0));
  const ctx: SectionContext = { bank, language: u.language, theme: u.theme, vibe: opts.vibe, random, used: new Set(), details: u.details };
  const groups = phraseGroups(u.phrases, u.language, bank, (i) => random.fork(`frame${i}`).int(0, 99));
  // The two verses sing two different sentences, so no sentence is split by a chorus.
  const first = groups[0];
  const second = first ? groups.find((g) => g.sentence !== first.sentence) : undefined;
  const chorus = pickChorus(ctx);
  const chorusLines = chorus.lines.map((l) => fillName(capitalize(l), u.recipient));

  const verse1 = writeVerse(ctx, first, false);
  const verse2 = writeVerse(ctx, second, true);
  const bridge = writeBridge(ctx);
  const plan: [SectionKind, string[]][] = [
    ['verse', verse1],
    ['chorus', chorusLines],
    ['verse', verse2],
    ['chorus', chorusLines],
    ['bridge', bridge],
    ['chorus', chorusLines],
  ];
  const sections: LyricSection[] = plan.map(([kind, lines]) => ({
    kind,
    lines: lines.map((text) => toLine(kind === 'chorus' || startsWithName(text, u) ? text : capitalize(text), u)),
  }));
  const title = titleOf(chorus.title, first, u);
  return { language: u.language, title: u.language === 'ko' && !FAMILIAR.has(u.relation) ? toGeudae(title) : title, sections };
}

// Korean lines say 너 to friends, partners, pets and oneself; anyone else (a parent, a team, a stranger) is 그대.
const FAMILIAR: ReadonlySet<Understanding['relation']> = new Set(['friend', 'partner', 'pet', 'self']);

// Names are sung and shown exactly as written, so a line that opens with one keeps its case.
const startsWithName = (text: string, u: Understanding): boolean => text.startsWith(u.recipient) || (u.sender !== undefined && text.startsWith(u.sender));

function toLine(text: string, u: Understanding): LyricLine {
  let clean = text.replace(/\s+/gu, ' ').trim();
  if (u.language === 'ko' && !FAMILIAR.has(u.relation)) clean = toGeudae(clean);
  return { text: clean, syllables: syllabifyLine(clean, u.language) };
}

const MAX_TITLE = 32;

/** The chorus's title when it names the recipient; a generic hook ("Thank You") gives way to the
 *  sender's own words when a phrase that makes the act fits a title, else takes the recipient's name. */
function titleOf(hook: string, phrase: PhraseGroup | undefined, u: Understanding): string {
  if (hook.includes('{name}')) return fillName(hook, u.recipient);
  const own = phrase?.act && phrase.lines.length === 1 ? phrase.lines[0]!.words : undefined;
  if (own && own.length <= MAX_TITLE && own.split(/\s+/u).length >= 2 && !own.includes('{')) return capitalize(own);
  const named = `${hook}, ${u.recipient}`;
  return named.length <= MAX_TITLE ? named : hook;
}

/** Puts the recipient's name in exactly as written (no `$` patterns, no case change). */
function fillName(template: string, name: string): string {
  return template.split('{name}').join(name);
}

function capitalize(line: string): string {
  const first = line.charAt(0);
  return first === '{' ? line : first.toLocaleUpperCase() + line.slice(1);
}
