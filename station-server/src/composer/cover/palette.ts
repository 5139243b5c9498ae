// Colour: each genre has a home palette; the vibe moves it (cooler, warmer, faded, vivid, darker) and the
// seed nudges the hues a little, so covers of one genre share a family look without being identical.
import type { Genre, Vibe } from '@radio-optimism/shared';
import type { Random } from '../random.js';

export interface Hsl {
  h: number; // degrees
  s: number; // 0..100
  l: number; // 0..100
}

export interface Palette {
  /** Background gradient, top to bottom. */
  sky: [string, string];
  /** Accent colours for shapes, most important first. */
  accents: string[];
  /** True when the background is dark (text over bare art should then be light). */
  dark: boolean;
  /** Shape count multiplier: calm is sparse, playful and upbeat are busy. */
  energy: number;
  /** Film fade 0..1 (nostalgic lifts the blacks and warms the whites). */
  fade: number;
  /** Grain 0..1. */
  grain: number;
}

interface GenreColours {
  sky: [Hsl, Hsl];
  accents: Hsl[];
  grain: number;
  /** 0..1: how much the genre resists the vibe's hue pull (wood stays wood, rock stays red). */
  hueLock?: number;
}

const c = (h: number, s: number, l: number): Hsl => ({ h, s, l });

const GENRES: Record<Genre, GenreColours> = {
  pop: { sky: [c(320, 90, 74), c(45, 95, 72)], accents: [c(330, 90, 58), c(195, 90, 52), c(50, 98, 58), c(270, 75, 62), c(160, 70, 50)], grain: 0 },
  ballad: { sky: [c(235, 45, 32), c(330, 45, 62)], accents: [c(35, 90, 80), c(320, 70, 82), c(200, 70, 82), c(50, 80, 88)], grain: 0 },
  acoustic: { sky: [c(38, 55, 86), c(28, 45, 74)], accents: [c(24, 55, 38), c(32, 60, 52), c(95, 30, 42), c(12, 55, 48), c(42, 70, 60)], grain: 0.25, hueLock: 0.85 },
  rock: { sky: [c(0, 0, 7), c(0, 10, 12)], accents: [c(2, 88, 48), c(48, 100, 52), c(0, 0, 96), c(0, 0, 30)], grain: 0.2, hueLock: 0.7 },
  rnb: { sky: [c(275, 70, 12), c(300, 60, 26)], accents: [c(285, 80, 55), c(320, 85, 62), c(260, 70, 70), c(40, 80, 70)], grain: 0 },
  lofi: { sky: [c(20, 60, 84), c(260, 40, 80)], accents: [c(15, 85, 66), c(175, 35, 58), c(265, 30, 50), c(230, 35, 36)], grain: 0.4 },
  dance: { sky: [c(250, 70, 8), c(285, 75, 18)], accents: [c(300, 100, 60), c(180, 100, 50), c(55, 100, 55), c(330, 100, 60), c(140, 100, 50)], grain: 0 },
  jazz: { sky: [c(205, 85, 40), c(205, 80, 36)], accents: [c(0, 0, 6), c(38, 95, 55), c(0, 0, 96), c(8, 80, 50), c(205, 90, 22)], grain: 0.15, hueLock: 0.5 },
};

interface VibeShift {
  toward?: { hue: number; amount: number };
  sat: number;
  light: number;
  energy: number;
  fade: number;
  grain: number;
}

const VIBES: Record<Vibe, VibeShift> = {
  upbeat: { sat: 1.15, light: 4, energy: 1.25, fade: 0, grain: 0 },
  heartfelt: { toward: { hue: 15, amount: 0.3 }, sat: 1, light: 2, energy: 0.9, fade: 0, grain: 0 },
  calm: { toward: { hue: 205, amount: 0.4 }, sat: 0.62, light: 3, energy: 0.5, fade: 0, grain: 0 },
  epic: { sat: 1.05, light: -12, energy: 1.1, fade: 0, grain: 0.1 },
  playful: { sat: 1.15, light: 3, energy: 1.45, fade: 0, grain: 0 },
  nostalgic: { toward: { hue: 35, amount: 0.3 }, sat: 0.7, light: 0, energy: 0.8, fade: 0.22, grain: 0.25 },
};

export function makePalette(genre: Genre, vibe: Vibe, random: Random): Palette {
  const g = GENRES[genre];
  const v = VIBES[vibe];
  const jitter = (random.next() - 0.5) * 24;
  const move = (x: Hsl, isSky: boolean): Hsl => {
    let h = x.h + (x.s > 5 ? jitter : 0);
    if (v.toward && x.s > 5) h = mixHue(h, v.toward.hue, v.toward.amount * (1 - (g.hueLock ?? 0)));
    // Keep near-greys grey (rock's black, jazz's white) and keep dark skies dark under "epic".
    const s = x.s < 5 ? x.s : clamp(x.s * v.sat, 0, 100);
    const l = clamp(x.l + (isSky ? v.light : v.light / 2), 3, 97);
    return { h, s, l };
  };
  const sky = g.sky.map((x) => move(x, true)) as [Hsl, Hsl];
  const accents = g.accents.map((x) => move(x, false));
  // Rotate which accent leads, so seeds of one genre do not all share the same hero colour.
  const lead = random.int(0, Math.min(2, accents.length - 1));
  const ordered = [...accents.slice(lead), ...accents.slice(0, lead)];
  return {
    sky: [css(sky[0]), css(sky[1])],
    accents: ordered.map((x) => css(x)),
    dark: (sky[0].l + sky[1].l) / 2 < 45,
    energy: v.energy,
    fade: v.fade,
    grain: clamp(g.grain + v.grain, 0, 1),
  };
}

function mixHue(from: number, to: number, amount: number): number {
  const d = ((((to - from) % 360) + 540) % 360) - 180;
  return from + d * amount;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export function css({ h, s, l }: Hsl, alpha = 1): string {
  const [r, g, b] = hslToRgb(h, s, l);
  return alpha >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha.toFixed(3)})`;
}

export function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const hh = (((h % 360) + 360) % 360) / 360;
  const ss = s / 100;
  const ll = l / 100;
  const q = ll < 0.5 ? ll * (1 + ss) : ll + ss - ll * ss;
  const p = 2 * ll - q;
  const channel = (t0: number): number => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [channel(hh + 1 / 3), channel(hh), channel(hh - 1 / 3)].map((x) => Math.round(x * 255)) as [number, number, number];
}

/** Parses the `rgb(r,g,b)` strings this module makes, for contrast decisions. */
export function luminance(color: string): number {
  const m = /(\d+),(\d+),(\d+)/.exec(color);
  if (!m) return 0.5;
  const lin = (v: number): number => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(Number(m[1])) + 0.7152 * lin(Number(m[2])) + 0.0722 * lin(Number(m[3]));
}

/** An `rgb(...)` colour with an alpha. */
export function withAlpha(color: string, alpha: number): string {
  const m = /(\d+),(\d+),(\d+)/.exec(color);
  return m ? `rgba(${m[1]},${m[2]},${m[3]},${alpha.toFixed(3)})` : color;
}
