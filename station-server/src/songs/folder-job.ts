// The compose CLI's job: one song composed on the composer thread into a folder a person named, not
// into the library (no packaging, no row). It runs on a SongQueue like every song the station makes.
import type { ComposedSong, StageEvent } from '../composer/pipeline.js';
import { loadComposer } from '../composer/shutdown.js';
import type { SongRecord } from '../library/store.js';
import type { JobHandler } from './song-queue.js';

export interface FolderJobOptions {
  /** Every stage's start and end, with its time (the CLI's progress). */
  onStage?: (event: StageEvent) => void;
  /** The whole result (its manifest), once made. */
  made?: (song: ComposedSong) => void;
  /** Keep the lossless WAVs beside the compressed files (KEEP_WAV). */
  keepWav?: boolean;
}

/** Composes a song job's request with `seed` into `outDir`. */
export function folderJob(outDir: string, seed: number, options: FolderJobOptions = {}): JobHandler {
  return async (spec, context) => {
    if (spec.type !== 'song') throw new Error('the compose CLI makes songs only');
    const composed = await (await loadComposer()).composeSong(spec.request, seed, outDir, {
      ...(options.keepWav ? { keepWav: true } : {}),
      onStage: (e) => {
        options.onStage?.(e);
        if (e.phase === 'start') context.stage(e.stage);
      },
    });
    options.made?.(composed);
    const m = composed.manifest;
    // What the song would be as a library entry; nothing is stored.
    const song: SongRecord = {
      id: context.id,
      title: m.title,
      language: m.language,
      genre: m.genre,
      vibe: m.vibe,
      theme: m.theme,
      relation: m.request.relation ?? null,
      durationSec: m.durationSec,
      seed: m.seed,
      recipient: m.request.to,
      sender: m.request.from ?? null,
      createdAt: new Date().toISOString(),
      kind: 'private',
      request: m.request,
      lastAired: null,
    };
    return { type: 'song', song };
  };
}
