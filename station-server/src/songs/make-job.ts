// The JobHandler: what one job does, wherever it runs (the local queue or a BullMQ worker). A song is
// composed on composer threads into the media store's working folder, checked, packaged, published
// and added to the store; an announcement (a station ID or a dedication's intro) is spoken over a bed
// and packaged the same way. What fails leaves no files behind.
import { randomInt } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { ComposeSongOptions, ComposedSong } from '../composer/pipeline.js';
import { loadComposer } from '../composer/shutdown.js';
import type { SongManifest } from '../composer/manifest.js';
import type { MediaStore } from '../media/media-store.js';
import type { SongKind, SongRecord, Store } from '../library/store.js';
import type { JobHandler } from './song-queue.js';
import { ingestSong, introKey, songKey } from './ingest.js';
import { makeAnnouncement } from './make-announcement.js';

export type ComposeFn = (request: SongRequest, seed: number, outDir: string, options: ComposeSongOptions) => Promise<Pick<ComposedSong, 'manifest'>>;
export type IngestFn = (store: Store, media: MediaStore, id: string, manifest: SongManifest, kind: SongKind) => Promise<SongRecord>;
export type AnnounceFn = (text: string, language: SongRequest['language'], dir: string, tonic: number) => Promise<{ durationSec: number }>;

export interface MakeJobOptions {
  store: Store;
  media: MediaStore;
  /** The composer, the packager and the announcer; a unit test's edge puts fakes here. */
  compose?: ComposeFn;
  ingest?: IngestFn;
  announce?: AnnounceFn;
}

const realCompose: ComposeFn = async (request, seed, outDir, options) => (await loadComposer()).composeSong(request, seed, outDir, options);

export function createJobHandler(options: MakeJobOptions): JobHandler {
  const { store, media } = options;
  const compose = options.compose ?? realCompose;
  const ingest = options.ingest ?? ingestSong;
  const announce = options.announce ?? makeAnnouncement;
  return async (spec, context) => {
    const id = context.id;
    const key = spec.type === 'announcement' && spec.as === 'intro' ? introKey(id) : songKey(id);
    try {
      // The folder is made only now, so a queue that is dropped (shutdown, crash) leaves none behind.
      const dir = media.workDir(key);
      if (spec.type === 'song') {
        const seed = spec.request.seed ?? randomInt(0, 2 ** 31 - 1);
        const { manifest } = await compose(spec.request, seed, dir, {
          onStage: (e) => {
            if (e.phase === 'start') context.stage(e.stage);
          },
          // Only a local folder is served while it is made; a bucket gets the song when it is whole.
          ...(media.kind === 'local' && context.playable ? { onPlayable: context.playable } : {}),
        });
        return { type: 'song', song: await ingest(store, media, id, manifest, spec.kind) };
      }
      const made = await announce(spec.text, spec.language, dir, spec.tonic);
      await media.publish(key);
      if (spec.as === 'jingle') {
        const request = { message: spec.text, to: 'Radio Optimism', genre: 'pop', vibe: 'upbeat', language: spec.language } as const;
        await store.songs.add(id, { title: 'Radio Optimism', durationSec: made.durationSec, language: spec.language, genre: 'pop', vibe: 'upbeat', theme: 'celebration', seed: 0, request }, 'jingle');
      }
      return { type: 'announcement', id, durationSec: made.durationSec };
    } catch (error) {
      await media.remove(key).catch(() => undefined);
      throw error;
    }
  };
}
