// Which code points a font file maps to glyphs (its cmap), read straight from TTF/OTF or WOFF2 bytes.
// The canvas offers no coverage query, and Skia quietly falls back to whatever system fonts a machine
// has; reading the cmap lets the cover drop characters our shipped fonts lack instead of drawing tofu.
import { brotliDecompressSync } from 'node:zlib';

/** Sorted, non-overlapping [first, last] code point ranges. */
export type Coverage = readonly (readonly [number, number])[];

export class FontFormatError extends Error {
  readonly code = 'font-format';
}

export function readCoverage(font: Buffer): Coverage {
  const sfnt = font.toString('latin1', 0, 4) === 'wOF2' ? woff2Tables(font) : sfntTables(font);
  const cmap = sfnt.get('cmap');
  if (!cmap) throw new FontFormatError('font has no cmap table');
  return mergeRanges(cmapRanges(cmap));
}

export function covers(coverage: Coverage, cp: number): boolean {
  let lo = 0;
  let hi = coverage.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = coverage[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

function sfntTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = font.toString('latin1', rec, rec + 4);
    const offset = font.readUInt32BE(rec + 8);
    tables.set(tag, font.subarray(offset, offset + font.readUInt32BE(rec + 12)));
  }
  return tables;
}

// WOFF2 known-table tags, indexed by the 6-bit flag (WOFF2 spec, table 1); only cmap matters here.
const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep'];

function woff2Tables(font: Buffer): Map<string, Buffer> {
  const count = font.readUInt16BE(12);
  const compressedSize = font.readUInt32BE(20);
  let pos = 48;
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = font[pos++]!;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new FontFormatError('bad UIntBase128 in WOFF2 directory');
  };
  const dir: { tag: string; length: number }[] = [];
  for (let i = 0; i < count; i++) {
    const flags = font[pos++]!;
    const index = flags & 0x3f;
    let tag: string;
    if (index === 63) {
      tag = font.toString('latin1', pos, pos + 4);
      pos += 4;
    } else {
      tag = KNOWN_TAGS[index] ?? `#${index}`;
    }
    const version = flags >> 6;
    const origLength = base128();
    // glyf/loca are transformed at version 0; every other table is transformed at versions 1..3.
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const length = transformed ? base128() : origLength;
    dir.push({ tag, length });
  }
  const data = brotliDecompressSync(font.subarray(pos, pos + compressedSize));
  const tables = new Map<string, Buffer>();
  let offset = 0;
  for (const { tag, length } of dir) {
    tables.set(tag, data.subarray(offset, offset + length));
    offset += length;
  }
  return tables;
}

function cmapRanges(cmap: Buffer): [number, number][] {
  const ranges: [number, number][] = [];
  const seen = new Set<number>();
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const offset = cmap.readUInt32BE(4 + i * 8 + 4);
    if (seen.has(offset)) continue;
    seen.add(offset);
    const format = cmap.readUInt16BE(offset);
    if (format === 4) format4(cmap, offset, ranges);
    else if (format === 12) format12(cmap, offset, ranges);
  }
  return ranges;
}

function format4(cmap: Buffer, at: number, out: [number, number][]): void {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.readUInt16BE(ends + s * 2);
    const start = cmap.readUInt16BE(starts + s * 2);
    if (start === 0xffff) continue;
    const delta = cmap.readUInt16BE(deltas + s * 2);
    const ro = cmap.readUInt16BE(rangeOffsets + s * 2);
    if (ro === 0) {
      // Every code in the segment maps to (code + delta); only a result of 0 is .notdef.
      for (let c = start; c <= end; c++) if (((c + delta) & 0xffff) !== 0) out.push([c, c]);
      continue;
    }
    for (let c = start; c <= end; c++) {
      const glyphAt = rangeOffsets + s * 2 + ro + (c - start) * 2;
      if (glyphAt + 2 > cmap.length) break;
      if (cmap.readUInt16BE(glyphAt) !== 0) out.push([c, c]);
    }
  }
}

function format12(cmap: Buffer, at: number, out: [number, number][]): void {
  const groups = cmap.readUInt32BE(at + 12);
  for (let g = 0; g < groups; g++) {
    const rec = at + 16 + g * 12;
    out.push([cmap.readUInt32BE(rec), cmap.readUInt32BE(rec + 4)]);
  }
}

function mergeRanges(ranges: [number, number][]): Coverage {
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
