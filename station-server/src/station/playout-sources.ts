// The audio a channel airs, as files: whether a source's package is on disk (fetched into the cache
// first when media is remote), each song's package read once, and what happens when a source's
// files are gone or broken: it leaves rotation for a while, and every channel playing it moves on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StationEvent } from '../events.js';
import { PACKAGE_DIR, readPackage, type PackagedAudio } from './hls-package.js';
import { itemEndMs } from './timeline.js';
import type { PlayoutContext } from './playout-context.js';
import { cutFrom } from './timeline-cuts.js';

/** A song found without its files is left out of rotation this long, then looked at again. */
export const UNPLAYABLE_RECHECK_MS = 60_000;

export interface PlayoutSources {
  /** Whether a source's package folder is on disk: a cheap look for a folder moved or deleted (a lost single file is found when it is read). */
  hasFiles(source: string): boolean;
  /** Fetches a source's files into the cache when they are not here (only with `fill`); a failed fetch leaves them missing. */
  filled(source: string): Promise<void>;
  /** A song's package, read once (undefined if the song or its package is not there). */
  packageOf(songId: string): Promise<PackagedAudio | undefined>;
  /** Takes a source whose files are gone or broken off every channel it plays on. */
  skipSource(source: string, why: string): void;
  /** Songs found without their files, still left out of rotation at `at`. */
  unplayableSongs(at: number): Set<string>;
}

export function createPlayoutSources(ctx: PlayoutContext, fill: ((source: string) => Promise<boolean>) | undefined): PlayoutSources {
  const { store, events, mediaRoot, now } = ctx;
  const packages = new Map<string, PackagedAudio | null>();
  // Sources (`songs/<id>`, `intros/<id>`, …) found without their files, and when: left out of rotation.
  const unplayable = new Map<string, number>();
  const isUnplayable = (source: string, at: number): boolean => {
    const since = unplayable.get(source);
    if (since === undefined) return false;
    if (at - since < UNPLAYABLE_RECHECK_MS && at >= since) return true;
    unplayable.delete(source);
    return false;
  };
  const hasFiles = (source: string): boolean => existsSync(join(mediaRoot, source, PACKAGE_DIR));
  const filled = async (source: string): Promise<void> => {
    if (fill && !hasFiles(source)) await fill(source).catch(() => false);
  };
  return {
    hasFiles,
    filled,
    async packageOf(songId) {
      if (!packages.has(songId)) {
        const song = await store.songs.get(songId);
        if (song) await filled(`songs/${songId}`);
        packages.set(songId, (song && (await readPackage(join(mediaRoot, 'songs', songId)))) || null);
      }
      return packages.get(songId) ?? undefined;
    },
    /**
     * The item on air keeps only the segments already listed (a live playlist never loses a listed
     * segment); what follows is dropped and scheduled again from what still plays, so the next item
     * starts within one segment. Said once per source in the log.
     */
    skipSource(source, why) {
      const at = now();
      if (!isUnplayable(source, at)) {
        events.emit(StationEvent.Error, { code: 'media-missing', message: `${source}: ${why}; skipping it on every channel`, fatal: false });
      }
      unplayable.set(source, at);
      if (source.startsWith('songs/')) packages.delete(source.slice('songs/'.length));
      for (const state of ctx.states.values()) {
        // A follower's timeline is the leader's to change: it reads the change from the store.
        if (!ctx.leads(state.config.id)) continue;
        // An intro or a crossfade into a song has its own files, but leads into the song: it goes too.
        const i = state.items.findIndex((it) => (it.source === source || `songs/${it.songId}` === source) && itemEndMs(it) > at);
        if (i < 0) continue;
        cutFrom(ctx, state, i, at);
        events.emit(StationEvent.Fallback, { channel: state.config.id, reason: `${source} cannot be played (${why}); going on with the next item` });
      }
      // Schedule the replacement now rather than on the next timer tick (after this call returns).
      queueMicrotask(() => void ctx.tick());
    },
    unplayableSongs(at) {
      const songs = new Set<string>();
      for (const source of [...unplayable.keys()]) if (source.startsWith('songs/') && isUnplayable(source, at)) songs.add(source.slice('songs/'.length));
      return songs;
    },
  };
}
