// A made song enters the library: it is packaged into HLS segments once, here, then indexed.
// A song that cannot be packaged is not indexed, so no channel ever schedules it.
import type { SongManifest } from '../composer/manifest.js';
import { packageSong } from '../station/hls-package.js';
import type { Library, SongKind, SongRecord } from './library.js';

export async function ingestSong(library: Library, id: string, dir: string, manifest: SongManifest, kind: SongKind = 'song'): Promise<SongRecord> {
  await packageSong(dir);
  return library.add(id, manifest, kind);
}
