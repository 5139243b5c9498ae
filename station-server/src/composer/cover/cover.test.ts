import { describe, expect, it } from '@jest/globals';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { checkSongRequest, GENRES, LANGUAGES, VIBES, type Language } from '@radio-optimism/shared';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoverInput } from '../types.js';
import { coverText, LARGE_SIZE, paintCover, SMALL_SIZE } from './cover.js';
import { drawable, ensureFonts } from './fonts.js';
import { GENRE_TYPE, layoutText, wrap } from './typography.js';
import { jpegSize } from '../../songcheck/image-size.js';

const base: CoverInput = { title: 'Little Things', recipient: 'Ana', sender: 'Leo', genre: 'pop', vibe: 'upbeat', theme: 'love', language: 'en', seed: 11 };

function jpegDimensions(jpeg: Buffer): [number, number] {
  expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  const size = jpegSize(jpeg);
  return [size?.width ?? 0, size?.height ?? 0];
}

/** Mean RGB of a cover, decoded by the canvas itself (so this also proves it decodes). */
async function meanColour(png: Buffer): Promise<[number, number, number]> {
  const img = await loadImage(png);
  const c = createCanvas(64, 64);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0, 64, 64);
  const d = ctx.getImageData(0, 0, 64, 64).data;
  const sum = [0, 0, 0];
  for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k]! += d[i + k]!;
  return sum.map((v) => v / (d.length / 4)) as [number, number, number];
}

/** Mean absolute per-pixel difference (0..255) between two covers at 64x64: layout, not just colour. */
async function pixelDistance(a: Buffer, b: Buffer): Promise<number> {
  const grab = async (png: Buffer) => {
    const c = createCanvas(64, 64);
    const ctx = c.getContext('2d');
    ctx.drawImage(await loadImage(png), 0, 0, 64, 64);
    return ctx.getImageData(0, 0, 64, 64).data;
  };
  const [x, y] = [await grab(a), await grab(b)];
  let sum = 0;
  for (let i = 0; i < x.length; i += 4) for (let k = 0; k < 3; k++) sum += Math.abs(x[i + k]! - y[i + k]!);
  return sum / ((x.length / 4) * 3);
}

describe('paintCover', () => {
  it('draws a name sent with a right-to-left override the right way round (validation strips bidi controls)', async () => {
    const sent = checkSongRequest({ message: 'Thank you', to: '\u202EAna', from: 'Leo\u2066\u202E', genre: 'pop', vibe: 'upbeat', language: 'en' });
    if (!sent.ok) throw new Error(sent.message);
    const fromRequest = await paintCover({ ...base, recipient: sent.request.to, sender: sent.request.from ?? '' });
    const plain = await paintCover(base);
    expect(fromRequest.large.equals(plain.large)).toBe(true);
    // And the override really would turn the drawing around, so this test can fail.
    const flipped = await paintCover({ ...base, recipient: '\u202EAna' });
    expect(await pixelDistance(flipped.large, plain.large)).toBeGreaterThan(0);
  });

  it('makes a 1200x1200 and a 320x320 JPEG, the large one well under 300 kB', async () => {
    const { large, small } = await paintCover(base);
    expect(jpegDimensions(large)).toEqual([LARGE_SIZE, LARGE_SIZE]);
    expect(jpegDimensions(small)).toEqual([SMALL_SIZE, SMALL_SIZE]);
    expect(large.length).toBeLessThan(300_000);
    const img = await loadImage(large);
    expect(img.width).toBe(1200);
  });

  it('is deterministic: same input, byte-identical JPEGs', async () => {
    for (const genre of ['lofi', 'dance'] as const) {
      const a = await paintCover({ ...base, genre, vibe: 'nostalgic' });
      const b = await paintCover({ ...base, genre, vibe: 'nostalgic' });
      expect(a.large.equals(b.large)).toBe(true);
      expect(a.small.equals(b.small)).toBe(true);
    }
  });

  it('gives visibly different covers for different seeds', async () => {
    for (const genre of GENRES) {
      const a = await paintCover({ ...base, genre, seed: 1 });
      const b = await paintCover({ ...base, genre, seed: 2 });
      expect(await pixelDistance(a.large, b.large)).toBeGreaterThan(6);
    }
  });

  it('gives each genre its own look (mean colours far apart)', async () => {
    const means = await Promise.all(GENRES.map(async (genre) => meanColour((await paintCover({ ...base, genre })).small)));
    let closest = Infinity;
    for (let i = 0; i < means.length; i++)
      for (let j = i + 1; j < means.length; j++) closest = Math.min(closest, Math.hypot(...means[i]!.map((v, k) => v - means[j]![k]!)));
    // Some genres share dark backgrounds (rock, dance, rnb), so the floor is modest; identical would be 0.
    expect(closest).toBeGreaterThan(8);
  });

  it('lets the vibe change the picture', async () => {
    const calm = await paintCover({ ...base, vibe: 'calm' });
    const epic = await paintCover({ ...base, vibe: 'epic' });
    expect(await pixelDistance(calm.large, epic.large)).toBeGreaterThan(8);
  });
});

