// Builds the song's sections from a language's bank: verses that carry the sender's phrases (a phrase
// on one line answered by a rhyme when its last word has one, else by a free line; a phrase on two lines
// sung as they are), a chorus that names the recipient, and a bridge. A bank couplet is often one
// sentence and a phrase of the message always is, so neither is ever split by another line. Bank lines
// come from the intent's own pool; a vibe tints a verse only where its lines fit the intent (no dance
// floor in an apology). Lines are chosen to keep syllable counts close within a section, so the
// melody can reuse one rhythm across them.
import type { Language, Theme, Vibe } from '@radio-optimism/shared';
import type { Random } from '../random.js';
import { countSyllables } from '../syllables/syllabify.js';
import { fitting, type ChorusTemplate, type Couplet, type LyricBank } from './bank.js';
import type { PhraseGroup } from './phrase-lines.js';
import { lastWord, rhymeFamilyOf } from './rhyme.js';
import { drawsOnDetails, fitsDetails } from './imagery.js';
import type { Detail } from '../types.js';

export interface SectionContext {
  bank: LyricBank;
  language: Language;
  theme: Theme;
  vibe: Vibe;
  random: Random;
  /** Lines already sung in this song, so nothing repeats outside the chorus. */
  used: Set<string>;
  /** The occasions the message names: bank imagery must fit them. */
  details: readonly Detail[];
}

const count = (ctx: SectionContext, line: string): number => countSyllables(line, ctx.language);

// Which intents each vibe's couplets suit: the upbeat and playful ones party, the epic ones march.
const ALL: readonly Theme[] = ['love', 'gratitude', 'encouragement', 'celebration', 'apology', 'missing-you', 'pride'];
export const VIBE_FITS: Record<Vibe, readonly Theme[]> = {
  upbeat: ['celebration', 'encouragement', 'pride', 'love', 'gratitude'],
  playful: ['celebration', 'love', 'gratitude', 'pride'],
  epic: ['encouragement', 'pride', 'celebration'],
  heartfelt: ALL,
  calm: ['love', 'gratitude', 'encouragement', 'apology', 'missing-you', 'pride'],
  nostalgic: ['missing-you', 'gratitude', 'love', 'apology'],
};

/** A couplet not yet used: the theme's own first, then the vibe's (when tinting), then any. */
function takeCouplet(ctx: SectionContext, tint: boolean): Couplet {
  const fresh = ctx.bank.verse[ctx.theme].filter((c) => !ctx.used.has(c[0]) && fitsDetails(c, ctx.language, ctx.details));
  // A couplet drawn from the message's own occasion comes first (the candles for a birthday).
  const drawn = fresh.filter((c) => drawsOnDetails(c, ctx.language, ctx.details));
  const own = drawn.length > 0 ? drawn : fresh;
  const vibe = VIBE_FITS[ctx.vibe].includes(ctx.theme) ? ctx.bank.vibe[ctx.vibe].filter((c) => !ctx.used.has(c[0])) : [];
  const any = ctx.bank.any.filter((c) => !ctx.used.has(c[0]));
  const pool = tint && vibe.length > 0 ? vibe : own.length > 0 ? own : any.length > 0 ? any : vibe.length > 0 ? vibe : ctx.bank.verse[ctx.theme];
  const couplet = ctx.random.pick(pool);
  ctx.used.add(couplet[0]);
  return couplet;
}

/** Of `options`, one whose syllable count is closest to `target` (ties broken by the seed). */
function closest(ctx: SectionContext, options: readonly string[], target: number): string | undefined {
  const fresh = options.filter((o) => !ctx.used.has(o));
  if (fresh.length === 0) return undefined;
  const scored = fresh.map((o) => ({ o, d: Math.abs(count(ctx, o) - target) }));
  const best = Math.min(...scored.map((s) => s.d));
  const chosen = ctx.random.pick(scored.filter((s) => s.d <= best + 1).map((s) => s.o));
  ctx.used.add(chosen);
  return chosen;
}

export function writeVerse(ctx: SectionContext, group: PhraseGroup | undefined, tint: boolean): string[] {
  const a = takeCouplet(ctx, tint);
  // A phrase on two lines fills the verse's first half as the sender wrote it.
  if (group && group.lines.length === 2) return [group.lines[0]!.text, group.lines[1]!.text, a[0], a[1]];
  const phrase = group?.lines[0];
  if (!phrase) {
    const b = takeCouplet(ctx, false);
    // AABB, in either order: a couplet is often one sentence, so its lines stay together.
    return ctx.random.chance(0.5) ? [a[0], a[1], b[0], b[1]] : [b[0], b[1], a[0], a[1]];
  }
  const family = ctx.language === 'ko' ? undefined : rhymeFamilyOf(phrase.endWord, ctx.bank.rhymes);
  const answer = family ? closest(ctx, fitting(family.lines, ctx.theme).filter((l) => lastWord(l) !== phrase.endWord), phrase.count) : undefined;
  if (answer) return [phrase.text, answer, a[0], a[1]];
  // No rhyme for the sender's words: a free line answers them, and the couplet stays whole after it.
  const free = closest(ctx, ctx.bank.free, phrase.count) ?? ctx.bank.free[0]!;
  return [phrase.text, free, a[0], a[1]];
}

export function pickChorus(ctx: SectionContext): ChorusTemplate {
  return ctx.random.pick(ctx.bank.chorus[ctx.theme]);
}

export function writeBridge(ctx: SectionContext): string[] {
  // Mostly the theme's own bridge; now and then a general one, for variety between seeds.
  const own = ctx.bank.bridge[ctx.theme].filter((c) => !ctx.used.has(c[0]));
  const pool = own.length > 0 && ctx.random.chance(0.7) ? own : [...own, ...ctx.bank.any.filter((c) => !ctx.used.has(c[0]))];
  const couplet = ctx.random.pick(pool.length > 0 ? pool : ctx.bank.bridge[ctx.theme]);
  ctx.used.add(couplet[0]);
  return [couplet[0], couplet[1]];
}
