// Station IDs: one spoken "You are listening to Radio Optimism" per language, made on first run and
// kept in the library as jingles, so channels can air them between songs.
import { LANGUAGES, type Language } from '@radio-optimism/shared';
import type { SongManifest } from '../composer/manifest.js';
import type { Library } from './library.js';

export async function makeStationIds(library: Library, languages: readonly Language[] = LANGUAGES): Promise<number> {
  if (library.count('jingle') > 0) return 0;
  const { makeAnnouncement, STATION_IDS } = await import('../station/announcements.js');
  let made = 0;
  for (const [i, language] of languages.entries()) {
    const { id, dir } = library.reserve();
    const packaged = await makeAnnouncement(STATION_IDS[language], language, dir, [0, 2, 7, 9, 5, 4][i % 6]);
    const manifest = {
      title: 'Radio Optimism',
      durationSec: packaged.durationSec,
      language,
      genre: 'pop',
      vibe: 'upbeat',
      theme: 'celebration',
      seed: 0,
      request: { message: STATION_IDS[language], to: 'Radio Optimism', genre: 'pop', vibe: 'upbeat', language },
    } as SongManifest;
    library.add(id, manifest, 'jingle');
    made++;
  }
  return made;
}
