// Songs with real store rows and packaging manifests but no audio, for playout tests about time,
// and a parser for the live playlists cut from them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENRES, LANGUAGES, VIBES, type Genre, type Language, type Vibe } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import { PACKAGE_DIR } from '../station/hls-package.js';
import { newSongOf } from '../songs/ingest.js';
import type { TestParts } from './test-parts.js';

/** Adds song `i` (about a minute long unless `seconds` says) and returns its id. */
export async function addAirSong(parts: TestParts, i: number, kind: 'song' | 'jingle' = 'song', seconds = kind === 'jingle' ? 6 : 61 + ((i * 7) % 50)): Promise<string> {
  const id = await parts.store.songs.newId();
  const dir = parts.media.workDir(`songs/${id}`);
  const genre = GENRES[i % GENRES.length] as Genre;
  const vibe = VIBES[i % VIBES.length] as Vibe;
  const language = LANGUAGES[i % LANGUAGES.length] as Language;
  const count = Math.ceil(seconds / 2);
  const segments = Array.from({ length: count }, (_, n) => ({ file: `seg-${String(n).padStart(5, '0')}.ts`, duration: n === count - 1 ? 1.5 : 1.997 }));
  await mkdir(join(dir, PACKAGE_DIR), { recursive: true });
  await writeFile(join(dir, PACKAGE_DIR, 'segments.json'), JSON.stringify({ segments, durationSec: segments.reduce((t, s) => t + s.duration, 0) }));
  const manifest = { title: `Song ${i}`, durationSec: seconds, language, genre, vibe, theme: 'love', tempo: 100, key: 'C major', meter: '4/4', seed: i, request: { message: 'x', to: 'Ana', genre, vibe, language } } as unknown as SongManifest;
  await parts.store.songs.add(id, newSongOf(manifest), kind);
  return id;
}

export interface ParsedPlaylist {
  seq: number;
  disc: number;
  segments: { seq: number; uri: string; pdt: number; disc: number }[];
}

export function parsePlaylist(text: string): ParsedPlaylist {
  const lines = text.trim().split('\n');
  const header = (tag: string) => Number(lines.find((l) => l.startsWith(tag))?.slice(tag.length + 1) ?? NaN);
  const out: ParsedPlaylist = { seq: header('#EXT-X-MEDIA-SEQUENCE'), disc: header('#EXT-X-DISCONTINUITY-SEQUENCE') || 0, segments: [] };
  let pdt = NaN;
  let disc = out.disc;
  for (const l of lines) {
    if (l === '#EXT-X-DISCONTINUITY') disc++;
    else if (l.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = Date.parse(l.slice(25));
    else if (l && !l.startsWith('#')) out.segments.push({ seq: out.seq + out.segments.length, uri: l, pdt, disc });
  }
  return out;
}

/**
 * What a player polling one channel saw, checked as it goes: the media and discontinuity sequences
 * never go back, a listed segment never changes, and no sequence number is skipped.
 */
export function playerCheck(): { see(text: string, label: string): void; problems: string[]; newest(): number } {
  const problems: string[] = [];
  const known = new Map<number, string>();
  let lastSeq = -1;
  let lastDisc = -1;
  let newest = -1;
  return {
    problems,
    newest: () => newest,
    see(text, label) {
      const p = parsePlaylist(text);
      if (p.segments.length === 0) return;
      if (p.seq < lastSeq) problems.push(`${label}: media sequence went back from ${lastSeq} to ${p.seq}`);
      if (p.disc < lastDisc) problems.push(`${label}: discontinuity sequence went back from ${lastDisc} to ${p.disc}`);
      if (newest >= 0 && p.seq > newest + 1) problems.push(`${label}: sequence jumped from ${newest} to ${p.seq}`);
      lastSeq = p.seq;
      lastDisc = p.disc;
      for (const s of p.segments) {
        const line = `${s.uri} ${s.disc} ${s.pdt}`;
        const prev = known.get(s.seq);
        if (prev !== undefined && prev !== line) problems.push(`${label}: segment ${s.seq} changed: ${prev} -> ${line}`);
        known.set(s.seq, line);
        newest = Math.max(newest, s.seq);
      }
    },
  };
}
