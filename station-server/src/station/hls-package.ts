// Packages a song once, when it is made (the composer does it from the lossless master, before that is
// deleted), into HLS segments in two renditions. A live channel then only points at these files: no
// encoder runs per channel.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ffmpeg from 'fluent-ffmpeg';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { LOSSLESS_FILES, SONG_FILES } from '../composer/manifest.js';

export const RENDITIONS = [
  { name: '128k', bitrate: 128_000 },
  { name: '48k', bitrate: 48_000 },
] as const;
export type RenditionName = (typeof RENDITIONS)[number]['name'];

/** Target segment length in seconds; EXT-X-TARGETDURATION of every channel. */
export const SEGMENT_SEC = 2;
export const TARGET_DURATION = SEGMENT_SEC;
export const PACKAGE_DIR = 'hls';

export interface PackagedSegment {
  /** File name inside the rendition folder (the same in every rendition). */
  file: string;
  duration: number;
}

export interface PackagedAudio {
  /** Segments line up across renditions: same count, same durations. */
  segments: PackagedSegment[];
  durationSec: number;
}

/** ffmpeg output options for one rendition (a pure function, pinned by a test). */
export function renditionOptions(dir: string, bitrate: number): string[] {
  return [
    '-map', '0:a:0',
    '-c:a', 'aac',
    '-profile:a', 'aac_low',
    '-b:a', `${Math.round(bitrate / 1000)}k`,
    // One sample rate for every rendition keeps AAC frames, and so segment cuts, aligned.
    '-ar', '44100',
    '-ac', '2',
    // Same input, same bytes: no encoder version tags or timestamps in the output.
    '-fflags', '+bitexact',
    '-flags:a', '+bitexact',
    '-f', 'hls',
    '-hls_time', String(SEGMENT_SEC),
    '-hls_playlist_type', 'vod',
    '-hls_segment_type', 'mpegts',
    '-hls_segment_filename', join(dir, 'seg-%05d.ts'),
  ];
}

export function parseMediaPlaylist(text: string): PackagedSegment[] {
  const segments: PackagedSegment[] = [];
  let duration: number | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith('#') && duration !== undefined) {
      segments.push({ file: line, duration });
      duration = undefined;
    }
  }
  return segments;
}

/** The audio a folder is packaged from when none is named: its lossless master while it has one;
 *  otherwise the package already made (the composer packages a song before its WAV goes, so a second
 *  call, e.g. on entering the library, costs nothing); otherwise the stored compressed master. */
async function defaultInput(songDir: string): Promise<string | PackagedAudio> {
  if (existsSync(join(songDir, LOSSLESS_FILES.master))) return LOSSLESS_FILES.master;
  const done = await readPackage(songDir);
  if (done) return done;
  if (existsSync(join(songDir, SONG_FILES.stream))) return SONG_FILES.stream;
  throw new Error(`packaging ${songDir} failed: it holds neither ${LOSSLESS_FILES.master} nor ${SONG_FILES.stream}`);
}

export async function packageSong(songDir: string, input?: string): Promise<PackagedAudio> {
  const source = input ?? (await defaultInput(songDir));
  if (typeof source !== 'string') return source;
  const root = join(songDir, PACKAGE_DIR);
  const command = ffmpeg(join(songDir, source)).setFfmpegPath(ffmpegInstaller.path);
  for (const r of RENDITIONS) {
    const dir = join(root, r.name);
    await mkdir(dir, { recursive: true });
    command.output(join(dir, 'index.m3u8')).outputOptions(renditionOptions(dir, r.bitrate));
  }
  await new Promise<void>((resolve, reject) => {
    command.on('end', () => resolve()).on('error', (error: Error) => reject(new Error(`packaging ${songDir} failed: ${error.message}`))).run();
  });
  return indexPackage(songDir);
}

/** Reads the renditions' playlists, checks they line up, and writes `segments.json` (what a channel reads). */
export async function indexPackage(songDir: string): Promise<PackagedAudio> {
  const root = join(songDir, PACKAGE_DIR);
  const lists = await Promise.all(RENDITIONS.map(async (r) => parseMediaPlaylist(await readFile(join(root, r.name, 'index.m3u8'), 'utf8'))));
  const [first, ...others] = lists;
  for (const other of others) {
    if (other.length !== first!.length || other.some((s, i) => Math.abs(s.duration - first![i]!.duration) > 0.001))
      throw new Error(`packaging ${songDir}: renditions do not line up`);
  }
  const packaged = { segments: first!, durationSec: first!.reduce((t, s) => t + s.duration, 0) };
  await writeFile(join(root, 'segments.json'), JSON.stringify(packaged));
  return packaged;
}

export async function readPackage(songDir: string): Promise<PackagedAudio | undefined> {
  try {
    return JSON.parse(await readFile(join(songDir, PACKAGE_DIR, 'segments.json'), 'utf8')) as PackagedAudio;
  } catch {
    return undefined;
  }
}
