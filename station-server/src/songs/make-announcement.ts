// The one place the song room makes an announcement (words spoken over a music bed, mastered and
// packaged into `dir`, on the composer's process): station IDs and dedications' intros both come
// through here, as queue jobs.
import type { Language } from '@radio-optimism/shared';
import { loadComposer } from '../composer/shutdown.js';
import { readPackage, type PackagedAudio } from '../station/hls-package.js';

export async function makeAnnouncement(text: string, language: Language, dir: string, tonic: number): Promise<PackagedAudio> {
  await (await loadComposer()).composeAnnouncement({ text, language, tonic }, dir);
  const packaged = await readPackage(dir);
  if (!packaged) throw new Error(`the announcement in ${dir} was made but its package cannot be read`);
  return packaged;
}
