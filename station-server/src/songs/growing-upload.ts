// A song made into a bucket can be played while it is made, as one made into a local folder is: as
// the composer's encoder lists each whole segment in its EVENT playlists (station/hls-stream.ts writes
// segments under temporary names, renames them whole, then lists them), this stores the newly listed
// segments, then the playlist text that listed them, marked `no-cache` (it grows). A player that finds
// a playlist in the bucket therefore finds every segment it names. The finished VOD playlists are left
// to publish, which replaces these with the usual cache policy.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GROWING_PLAYLIST_CACHE_CONTROL } from '../media/cache-policy.js';
import type { MediaStore } from '../media/media-store.js';
import { PACKAGE_DIR, RENDITIONS, parseMediaPlaylist } from '../station/hls-package.js';
import { EVENT_TYPE_LINE } from '../station/hls-stream.js';

export interface GrowingUpload {
  /** Stores what the work folder's growing playlists list now (new segments first, then each playlist).
   *  Calls never overlap: one asked for while another runs runs after it. Does nothing once stopped. */
  sync(): Promise<void>;
  /** No sync starts after this; resolves once the one running (if any) has ended. */
  stop(): Promise<void>;
  /** The segments stored so far (their bytes never change), for publish to skip. */
  readonly stored: ReadonlySet<string>;
}

export function growingUpload(media: MediaStore, key: string): GrowingUpload {
  const dir = media.workDir(key);
  const stored = new Set<string>();
  const sent = new Map<string, string>();
  let stopped = false;
  let last: Promise<void> = Promise.resolve();

  const once = async (): Promise<void> => {
    for (const r of RENDITIONS) {
      if (stopped) return;
      const playlist = `${PACKAGE_DIR}/${r.name}/index.m3u8`;
      let text: string;
      try {
        text = await readFile(join(dir, PACKAGE_DIR, r.name, 'index.m3u8'), 'utf8');
      } catch {
        continue; // not written yet
      }
      // Once the encoder has ended, the playlist says VOD: that one goes with publish, cached as usual.
      if (!text.includes(EVENT_TYPE_LINE) || sent.get(playlist) === text) continue;
      for (const segment of parseMediaPlaylist(text)) {
        const file = `${PACKAGE_DIR}/${r.name}/${segment.file}`;
        if (stored.has(file)) continue;
        await media.put(key, file, { path: join(dir, PACKAGE_DIR, r.name, segment.file) });
        stored.add(file);
      }
      // The text as read, not the file again: the encoder may have listed a segment not stored yet.
      await media.put(key, playlist, { data: Buffer.from(text, 'utf8') }, { cacheControl: GROWING_PLAYLIST_CACHE_CONTROL });
      sent.set(playlist, text);
    }
  };

  return {
    stored,
    sync() {
      const run = last.then(() => (stopped ? undefined : once()));
      last = run.catch(() => undefined);
      return run;
    },
    stop() {
      stopped = true;
      return last;
    },
  };
}
