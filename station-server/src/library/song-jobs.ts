// Songs being made on request (POST /api/v1/songs): a queue that runs a bounded number at a time.
// Each finished song enters the library.
import { rm } from 'node:fs/promises';
import type { SongRequest } from '@radio-optimism/shared';
import { randomInt } from 'node:crypto';
import type { Stage } from '../composer/pipeline.js';
import { loadComposer } from '../composer/shutdown.js';
import type { Library } from './library.js';
import { ingestSong } from './ingest.js';

export type JobStatus = 'queued' | 'composing' | 'ready' | 'failed';

export interface SongJob {
  id: string;
  status: JobStatus;
  stage?: Stage;
  error?: { code: string; message: string };
}

export interface SongJobs {
  submit(request: SongRequest): SongJob;
  get(id: string): SongJob | undefined;
  /** Waits for running jobs to finish; queued ones are dropped. */
  destroy(): Promise<void>;
}

export function createSongJobs(library: Library, concurrency: number, log: (line: string) => void, onReady?: (id: string) => void): SongJobs {
  const jobs = new Map<string, SongJob>();
  const queue: { job: SongJob; request: SongRequest; dir: string }[] = [];
  const running = new Set<Promise<void>>();
  let destroyed = false;

  const pump = (): void => {
    while (!destroyed && running.size < concurrency && queue.length > 0) {
      const { job, request, dir } = queue.shift()!;
      job.status = 'composing';
      const seed = request.seed ?? randomInt(0, 2 ** 31 - 1);
      const work = loadComposer()
        .then(({ composeSong }) => composeSong(request, seed, dir, { onStage: (e) => { if (e.phase === 'start') job.stage = e.stage; } }))
        .then(async ({ manifest }) => {
          await ingestSong(library, job.id, dir, manifest);
          job.status = 'ready';
          onReady?.(job.id);
        })
        .catch(async (error: unknown) => {
          job.status = 'failed';
          job.error = { code: 'composition-failed', message: 'the song could not be made; please try again' };
          log(`song ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
          await rm(dir, { recursive: true, force: true });
        })
        .finally(() => {
          running.delete(work);
          pump();
        });
      running.add(work);
    }
  };

  return {
    submit(request) {
      const { id, dir } = library.reserve();
      const job: SongJob = { id, status: 'queued' };
      jobs.set(id, job);
      queue.push({ job, request, dir });
      pump();
      return job;
    },
    get: (id) => jobs.get(id),
    async destroy() {
      destroyed = true;
      queue.length = 0;
      await Promise.allSettled([...running]);
    },
  };
}
