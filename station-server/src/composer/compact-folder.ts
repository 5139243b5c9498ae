// A song folder made before songs were stored compressed (song.wav, vocals.wav, accompaniment.wav:
// 57 MB a song) brought to today's form: the karaoke track and the vocal stem encoded from their WAVs,
// the HLS package made if it is missing, and the WAVs deleted. Idempotent; a folder already compact is
// left as it is. PNG covers (about 1 MB) are re-encoded as today's JPEG covers.
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { join } from 'node:path';
import { encodeAac } from './master/encode-aac.js';
import { encodeStoredForm } from './master/encode-audio.js';
import { LEGACY_COVER_FILES, LOSSLESS_FILES, SONG_FILES } from './manifest.js';
import { COVER_JPEG_QUALITY } from './cover/cover.js';
import { packageSong, readPackage } from '../station/hls-package.js';

export interface Compacted {
  /** Bytes the folder held before and after. */
  before: number;
  after: number;
  /** Files deleted: WAVs, and PNG covers once their JPEG is written. */
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
  const covers = (Object.keys(LEGACY_COVER_FILES) as (keyof typeof LEGACY_COVER_FILES)[]).filter((k) => has(LEGACY_COVER_FILES[k]) && !has(SONG_FILES[k]));
  forms.push(...covers.map((k) => pngToJpeg(join(dir, LEGACY_COVER_FILES[k]), join(dir, SONG_FILES[k]))));
  await Promise.all(forms);
  const removed = [...Object.values(LOSSLESS_FILES), ...covers.map((k) => LEGACY_COVER_FILES[k])].filter(has);
  await Promise.all(removed.map((name) => rm(join(dir, name), { force: true })));
  return { before, after: await bytesUnder(dir), removed };
}

/** Written under a temporary name and renamed, so a crash never leaves half a JPEG that would shadow the PNG. */
async function pngToJpeg(png: string, jpeg: string): Promise<void> {
  const image = await loadImage(await readFile(png));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  await writeFile(`${jpeg}.part`, await canvas.encode('jpeg', COVER_JPEG_QUALITY));
  await rename(`${jpeg}.part`, jpeg);
}
