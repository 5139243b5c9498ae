// The JobHandler: what one job does, wherever it runs (the local queue or a BullMQ worker). A song is
// composed on composer threads into the media store's working folder, checked, packaged, published
// and added to the store; an announcement (a station ID or a dedication's intro) is spoken over a bed
// and packaged the same way. What fails leaves no files behind.
import { randomInt } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { ComposeSongOptions, ComposedSong, PlayableSong } from '../composer/pipeline.js';
import { loadComposer } from '../composer/shutdown.js';
import type { SongManifest } from '../composer/manifest.js';
import type { MediaStore } from '../media/media-store.js';
import type { SongKind, SongRecord, Store } from '../library/store.js';
import type { JobHandler } from './song-queue.js';
import { ingestSong, introKey, songKey } from './ingest.js';
import { makeAnnouncement } from './make-announcement.js';
import { growingUpload } from './growing-upload.js';

export type ComposeFn = (request: SongRequest, seed: number, outDir: string, options: ComposeSongOptions) => Promise<Pick<ComposedSong, 'manifest'>>;
export type IngestFn = (store: Store, media: MediaStore, id: string, manifest: SongManifest, kind: SongKind, stored?: ReadonlySet<string>) => Promise<SongRecord>;
export type AnnounceFn = (text: string, language: SongRequest['language'], dir: string, tonic: number) => Promise<{ durationSec: number }>;

export interface MakeJobOptions {
  store: Store;
  media: MediaStore;
  /** The composer, the packager and the announcer; a unit test's edge puts fakes here. */
  compose?: ComposeFn;
  ingest?: IngestFn;
  announce?: AnnounceFn;
  /** How often a song made into a bucket stores its newly listed segments while it is made (default 500 ms). */
  partSyncMs?: number;
  log?: (line: string) => void;
}

const realCompose: ComposeFn = async (request, seed, outDir, options) => (await loadComposer()).composeSong(request, seed, outDir, options);

export function createJobHandler(options: MakeJobOptions): JobHandler {
  const { store, media } = options;
  const compose = options.compose ?? realCompose;
  const ingest = options.ingest ?? ingestSong;
  const announce = options.announce ?? makeAnnouncement;
  const syncMs = options.partSyncMs ?? 500;
  const log = options.log ?? ((line: string) => console.error(line));
  return async (spec, context) => {
    const id = context.id;
    const key = spec.type === 'announcement' && spec.as === 'intro' ? introKey(id) : songKey(id);
    try {
      // The folder is made only now, so a queue that is dropped (shutdown, crash) leaves none behind.
      const dir = media.workDir(key);
      if (spec.type === 'song') {
        const seed = spec.request.seed ?? randomInt(0, 2 ** 31 - 1);
        // A local folder is served as it is made; a bucket is sent each part as it is packaged, for a
        // phone's songs only (only those are offered early: the rest would be requests for nobody).
        const parts = media.kind !== 'local' && context.playable && spec.priority === 'dedication' ? growingUpload(media, key) : undefined;
        // What an earlier try of this job (on a worker that died) stored must not be offered as this one.
        if (parts) await media.remove(key);
        let ticker: NodeJS.Timeout | undefined;
        let made = false;
        const onPlayable = media.kind === 'local'
          ? context.playable
          : !parts
            ? undefined
            : (song: PlayableSong) => {
              if (ticker !== undefined) return;
              // Offered once its first part is in the bucket; a part that cannot be stored only means
              // the song is offered when it is whole.
              parts.sync().then(
                () => {
                  if (!made) context.playable!(song);
                },
                (error: unknown) => {
                  log(`song ${id}: its first part could not be stored (${error instanceof Error ? error.message : String(error)}); it is offered when whole`);
                  clearInterval(ticker);
                  void parts.stop();
                },
              );
              ticker = setInterval(() => void parts.sync().catch(() => undefined), syncMs);
            };
        let manifest: SongManifest;
        try {
          ({ manifest } = await compose(spec.request, seed, dir, {
            onStage: (e) => {
              if (e.phase === 'start') context.stage(e.stage);
            },
            ...(onPlayable ? { onPlayable } : {}),
          }));
        } finally {
          made = true;
          clearInterval(ticker);
          await parts?.stop();
        }
        return { type: 'song', song: await ingest(store, media, id, manifest, spec.kind, parts?.stored) };
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
