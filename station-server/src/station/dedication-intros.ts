// Dedications' spoken intros, as playout needs them: asked of the song queue (an `announcement` job,
// `as: 'intro'`, class `dedication`) when a dedication is queued, never rendered by playout itself. A
// dedication waits for its intro at most INTRO_WAIT_MS, then airs without it.
import { join } from 'node:path';
import type { Store } from '../library/store.js';
import type { SongQueue } from '../songs/song-queue.js';
import { introText } from '../composer/announce/words.js';
import { spokenName } from '../composer/spoken-name.js';
import { readPackage, type PackagedAudio } from './hls-package.js';

/** A dedication waits at most this long for its spoken intro (made on the song queue), then airs without it. */
export const INTRO_WAIT_MS = 60_000;

export interface DedicationIntros {
  /** Asks for a song's intro (once), or finds one made before; `settled` is called when it is ready or failed. */
  request(songId: string): void;
  /** Whether a waiting dedication may air now: its intro is settled, or it has waited long enough. */
  settled(songId: string, at: number): boolean;
  /** The intro's package and its source (`intros/<id>`) if it is ready; forgets it either way. */
  take(songId: string): Promise<{ source: string; packaged: PackagedAudio } | undefined>;
}

export interface DedicationIntrosOptions {
  store: Store;
  /** Absent: dedications air without an intro. */
  queue: SongQueue | undefined;
  mediaRoot: string;
  now: () => number;
  /** An intro became ready or failed (playout makes room for its dedication). */
  onSettled(songId: string): void;
  onError(songId: string, message: string): void;
}

export function createDedicationIntros(options: DedicationIntrosOptions): DedicationIntros {
  const { store, queue, mediaRoot, now } = options;
  const intros = new Map<string, { status: 'making' | 'ready' | 'failed'; since: number; source?: string }>();

  async function make(songId: string, entry: { status: 'making' | 'ready' | 'failed'; source?: string }): Promise<void> {
    try {
      const jobId = `${songId}-intro`;
      if (await readPackage(join(mediaRoot, 'intros', jobId))) {
        Object.assign(entry, { status: 'ready', source: `intros/${jobId}` });
        return;
      }
      const song = await store.songs.get(songId);
      if (!song) throw new Error('the song is not in the library');
      // The name as it sounds (a "sounds like" respelling when the sender gave one); it is spoken, never shown.
      const text = introText(song.request.language, spokenName(song.request), song.sender);
      const { id } = await queue!.submit({ type: 'announcement', as: 'intro', text, language: song.request.language, tonic: 0, priority: 'dedication', id: jobId });
      await queue!.wait(id);
      Object.assign(entry, { status: 'ready', source: `intros/${id}` });
    } catch (error) {
      entry.status = 'failed';
      options.onError(songId, `the intro for ${songId} could not be made (${error instanceof Error ? error.message : String(error)}); playing the song without it`);
    }
  }

  return {
    request(songId) {
      if (!queue || intros.has(songId)) return;
      const entry: { status: 'making' | 'ready' | 'failed'; since: number; source?: string } = { status: 'making', since: now() };
      intros.set(songId, entry);
      void make(songId, entry).then(() => options.onSettled(songId));
    },
    settled(songId, at) {
      const intro = intros.get(songId);
      return !queue || !intro || intro.status !== 'making' || at - intro.since >= INTRO_WAIT_MS || at < intro.since;
    },
    async take(songId) {
      const intro = intros.get(songId);
      intros.delete(songId);
      if (intro?.status !== 'ready' || !intro.source) return undefined;
      const packaged = await readPackage(join(mediaRoot, intro.source));
      if (!packaged) throw new Error('its files are gone');
      return { source: intro.source, packaged };
    },
  };
}
