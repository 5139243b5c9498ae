// A song folder made before songs were stored compressed (song.wav, vocals.wav, accompaniment.wav:
// 57 MB a song) brought to today's form: the karaoke track and the vocal stem encoded from their WAVs,
// the HLS package made if it is missing, and the WAVs deleted. Idempotent; a folder already compact is
// left as it is.
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeAac } from './master/encode-aac.js';
import { encodeStoredForm } from './master/encode-audio.js';
import { LOSSLESS_FILES, SONG_FILES } from './manifest.js';
import { packageSong, readPackage } from '../station/hls-package.js';

export interface Compacted {
  /** Bytes the folder held before and after. */
  before: number;
  after: number;
  /** WAVs deleted. */
  removed: string[];
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

export async function compactSongFolder(dir: string): Promise<Compacted> {
  const before = await bytesUnder(dir);
  const has = (name: string) => existsSync(join(dir, name));
  // Each compressed form is made from its WAV only where it is missing (song.m4a always existed).
  const forms: Promise<void>[] = [];
  if (has(LOSSLESS_FILES.master) && !has(SONG_FILES.stream)) forms.push(encodeAac(join(dir, LOSSLESS_FILES.master), join(dir, SONG_FILES.stream)));
  if (has(LOSSLESS_FILES.accompaniment) && !has(SONG_FILES.accompaniment)) forms.push(encodeStoredForm(join(dir, LOSSLESS_FILES.accompaniment), join(dir, SONG_FILES.accompaniment), 'karaoke'));
  if (has(LOSSLESS_FILES.vocals) && !has(SONG_FILES.vocals)) forms.push(encodeStoredForm(join(dir, LOSSLESS_FILES.vocals), join(dir, SONG_FILES.vocals), 'vocals'));
  if (has(LOSSLESS_FILES.master) && !(await readPackage(dir))) forms.push(packageSong(dir, LOSSLESS_FILES.master).then(() => undefined));
  await Promise.all(forms);
  const removed = Object.values(LOSSLESS_FILES).filter(has);
  await Promise.all(removed.map((name) => rm(join(dir, name), { force: true })));
  return { before, after: await bytesUnder(dir), removed };
}
