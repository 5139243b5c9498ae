// Which cover file a song folder holds: today's JPEG, or the PNG of a song made before covers were JPEG.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LEGACY_COVER_FILES, SONG_FILES } from './manifest.js';

export type CoverName = keyof typeof LEGACY_COVER_FILES;

/** The cover's file name in `dir`: the JPEG when there, else the legacy PNG when there, else the JPEG's name. */
export function coverFileIn(dir: string, which: CoverName = 'cover'): string {
  if (existsSync(join(dir, SONG_FILES[which]))) return SONG_FILES[which];
  return existsSync(join(dir, LEGACY_COVER_FILES[which])) ? LEGACY_COVER_FILES[which] : SONG_FILES[which];
}

/** For a request of one cover form, the other form's name (`cover.jpg` <-> `cover.png`), else undefined. */
export function otherCoverForm(file: string): string | undefined {
  for (const which of Object.keys(LEGACY_COVER_FILES) as CoverName[]) {
    if (file === SONG_FILES[which]) return LEGACY_COVER_FILES[which];
    if (file === LEGACY_COVER_FILES[which]) return SONG_FILES[which];
  }
  return undefined;
}
