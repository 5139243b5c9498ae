// Lays out and draws the cover's words: the title large, then "for …" / "from …" smaller. Layout is
// measured, never guessed: the title shrinks and wraps (by words, then by characters for one very long
// word) until the whole block fits its box, so a 40-character name cannot overflow or be clipped.
import type { Genre } from '@radio-optimism/shared';
import { fontSpec, type Face } from './fonts.js';
import type { Area } from './motifs.js';
import { luminance, withAlpha, type Palette } from './palette.js';
import { roundRect, type Ctx } from './shapes.js';

export interface TypeStyle {
  face: Face;
  weight: number;
  italic: boolean;
  upper: boolean;
  align: 'left' | 'center';
  anchor: 'top' | 'bottom';
  panel: 'block' | 'glass' | 'scrim';
}

export const GENRE_TYPE: Record<Genre, TypeStyle> = {
  pop: { face: 'sans', weight: 900, italic: false, upper: false, align: 'center', anchor: 'bottom', panel: 'glass' },
  ballad: { face: 'serif', weight: 400, italic: false, upper: false, align: 'center', anchor: 'bottom', panel: 'scrim' },
  acoustic: { face: 'serif', weight: 400, italic: false, upper: false, align: 'center', anchor: 'bottom', panel: 'block' },
  rock: { face: 'condensed', weight: 400, italic: false, upper: true, align: 'left', anchor: 'top', panel: 'block' },
  rnb: { face: 'serif', weight: 400, italic: true, upper: false, align: 'center', anchor: 'bottom', panel: 'scrim' },
  lofi: { face: 'sans', weight: 700, italic: false, upper: false, align: 'left', anchor: 'bottom', panel: 'glass' },
  dance: { face: 'condensed', weight: 400, italic: false, upper: true, align: 'center', anchor: 'bottom', panel: 'scrim' },
  jazz: { face: 'condensed', weight: 400, italic: false, upper: true, align: 'left', anchor: 'top', panel: 'block' },
};

export interface TextLine {
  role: 'title' | 'sub';
  text: string;
  font: string;
  size: number;
  width: number;
}

export interface TextLayout {
  lines: TextLine[];
  /** Box of the panel (text plus padding), in canvas pixels. */
  box: Area;
  /** Space between the title and the smaller lines (a short rule sits in its middle). */
  gap: number;
  /** Height of the lines and the gap, without padding. */
  textHeight: number;
  /** Widest line, for checks: it never exceeds the box's inner width. */
  maxLineWidth: number;
  innerWidth: number;
}

const TITLE_LEADING = 1.12;
const SUB_LEADING = 1.3;

