// What the station says between songs. The words live with the composer (composer/announce/words.ts)
// and the audio is made on the composer's threads; this keeps the station's old entrance working.
import type { Language } from '@radio-optimism/shared';
import { loadComposer } from '../composer/shutdown.js';
import { readPackage, type PackagedAudio } from './hls-package.js';

export { introText, STATION_IDS } from '../composer/announce/words.js';

/** Speaks `text` over a bed, on the composer's threads, and returns the package it wrote into `dir`. */
export async function makeAnnouncement(text: string, language: Language, dir: string, tonic = 0): Promise<PackagedAudio> {
  await (await loadComposer()).composeAnnouncement({ text, language, tonic }, dir);
  const packaged = await readPackage(dir);
  if (!packaged) throw new Error(`the announcement in ${dir} was made but its package cannot be read`);
  return packaged;
}
