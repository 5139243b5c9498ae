// A station for the TV app's end-to-end test: short tone songs, each with its own cover (one
// flat colour, so a screenshot or a pixel read tells them apart), several timed lyric lines and
// an accompaniment track, so item boundaries, lyric lines and karaoke all come within seconds.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { openParts as openLibrary } from '@radio-optimism/station-server/dist/testing/test-parts.js';
import { ingestSong } from '@radio-optimism/station-server/dist/songs/ingest.js';
import { toneWav } from '@radio-optimism/station-server/dist/testing/fixtures.js';
import type { SongManifest } from '@radio-optimism/station-server/dist/composer/manifest.js';
import { ROOT } from './run.js';
import type { StationFixture } from './station-process.js';

export interface TvSong {
  title: string;
  seconds: number;
  frequency: number;
  /** Cover colour as #rrggbb. */
  color: string;
  to: string;
  from: string;
  /** One lyric line per entry, sung back to back from 0.5 s. */
  lines: string[];
  /** The sender's message (the dedication Live quotes); default "A few words for <to>". */
  message?: string;
}

function cover(color: string, size: number): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, size, size);
  return canvas.toBuffer('image/jpeg');
}

const stamp = (sec: number) => {
  const ms = Math.round(sec * 1000);
  return `00:${String(Math.floor(ms / 60000)).padStart(2, '0')}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/** Lines spread evenly over the song, with a word timestamp on each word after the first. */
export function lyricsVtt(lines: string[], seconds: number): string {
  const span = (seconds - 1) / lines.length;
  const cues = lines.map((line, i) => {
    const start = 0.5 + i * span;
    const end = start + span - 0.1;
    const words = line.split(' ');
    const step = (span - 0.2) / words.length;
    const text = words.map((w, k) => (k === 0 ? w : `<${stamp(start + k * step)}>${w}`)).join(' ');
    return `${i + 1}\n${stamp(start)} --> ${stamp(end)}\n${text}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** `cut` turns the operators' crossfades into cuts; `as-configured` keeps them (the station marks a
 *  crossfade's switch point in the stream with X-FADE-AT and X-SONG-OFFSET). */
export async function tvStation(songs: TvSong[], transitions: 'cut' | 'as-configured' = 'cut'): Promise<StationFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'station-tv-'));
  const dataDir = join(dir, 'data');
  const playlistsDir = join(dir, 'playlists');
  await cp(resolve(ROOT, 'playlists'), playlistsDir, { recursive: true });
  if (transitions === 'cut') {
    const folder = join(playlistsDir, 'playlists');
    for (const name of await readdir(folder)) {
      const file = join(folder, name);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/type: crossfade/g, 'type: cut'));
    }
  }
  const library = openLibrary(dataDir);
  for (const s of songs) {
    const { id, dir: songDir } = await library.reserve();
    const wav = toneWav(s.seconds, s.frequency);
    await writeFile(join(songDir, 'song.wav'), wav);
    await writeFile(join(songDir, 'lyrics.vtt'), lyricsVtt(s.lines, s.seconds));
    await writeFile(join(songDir, 'cover.jpg'), cover(s.color, 512));
    await writeFile(join(songDir, 'cover-small.jpg'), cover(s.color, 128));
    // The AAC file a TV plays on demand (For you), as the composer would make it.
    await promisify(execFile)(ffmpegInstaller.path, ['-v', 'error', '-y', '-i', join(songDir, 'song.wav'), '-c:a', 'aac', '-b:a', '96k', join(songDir, 'song.m4a')]);
    // The karaoke track, stored compressed like the composer stores it.
    await promisify(execFile)(ffmpegInstaller.path, ['-v', 'error', '-y', '-i', join(songDir, 'song.wav'), '-c:a', 'aac', '-b:a', '48k', join(songDir, 'accompaniment.m4a')]);
    const manifest = {
      title: s.title,
      durationSec: s.seconds,
      language: 'en',
      genre: 'pop',
      vibe: 'upbeat',
      theme: 'love',
      tempo: 100,
      key: 'C major',
      meter: '4/4',
      seed: 1,
      request: { message: s.message ?? `A few words for ${s.to}`, to: s.to, from: s.from, genre: 'pop', vibe: 'upbeat', language: 'en' },
    } as unknown as SongManifest;
    await ingestSong(library.store, library.media, id, manifest, 'song');
  }
  await library.close();
  return { dir, dataDir, playlistsDir };
}