/** Splits text into lines no wider than `width`: by spaces first, then inside a word too long alone. */
export function wrap(measure: (t: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    if (measure(word) <= width) {
      current = word;
      continue;
    }
    // One word wider than the box: break between grapheme clusters (never inside an emoji or accent).
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)) {
      if (current && measure(current + segment) > width) {
        lines.push(current);
        current = segment;
      } else current += segment;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export interface LayoutRequest {
  size: number;
  title: string;
  subs: string[];
  style: TypeStyle;
  small: boolean;
}

export function layoutText(ctx: Ctx, req: LayoutRequest): TextLayout {
  const { size, style, small } = req;
  const margin = size * (small ? 0.055 : 0.065);
  const pad = size * (small ? 0.04 : 0.04);
  const inner = size - 2 * margin - 2 * pad;
  const maxHeight = size * (small ? 0.62 : 0.46) - 2 * pad;
  const maxTitle = size * (small ? 0.17 : 0.125);
  const minTitle = size * (small ? 0.075 : 0.04);
  const subMax = size * (small ? 0.068 : 0.05);
  const subMin = size * (small ? 0.055 : 0.03);
  const titleFont = (px: number): string => fontSpec(style.face, style.weight, px, style.italic);
  const subFont = (px: number): string => fontSpec('sans', 700, px);
  const measurer = (font: string) => (t: string): number => {
    ctx.font = font;
    return ctx.measureText(t).width;
  };

  let chosen: TextLine[] | undefined;
  let gap = 0;
  let textHeight = 0;
  for (let px = maxTitle; px >= size * 0.012; px *= 0.94) {
    const atMin = px <= minTitle;
    const tFont = titleFont(px);
    const mT = measurer(tFont);
    const titleLines = wrap(mT, req.title, inner);
    if (!atMin && titleLines.length > 3) continue;
    const subPx = Math.min(subMax, Math.max(atMin ? Math.min(subMin, px) : subMin, px * 0.42));
    const sFont = subFont(subPx);
    const mS = measurer(sFont);
    const subLines = req.subs.flatMap((s) => wrap(mS, s, inner));
    if (!atMin && subLines.length > req.subs.length * 2) continue;
    gap = subLines.length > 0 ? subPx * 0.9 : 0;
    textHeight = titleLines.length * px * TITLE_LEADING + gap + subLines.length * subPx * SUB_LEADING;
    if (textHeight > maxHeight) continue;
    chosen = [
      ...titleLines.map((text): TextLine => ({ role: 'title', text, font: tFont, size: px, width: mT(text) })),
      ...subLines.map((text): TextLine => ({ role: 'sub', text, font: sFont, size: subPx, width: mS(text) })),
    ];
    break;
  }
  if (!chosen) throw new Error('cover text could not be fitted');
  const maxLineWidth = Math.max(...chosen.map((l) => l.width));
  const boxW = style.panel === 'scrim' ? size - 2 * margin : (style.align === 'center' ? maxLineWidth : inner) + 2 * pad;
  const boxH = textHeight + 2 * pad;
  const boxX = style.align === 'center' || style.panel === 'scrim' ? (size - boxW) / 2 : margin;
  const boxY = style.anchor === 'top' ? margin : size - margin - boxH;
  return { lines: chosen, box: { x: boxX, y: boxY, w: boxW, h: boxH }, gap, textHeight, maxLineWidth, innerWidth: inner };
}

export function drawText(ctx: Ctx, size: number, layout: TextLayout, style: TypeStyle, pal: Palette, panelColour: string): void {
  const { box } = layout;
  let ink: string;
  let shadow: string | undefined;
  if (style.panel === 'scrim') {
    const fromY = style.anchor === 'top' ? 0 : size;
    const toY = style.anchor === 'top' ? box.y + box.h + size * 0.12 : box.y - size * 0.12;
    const g = ctx.createLinearGradient(0, fromY, 0, toY);
    g.addColorStop(0, 'rgba(5,2,12,0.82)');
    g.addColorStop(0.55, 'rgba(5,2,12,0.6)');
    g.addColorStop(1, 'rgba(5,2,12,0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, Math.min(fromY, toY), size, Math.abs(toY - fromY));
    ink = 'rgb(255,255,255)';
    shadow = 'rgba(0,0,0,0.75)';
  } else if (style.panel === 'glass') {
    const light = !pal.dark;
    roundRect(ctx, box.x, box.y, box.w, box.h, size * 0.025);
    ctx.fillStyle = light ? 'rgba(255,255,255,0.82)' : 'rgba(12,10,24,0.72)';
    ctx.fill();
    ink = light ? 'rgb(22,18,34)' : 'rgb(255,255,255)';
  } else {
    ctx.fillStyle = panelColour;
    ctx.fillRect(box.x, box.y, box.w, box.h);
    ink = contrastInk(panelColour);
  }
  const pad = (box.h - layout.textHeight) / 2;
  const centred = style.align === 'center' || style.panel === 'scrim';
  const x = centred ? size / 2 : box.x + pad;
  ctx.textAlign = centred ? 'center' : 'left';
  ctx.textBaseline = 'middle';
  if (shadow) {
    ctx.shadowColor = shadow;
    ctx.shadowBlur = size * 0.012;
    ctx.shadowOffsetY = size * 0.003;
  }
  let y = box.y + pad;
  let previous: TextLine['role'] = 'title';
  for (const line of layout.lines) {
    if (line.role === 'sub' && previous === 'title') {
      // A short rule in the gap, in the ink colour, ties the names to the title.
      const rw = Math.min(size * 0.09, layout.maxLineWidth);
      ctx.fillStyle = withAlpha(ink, 0.7);
      ctx.fillRect(centred ? x - rw / 2 : x, y + layout.gap / 2 - size * 0.002, rw, size * 0.004);
      y += layout.gap;
    }
    previous = line.role;
    const lead = line.size * (line.role === 'sub' ? SUB_LEADING : TITLE_LEADING);
    ctx.fillStyle = ink;
    ctx.font = line.font;
    ctx.fillText(line.text, x, y + lead / 2);
    y += lead;
  }
  ctx.shadowColor = 'rgba(0,0,0,0)';
  ctx.shadowBlur = 0;
  ctx.shadowOffsetY = 0;
}

/** Black or white, whichever contrasts more with the panel (WCAG contrast ratio). */
export function contrastInk(panel: string): string {
  const l = luminance(panel);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? 'rgb(16,14,20)' : 'rgb(255,255,255)';
}
