// A song's files against its library entry: taken down together, and cleaned up after a crash.
import type { MediaStore } from '../media/media-store.js';
import type { Store } from '../library/store.js';
import { songKey } from './ingest.js';

/** Takes a song down for good: its entry stays (so its page answers 410 Gone) and its files are deleted. */
export async function removeSong(store: Store, media: MediaStore, id: string): Promise<void> {
  await store.songs.setKind(id, 'removed');
  await media.remove(songKey(id));
}

/** Deletes song files that no live library entry owns (left by a crash mid-compose); returns their ids. */
export async function removeOrphanMedia(store: Store, media: MediaStore, log: (line: string) => void = (line) => console.error(line)): Promise<string[]> {
  const removed: string[] = [];
  for await (const key of media.keys('songs/')) {
    const id = key.slice('songs/'.length);
    const song = await store.songs.get(id);
    if (song && song.kind !== 'removed') continue;
    try {
      await media.remove(key);
      removed.push(id);
    } catch (error) {
      // Left for the next start: a leftover folder must never keep the station off air.
      log(`could not remove the unfinished song folder ${key} (${error instanceof Error ? error.message : String(error)}); will try again at the next start`);
    }
  }
  return removed;
}
