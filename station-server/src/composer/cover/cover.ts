// Stage 6, cover art: an original square cover drawn from the song. Genre and vibe choose palette and
// form, the theme adds a motif, the seed places everything; then the title and the names are set on top.
// The small cover reuses the art (downscaled) but lays its own, larger type, so it stays legible.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { CoverImages, CoverInput } from '../types.js';
import { createRandom, type Random } from '../random.js';
import { paintArt } from './art.js';
import { drawable, ensureFonts } from './fonts.js';
import { paintMotif, type Area } from './motifs.js';
import { makePalette, type Palette } from './palette.js';
import { drawText, GENRE_TYPE, layoutText, type TypeStyle } from './typography.js';
import { paintGrain, paintVibe } from './vibe-touch.js';
import { forLine, fromLine, youWord } from './words.js';

export const LARGE_SIZE = 1200;
export const SMALL_SIZE = 320;

export class CoverError extends Error {
  readonly code = 'cover-failed';
}

/** The words the cover will show, after dropping what our fonts cannot draw. */
export interface CoverText {
  title: string;
  forLine: string;
  fromLine: string | undefined;
  /** Grapheme clusters removed (no shipped font has them); empty when everything is drawable. */
  dropped: string[];
}

export function coverText(input: CoverInput, style: TypeStyle = GENRE_TYPE[input.genre]): CoverText {
  const title = drawable(input.title);
  const recipient = drawable(input.recipient);
  const sender = input.sender === undefined ? undefined : drawable(input.sender);
  const upper = style.upper && input.language !== 'ko';
  const shownTitle = title.text || recipient.text || youWord(input.language);
  return {
    title: upper ? shownTitle.toLocaleUpperCase(input.language) : shownTitle,
    forLine: forLine(input.language, recipient.text || youWord(input.language)),
    fromLine: sender?.text ? fromLine(input.language, sender.text) : undefined,
    dropped: [...title.dropped, ...recipient.dropped, ...(sender?.dropped ?? [])],
  };
}

export async function paintCover(input: CoverInput): Promise<CoverImages> {
  try {
    ensureFonts();
    const random = createRandom(input.seed >>> 0).fork('cover');
    const style = styleFor(input.genre, random.fork('type'));
    const text = coverText(input, style);
    const palette = makePalette(input.genre, input.vibe, random.fork('palette'));

    const large = createCanvas(LARGE_SIZE, LARGE_SIZE);
    const ctx = large.getContext('2d');
    paintArt(ctx, LARGE_SIZE, input.genre, palette, random.fork('art'));
    paintVibe(ctx, LARGE_SIZE, input.vibe, palette, random.fork('vibe'));
    const largeLayout = layoutText(ctx, { size: LARGE_SIZE, title: text.title, subs: subs(text), style, small: false });
    paintMotif(ctx, input.theme, freeArea(LARGE_SIZE, largeLayout.box, style), palette, random.fork('motif'), LARGE_SIZE);
    paintGrain(ctx, LARGE_SIZE, palette.grain);

    const small = createCanvas(SMALL_SIZE, SMALL_SIZE);
    const sctx = small.getContext('2d');
    sctx.imageSmoothingEnabled = true;
    sctx.imageSmoothingQuality = 'high';
    sctx.drawImage(large, 0, 0, SMALL_SIZE, SMALL_SIZE);

    const panel = panelColour(input.genre, palette, random.fork('panel').int(0, 2));
    drawText(ctx, LARGE_SIZE, largeLayout, style, palette, panel);
    drawText(sctx, SMALL_SIZE, smallLayout(sctx, text, style), style, palette, panel);

    const [largeJpeg, smallJpeg] = await Promise.all([encode(large), encode(small)]);
    return { large: largeJpeg, small: smallJpeg };
  } catch (error) {
    if (error instanceof CoverError) throw error;
    throw new CoverError(`cover art failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

// Poster-like genres may set their type at the top or the bottom; the seed decides, for variety.
const FLEXIBLE: ReadonlySet<CoverInput['genre']> = new Set(['pop', 'rock', 'lofi', 'jazz']);

function styleFor(genre: CoverInput['genre'], random: Random): TypeStyle {
  const style = GENRE_TYPE[genre];
  if (!FLEXIBLE.has(genre) || !random.chance(0.4)) return style;
  return { ...style, anchor: style.anchor === 'top' ? 'bottom' : 'top' };
}

/** Registers the cover fonts now (about 0.3-0.4 s, once per process) instead of on the first cover. */
export function prepareCover(): void {
  ensureFonts();
}

const subs = (text: CoverText): string[] => (text.fromLine ? [text.forLine, text.fromLine] : [text.forLine]);

/** Small covers show the title and the recipient; the sender only adds noise at 320 px. */
function smallLayout(ctx: ReturnType<Canvas['getContext']>, text: CoverText, style: TypeStyle) {
  return layoutText(ctx, { size: SMALL_SIZE, title: text.title, subs: [text.forLine], style, small: true });
}

/** The part of the cover the text panel leaves for the motif. */
function freeArea(size: number, box: Area, style: TypeStyle): Area {
  const m = size * 0.06;
  if (style.anchor === 'bottom') return { x: m, y: m, w: size - 2 * m, h: Math.max(size * 0.2, box.y - 2 * m) };
  const top = box.y + box.h + m;
  return { x: m, y: top, w: size - 2 * m, h: Math.max(size * 0.2, size - top - m) };
}

/** Solid panels: a paper label for acoustic, a hard poster block for rock and jazz (seed picks which). */
function panelColour(genre: CoverInput['genre'], pal: Palette, pick: number): string {
  if (genre === 'acoustic') return 'rgb(250,243,228)';
  if (genre === 'rock') return ['rgb(255,214,0)', 'rgb(242,240,236)', 'rgb(225,30,40)'][pick % 3]!;
  if (genre === 'jazz') return ['rgb(244,240,230)', 'rgb(14,14,16)', 'rgb(240,150,30)'][pick % 3]!;
  return pal.accents[0]!;
}

/** JPEG quality: at 85 the grain and the type look as they do in the PNG, at a tenth of its bytes. */
export const COVER_JPEG_QUALITY = 85;

function encode(canvas: Canvas): Promise<Buffer> {
  return canvas.encode('jpeg', COVER_JPEG_QUALITY);
}
