// The embedded parts on one data folder, for tests: the SQLite store and the local media folder,
// with the few shortcuts tests use to put rows and folders in place.
import type { SongManifest } from '../composer/manifest.js';
import { openSqliteStore, type SqliteStore } from '../library/sqlite-store.js';
import type { SongKind, SongRecord } from '../library/store.js';
import { createLocalMediaStore, type LocalMediaStore } from '../media/local-media.js';
import { newSongOf, songKey } from '../songs/ingest.js';
import { removeSong } from '../songs/song-files.js';

export interface TestParts {
  store: SqliteStore;
  media: LocalMediaStore;
  /** The folder songs' files are in (DATA_DIR/media/songs). */
  mediaDir: string;
  /** Where a song's files are. */
  dirOf(id: string): string;
  /** A fresh id and its (made) folder. */
  reserve(): Promise<{ id: string; dir: string }>;
  add(id: string, manifest: SongManifest, kind?: SongKind): Promise<SongRecord>;
  removeSong(id: string): Promise<void>;
  count(kind?: SongKind): Promise<number>;
  close(): Promise<void>;
}

export function openParts(dataDir: string): TestParts {
  const store = openSqliteStore(dataDir, { log: () => undefined });
  const media = createLocalMediaStore(dataDir);
  return {
    store,
    media,
    mediaDir: media.dirOf('songs'),
    dirOf: (id) => media.dirOf(songKey(id)),
    async reserve() {
      const id = await store.songs.newId();
      return { id, dir: media.workDir(songKey(id)) };
    },
    add: (id, manifest, kind = 'song') => store.songs.add(id, newSongOf(manifest), kind),
    removeSong: (id) => removeSong(store, media, id),
    count: (kind) => store.songs.count(kind),
    close: () => store.close(),
  };
}
