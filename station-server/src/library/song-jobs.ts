// Songs being made: a queue that runs a bounded number at a time (each song already uses both cores
// for its band). A finished song is packaged and enters the library.
import { rm } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { Stage } from '../composer/pipeline.js';
import { loadComposer } from '../composer/shutdown.js';
import type { Library, SongKind, SongRecord } from './library.js';
import { ingestSong } from './ingest.js';

export type JobStatus = 'queued' | 'composing' | 'ready' | 'failed';

export interface SongJob {
  id: string;
  status: JobStatus;
  stage?: Stage;
  error?: { code: string; message: string };
  /** Resolves with the song once it is in the library; rejects if it could not be made. */
  done: Promise<SongRecord>;
}

export interface SubmitOptions {
  /** How the song enters the library (default 'private': on no channel until an operator says so). */
  kind?: SongKind;
  onStage?: (stage: Stage) => void;
  /** Called when the job leaves the queue and starts. */
  onStart?: () => void;
}

export interface SongJobs {
  submit(request: SongRequest, options?: SubmitOptions): SongJob;
  get(id: string): SongJob | undefined;
  /** Jobs waiting before this one starts (0 when it is running or done). */
  position(id: string): number;
  /** Waits for running jobs to finish; queued ones are dropped. */
  destroy(): Promise<void>;
}

interface Queued {
  job: SongJob;
  request: SongRequest;
  dir: string;
  options: SubmitOptions;
  resolve: (song: SongRecord) => void;
  reject: (error: Error) => void;
}

export function createSongJobs(library: Library, concurrency: number, log: (line: string) => void, onReady?: (id: string) => void): SongJobs {
  const jobs = new Map<string, SongJob>();
  const queue: Queued[] = [];
  const running = new Set<Promise<void>>();
  let destroyed = false;

  const pump = (): void => {
    while (!destroyed && running.size < concurrency && queue.length > 0) {
      const { job, request, dir, options, resolve, reject } = queue.shift()!;
      job.status = 'composing';
      options.onStart?.();
      const seed = request.seed ?? randomInt(0, 2 ** 31 - 1);
      const work = loadComposer()
        .then(({ composeSong }) =>
          composeSong(request, seed, dir, {
            onStage: (e) => {
              if (e.phase !== 'start') return;
              job.stage = e.stage;
              options.onStage?.(e.stage);
            },
          }),
        )
        .then(async ({ manifest }) => {
          const song = await ingestSong(library, job.id, dir, manifest, options.kind ?? 'private');
          job.status = 'ready';
          onReady?.(job.id);
          resolve(song);
        })
        .catch(async (error: unknown) => {
          job.status = 'failed';
          job.error = { code: 'composition-failed', message: 'the song could not be made; please try again' };
          log(`song ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
          await rm(dir, { recursive: true, force: true });
          reject(error instanceof Error ? error : new Error(String(error)));
        })
        .finally(() => {
          running.delete(work);
          pump();
        });
      running.add(work);
    }
  };

  return {
    submit(request, options = {}) {
      const { id, dir } = library.reserve();
      let resolve!: (song: SongRecord) => void;
      let reject!: (error: Error) => void;
      const done = new Promise<SongRecord>((a, b) => {
        resolve = a;
        reject = b;
      });
      done.catch(() => undefined); // callers that do not wait still must not see an unhandled rejection
      const job: SongJob = { id, status: 'queued', done };
      jobs.set(id, job);
      queue.push({ job, request, dir, options, resolve, reject });
      pump();
      return job;
    },
    get: (id) => jobs.get(id),
    position: (id) => {
      const i = queue.findIndex((q) => q.job.id === id);
      return i < 0 ? 0 : i + 1;
    },
    async destroy() {
      destroyed = true;
      for (const q of queue.splice(0)) q.reject(new Error('the station is shutting down'));
      await Promise.allSettled([...running]);
    },
  };
}
