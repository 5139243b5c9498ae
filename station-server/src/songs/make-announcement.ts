// The one place the song room makes an announcement (words spoken over a music bed, mastered and
// packaged into `dir`): station IDs and dedications' intros both come through here, as queue jobs.
import type { Language } from '@radio-optimism/shared';
import type { PackagedAudio } from '../station/hls-package.js';

export async function makeAnnouncement(text: string, language: Language, dir: string, tonic: number): Promise<PackagedAudio> {
  const { makeAnnouncement: render } = await import('../station/announcements.js');
  return render(text, language, dir, tonic);
}
