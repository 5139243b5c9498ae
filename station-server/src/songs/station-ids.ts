// Station IDs: one spoken "You are listening to Radio Optimism" per language, made on first run as
// queue jobs and kept in the library as jingles, so channels can air them between songs.
import { LANGUAGES, type Language } from '@radio-optimism/shared';
import type { Store } from '../library/store.js';
import { STATION_IDS } from '../composer/announce/words.js';
import type { SongQueue } from './song-queue.js';

/** Queues the station IDs when the library has none; returns the jobs' ids. */
export async function queueStationIds(store: Store, queue: SongQueue, languages: readonly Language[] = LANGUAGES): Promise<string[]> {
  if ((await store.songs.count('jingle')) > 0) return [];
  const ids: string[] = [];
  for (const [i, language] of languages.entries()) {
    const id = await store.songs.newId();
    // A different key for each, so consecutive IDs do not all sound alike.
    await queue.submit({ type: 'announcement', as: 'jingle', text: STATION_IDS[language], language, tonic: [0, 2, 7, 9, 5, 4][i % 6]!, priority: 'filler', id });
    ids.push(id);
  }
  return ids;
}