describe('cover text', () => {
  it('says for/from in the song language', () => {
    const lines = (language: Language) => {
      const t = coverText({ ...base, language });
      return [t.forLine, t.fromLine].map((s) => s?.replace(/[\u2068\u2069]/g, ''));
    };
    expect(lines('en')).toEqual(['for Ana', 'from Leo']);
    expect(lines('es')).toEqual(['para Ana', 'de Leo']);
    expect(lines('pt')).toEqual(['para Ana', 'de Leo']);
    expect(lines('fr')).toEqual(['pour Ana', 'de Leo']);
    expect(lines('de')).toEqual(['für Ana', 'von Leo']);
    expect(lines('ko')).toEqual(['Ana에게', 'Leo 드림']);
    expect(coverText({ ...base, language: 'fr', sender: 'Élodie' }).fromLine).toBe('d’\u2068Élodie\u2069');
  });

  it('keeps accents, Hangul, Hebrew, Arabic and emoji; drops only what no shipped font can draw', () => {
    ensureFonts();
    for (const s of ['José Çağlar Weiß São', '김민지', 'דוד', 'محمد', 'Mia 🎉', '👩‍👩‍👧 🇰🇷', '“Ana” «Lu»']) expect(drawable(s)).toEqual({ text: s, dropped: [] });
    expect(drawable('Ana 王小明')).toEqual({ text: 'Ana', dropped: ['王', '小', '明'] });
    // A recipient we cannot draw at all becomes "you" in the song's language, never an empty line or boxes.
    expect(coverText({ ...base, recipient: '王小明', language: 'es' }).forLine).toBe('para \u2068ti\u2069');
  });

  it('wraps by words, and inside a word only when it is too long alone', () => {
    const measure = (t: string) => t.length * 10;
    expect(wrap(measure, 'aa bb cc', 55)).toEqual(['aa bb', 'cc']);
    expect(wrap(measure, 'abcdefghij', 40)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('fits 40-character names and long titles inside the box at both sizes, for every genre style', () => {
    ensureFonts();
    const long = 'Maximiliana Esperanza Ñúñez-Wolfeschlegl'; // 40 characters
    const longWord = 'Supercalifragilisticexpialidociousnessss'; // 40 characters, no space
    expect([...long].length).toBe(40);
    const ctx = createCanvas(10, 10).getContext('2d');
    for (const genre of GENRES) {
      const style = GENRE_TYPE[genre];
      for (const [size, small] of [[LARGE_SIZE, false], [SMALL_SIZE, true]] as const) {
        for (const title of ['A Song For Every Single Morning We Had Together', longWord]) {
          const layout = layoutText(ctx, { size, title, subs: [`for ${long}`, `from ${longWord}`], style, small });
          expect(layout.maxLineWidth).toBeLessThanOrEqual(layout.innerWidth + 0.5);
          expect(layout.box.x).toBeGreaterThanOrEqual(0);
          expect(layout.box.y).toBeGreaterThanOrEqual(0);
          expect(layout.box.x + layout.box.w).toBeLessThanOrEqual(size);
          expect(layout.box.y + layout.box.h).toBeLessThanOrEqual(size);
          // Nothing silently lost: every character of the input appears in the lines.
          const shown = layout.lines.map((l) => l.text).join('').replace(/\s/g, '');
          expect(shown).toBe((title + `for ${long}` + `from ${longWord}`).replace(/\s/g, ''));
          // Still readable: the title is not squeezed to a speck.
          expect(layout.lines[0]!.size).toBeGreaterThanOrEqual(size * (small ? 0.05 : 0.035));
        }
      }
    }
  });
});

describe('cover artifacts (for people to look at)', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const out = join(here, '../../../../test/artifacts/covers');
  const titles: Record<Language, string> = {
    en: 'You Are My Sunshine',
    es: 'Gracias por Todo, Mamá',
    pt: 'Saudade de Você',
    fr: 'Le Ciel Est à Nous',
    de: 'Für Immer Stark',
    ko: '너를 위한 노래',
  };
  const names: Record<Language, [string, string]> = {
    en: ['Grandma Rose', 'Sam'],
    es: ['María José', 'Íñigo'],
    pt: ['João', 'Conceição'],
    fr: ['Françoise', 'Amélie'],
    de: ['Jürgen Weiß', 'Anne'],
    ko: ['김민지', '이준호'],
  };

  it('renders one cover per language, an emoji name and right-to-left names', async () => {
    mkdirSync(out, { recursive: true });
    const jobs: [string, CoverInput][] = LANGUAGES.map((language, i) => [
      `lang-${language}`,
      { ...base, language, title: titles[language], recipient: names[language][0], sender: names[language][1], genre: GENRES[i]!, vibe: VIBES[i]!, seed: 100 + i },
    ]);
    jobs.push(['emoji-name', { ...base, recipient: 'Mia 🎉🐶', sender: 'Tom ❤️', genre: 'dance', theme: 'celebration' }]);
    jobs.push(['rtl-hebrew', { ...base, recipient: 'דוד כהן', sender: 'שרה', genre: 'jazz', vibe: 'calm', theme: 'gratitude' }]);
    jobs.push(['rtl-arabic', { ...base, language: 'fr', title: 'Pour Toujours', recipient: 'محمد علي', sender: 'ليلى', genre: 'rnb', theme: 'missing-you' }]);
    jobs.push(['long-names', { ...base, language: 'de', title: 'Ein Lied für die schönsten Tage unseres Lebens', recipient: 'Maximiliana Esperanza Ñúñez-Wolfeschlegl', sender: 'Bartholomäus Friedrich von Hohenzollern', genre: 'rock', vibe: 'epic', theme: 'pride' }]);
    for (const [name, input] of jobs) {
      const { large, small } = await paintCover(input);
      writeFileSync(join(out, `${name}.jpg`), large);
      writeFileSync(join(out, `${name}-small.jpg`), small);
    }
    expect(jobs.length).toBe(10);
  });
});
