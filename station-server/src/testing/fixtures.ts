// Test fixtures shared by tests across folders: real library rows with real HLS packages made by
// real ffmpeg from a synthetic tone, so station tests do not need the composer.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Genre, Language, Vibe } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import type { SongKind, Store } from '../library/store.js';
import type { MediaStore } from '../media/media-store.js';
import { ingestSong, songKey } from '../songs/ingest.js';

/** What a fixture song is written to: the store and the media store. */
export interface SongParts {
  store: Store;
  media: MediaStore;
}

export function toneWav(seconds: number, frequency = 440, rate = 44100): Buffer {
  const frames = Math.round(seconds * rate);
  const buf = Buffer.alloc(44 + frames * 4);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + frames * 4, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(2, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 4, 28);
  buf.writeUInt16LE(4, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(frames * 4, 40);
  for (let i = 0; i < frames; i++) {
    // Fade in and out so item boundaries are silent, as real songs are.
    const env = Math.min(1, i / 2000, (frames - i) / 2000);
    const v = Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * 8000 * env);
    buf.writeInt16LE(v, 44 + i * 4);
    buf.writeInt16LE(v, 46 + i * 4);
  }
  return buf;
}

export interface ToneSong {
  title: string;
  seconds: number;
  frequency?: number;
  genre?: Genre;
  vibe?: Vibe;
  language?: Language;
  to?: string;
  kind?: SongKind;
}

export async function addToneSong(parts: SongParts, song: ToneSong): Promise<string> {
  const id = await parts.store.songs.newId();
  const dir = parts.media.workDir(songKey(id));
  await writeFile(join(dir, 'song.wav'), toneWav(song.seconds, song.frequency));
  await writeFile(join(dir, 'lyrics.vtt'), 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nla la\n');
  const genre = song.genre ?? 'pop';
  const vibe = song.vibe ?? 'upbeat';
  const language = song.language ?? 'en';
  const manifest = {
    title: song.title,
    durationSec: song.seconds,
    language,
    genre,
    vibe,
    theme: 'love',
    tempo: 100,
    key: 'C major',
    meter: '4/4',
    seed: 1,
    request: { message: 'A message', to: song.to ?? 'Ana', genre, vibe, language },
  } as unknown as SongManifest;
  await ingestSong(parts.store, parts.media, id, manifest, song.kind ?? 'song');
  return id;
}
