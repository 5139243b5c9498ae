// A made song enters the library: it is packaged into HLS segments once, here, published to the media
// store, then indexed. A song that cannot be packaged is not indexed, so no channel ever schedules it.
import type { SongManifest } from '../composer/manifest.js';
import type { MediaStore } from '../media/media-store.js';
import { packageSong } from '../station/hls-package.js';
import type { NewSong, SongKind, SongRecord, Store } from '../library/store.js';

export const songKey = (id: string): string => `songs/${id}`;
export const introKey = (id: string): string => `intros/${id}`;

/** The fields the store indexes, from a made song's manifest. */
export const newSongOf = (m: Pick<SongManifest, 'title' | 'language' | 'genre' | 'vibe' | 'theme' | 'durationSec' | 'seed' | 'request'>): NewSong => ({
  title: m.title,
  language: m.language,
  genre: m.genre,
  vibe: m.vibe,
  theme: m.theme,
  durationSec: m.durationSec,
  seed: m.seed,
  request: m.request,
});

/** Packages what was made in `media.workDir(songs/<id>)`, publishes it (but for `stored`, segments
 *  stored while it was made) and indexes it. */
export async function ingestSong(store: Store, media: MediaStore, id: string, manifest: SongManifest, kind: SongKind, stored?: ReadonlySet<string>): Promise<SongRecord> {
  await packageSong(media.workDir(songKey(id)));
  await media.publish(songKey(id), stored ? { stored } : {});
  return store.songs.add(id, newSongOf(manifest), kind);
}
