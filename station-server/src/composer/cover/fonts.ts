// The cover's fonts, all shipped inside npm packages (nothing from the OS, nothing downloaded), registered
// once per process under our own family names. Every face stack ends in the same fallbacks, so any
// glyph the display face lacks (Hangul, Hebrew, Arabic, emoji) is drawn by a face we ship.
import { GlobalFonts } from '@napi-rs/canvas';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { covers, readCoverage, type Coverage } from './cmap.js';

export type Face = 'sans' | 'condensed' | 'serif';

interface FontFile {
  pkg: string;
  file: string;
  family: string;
  /** Read this file's cmap into the coverage union (one file per family and subset is enough). */
  coverage?: boolean;
}

const SANS = '@fontsource/pretendard'; // Latin + full Hangul in one file per weight
const FILES: FontFile[] = [
  ...[500, 700, 900].map((w, i) => ({ pkg: SANS, file: `files/pretendard-latin-${w}-normal.woff2`, family: 'CoverSans', coverage: i === 0 })),
  { pkg: '@fontsource/anton', file: 'files/anton-latin-400-normal.woff2', family: 'CoverCondensed', coverage: true },
  { pkg: '@fontsource/anton', file: 'files/anton-latin-ext-400-normal.woff2', family: 'CoverCondensedExt', coverage: true },
  ...['normal', 'italic'].flatMap((style) => [
    { pkg: '@fontsource/dm-serif-display', file: `files/dm-serif-display-latin-400-${style}.woff2`, family: 'CoverSerif', coverage: style === 'normal' },
    { pkg: '@fontsource/dm-serif-display', file: `files/dm-serif-display-latin-ext-400-${style}.woff2`, family: 'CoverSerifExt', coverage: style === 'normal' },
  ]),
  ...[400, 700].map((w, i) => ({ pkg: '@fontsource/noto-sans-hebrew', file: `files/noto-sans-hebrew-hebrew-${w}-normal.woff2`, family: 'CoverHebrew', coverage: i === 0 })),
  ...[400, 700].map((w, i) => ({ pkg: '@fontsource/noto-sans-arabic', file: `files/noto-sans-arabic-arabic-${w}-normal.woff2`, family: 'CoverArabic', coverage: i === 0 })),
  { pkg: 'twemoji-colr-font', file: 'twemoji.woff2', family: 'CoverEmoji', coverage: true },
];

const FALLBACKS = ['CoverSans', 'CoverHebrew', 'CoverArabic', 'CoverEmoji'];
const STACKS: Record<Face, string[]> = {
  sans: FALLBACKS,
  condensed: ['CoverCondensed', 'CoverCondensedExt', ...FALLBACKS],
  serif: ['CoverSerif', 'CoverSerifExt', ...FALLBACKS],
};

export class FontLoadError extends Error {
  readonly code = 'font-load';
}

let loaded: Coverage[] | undefined;

/** Registers the fonts on first call (later calls are free) and returns the coverage of all of them. */
export function ensureFonts(): Coverage[] {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const roots = new Map<string, string>();
  const coverage: Coverage[] = [];
  for (const f of FILES) {
    let root = roots.get(f.pkg);
    if (!root) {
      root = dirname(require.resolve(`${f.pkg}/package.json`));
      roots.set(f.pkg, root);
    }
    const path = join(root, f.file);
    const bytes = readFileSync(path);
    if (!GlobalFonts.register(bytes, f.family)) throw new FontLoadError(`could not register font ${path}`);
    if (f.coverage) coverage.push(readCoverage(bytes));
  }
  loaded = coverage;
  return coverage;
}

/** A CSS font shorthand for the canvas, e.g. `800 96px CoverSans, CoverHebrew, ...`. */
export function fontSpec(face: Face, weight: number, sizePx: number, italic = false): string {
  return `${italic ? 'italic ' : ''}${weight} ${sizePx.toFixed(1)}px ${STACKS[face].join(', ')}`;
}

// Characters that draw nothing but steer shaping (joiners, variation selectors, bidi marks, emoji tags).
const INVISIBLE = /^[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFE00-\uFE0F\u{E0020}-\u{E007F}]$/u;

export interface Sanitized {
  text: string;
  /** Grapheme clusters removed because no shipped font can draw them. */
  dropped: string[];
}

/**
 * Keeps only what our fonts can draw: each grapheme cluster survives whole or not at all, so an emoji
 * ZWJ sequence or a base letter with its accents never splits into a visible box.
 */
export function drawable(text: string): Sanitized {
  const coverage = ensureFonts();
  const dropped: string[] = [];
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.normalize('NFC'))) {
    if (/^\s+$/u.test(segment)) {
      out += ' ';
      continue;
    }
    const ok = [...segment].every((ch) => INVISIBLE.test(ch) || coverage.some((c) => covers(c, ch.codePointAt(0)!)));
    if (ok) out += segment;
    else dropped.push(segment);
  }
  return { text: out.replace(/ {2,}/g, ' ').trim(), dropped };
}
