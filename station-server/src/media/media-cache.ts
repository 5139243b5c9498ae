// A bounded local read-through cache of songs' playout files when media is not a local folder (S3):
// playout reads a song's HLS package (hls/segments.json and every rendition's segments) and its
// stream audio (for crossfades) from local files, so an instance with no copy of its own fills them
// here from the media store. A key's folder appears whole (downloaded beside it, then renamed), so
// playout never sees half a package. Past `maxBytes`, the least recently filled or used keys go first.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MediaStore } from './media-store.js';
import type { Store } from '../library/store.js';
import { SONG_FILES } from '../composer/manifest.js';
import { PACKAGE_DIR, RENDITIONS, type PackagedAudio } from '../station/hls-package.js';

export interface MediaCache {
  /** The folder playout reads as its media root (songs/<id>, intros/<id>). */
  readonly root: string;
  /** Makes `key`'s playout files local; false when the media store has no package for it. */
  fill(key: string): Promise<boolean>;
  /** Bytes held now. */
  bytes(): number;
}

export interface MediaCacheOptions {
  media: MediaStore;
  /** DATA_DIR/cache. */
  dir: string;
  /** MEDIA_CACHE_MB. */
  maxBytes: number;
  log: (line: string) => void;
}

const CACHED = ['songs', 'intros'];

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

export async function createMediaCache({ media, dir, maxBytes, log }: MediaCacheOptions): Promise<MediaCache> {
  const held = new Map<string, { bytes: number; usedAt: number }>();
  const filling = new Map<string, Promise<boolean>>();
  // Recency as a counter, not a clock: two uses in one millisecond still have an order.
  let clock = 0;
  const found: [string, number, number][] = [];
  // What an earlier run left is kept and counted, oldest first by modification time.
  for (const top of CACHED) {
    await mkdir(join(dir, top), { recursive: true });
    for (const entry of await readdir(join(dir, top), { withFileTypes: true })) {
      const path = join(dir, top, entry.name);
      if (!entry.isDirectory() || entry.name.startsWith('.')) {
        await rm(path, { recursive: true, force: true });
        continue;
      }
      found.push([`${top}/${entry.name}`, await sizeOf(path), (await stat(path)).mtimeMs]);
    }
  }
  for (const [key, bytes] of found.sort((x, y) => x[2] - y[2])) held.set(key, { bytes, usedAt: ++clock });
  const total = () => [...held.values()].reduce((t, h) => t + h.bytes, 0);

  const evict = async (keep: string) => {
    let bytes = total();
    for (const [key, h] of [...held].sort((x, y) => x[1].usedAt - y[1].usedAt)) {
      if (bytes <= maxBytes) break;
      if (key === keep) continue;
      held.delete(key);
      bytes -= h.bytes;
      await rm(join(dir, key), { recursive: true, force: true });
    }
  };

  const download = async (key: string): Promise<boolean> => {
    const index = await media.read(key, `${PACKAGE_DIR}/segments.json`);
    if (!index) return false;
    const packaged = JSON.parse(index.toString('utf8')) as PackagedAudio;
    const files = RENDITIONS.flatMap((r) => packaged.segments.map((s) => `${PACKAGE_DIR}/${r.name}/${s.file}`));
    const work = join(dir, dirname(key), `.fill-${key.slice(key.indexOf('/') + 1)}-${process.pid}`);
    await rm(work, { recursive: true, force: true });
    try {
      let bytes = index.length;
      for (const file of [...files, SONG_FILES.stream]) {
        const data = await media.read(key, file);
        if (!data) {
          if (file === SONG_FILES.stream) continue; // an intro has none; crossfades then cut
          throw new Error(`${key}/${file} is listed in its package but not in the media store`);
        }
        await mkdir(dirname(join(work, file)), { recursive: true });
        await writeFile(join(work, file), data);
        bytes += data.length;
      }
      // segments.json last: its presence is what says the package is whole.
      await mkdir(join(work, PACKAGE_DIR), { recursive: true });
      await writeFile(join(work, PACKAGE_DIR, 'segments.json'), index);
      await rm(join(dir, key), { recursive: true, force: true });
      await rename(work, join(dir, key));
      held.set(key, { bytes, usedAt: ++clock });
      await evict(key);
      return true;
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      throw error;
    }
  };

  return {
    root: dir,
    bytes: total,
    fill(key) {
      const at = held.get(key);
      if (at && existsSync(join(dir, key, PACKAGE_DIR, 'segments.json'))) {
        at.usedAt = ++clock;
        void utimes(join(dir, key), new Date(), new Date()).catch(() => undefined);
        return Promise.resolve(true);
      }
      let pending = filling.get(key);
      if (!pending) {
        pending = download(key).catch((error: unknown) => {
          log(`media cache: ${key} not filled: ${error instanceof Error ? error.message : String(error)}`);
          return false;
        });
        filling.set(key, pending);
        void pending.finally(() => filling.delete(key));
      }
      return pending;
    },
  };
}

/** Fills the cache with the newest songs and jingles, so a fresh instance has something to play at once. */
export async function warmMediaCache(store: Store, cache: MediaCache, log: (line: string) => void, perKind = 40): Promise<void> {
  try {
    for (const kind of ['jingle', 'song'] as const) {
      const { items } = await store.songs.page(kind, {}, { limit: perKind });
      for (const song of items) await cache.fill(`songs/${song.id}`);
    }
  } catch (error) {
    log(`media cache: warming failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
