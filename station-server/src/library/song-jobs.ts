// Songs being made: a bounded queue that runs a bounded number at a time (each song already uses both
// cores for its band), in a fair order: a phone's dedication takes the next free composer, ahead of
// operators' API jobs, catalog filler and the starter catalog (FIFO within each class). A song's
// folder exists only while it is being composed or once it is in the library; finished jobs are
// remembered for a while, then the library answers for them.
import { mkdir, rm } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import type { SongRequest } from '@radio-optimism/shared';
import type { ComposeSongOptions, ComposedSong } from '../composer/pipeline.js';
import type { Stage } from '../composer/pipeline.js';
import { loadComposer } from '../composer/shutdown.js';
import type { SongManifest } from '../composer/manifest.js';
import type { Library, SongKind, SongRecord } from './library.js';
import { ingestSong } from './ingest.js';

export type JobStatus = 'queued' | 'composing' | 'ready' | 'failed';

/** Who asked for a song, highest priority first. */
export const JOB_PRIORITIES = ['dedication', 'operator', 'filler', 'starter'] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

export interface SongJob {
  id: string;
  status: JobStatus;
  priority: JobPriority;
  stage?: Stage;
  error?: { code: string; message: string };
  /** Resolves with the song once it is in the library; rejects if it could not be made. */
  done: Promise<SongRecord>;
}

export interface SubmitOptions {
  /** How the song enters the library (default 'private': on no channel until an operator says so). */
  kind?: SongKind;
  /** Its class in the queue (default 'operator'). */
  priority?: JobPriority;
  /** The id it was given when it was accepted, for a job made again after a restart (default: a new one). */
  id?: string;
  onStage?: (stage: Stage) => void;
  /** Called when the job leaves the queue and starts. */
  onStart?: () => void;
}

/** Why a new job was turned away (the queue is full for its class). */
export interface QueueFull {
  code: 'queue-full';
  message: string;
  /** A fair guess for Retry-After, in seconds. */
  retryAfterSec: number;
}

export interface SongJobs {
  /** Queues a song. It is always accepted: ask `full()` first for work from outside the station. */
  submit(request: SongRequest, options?: SubmitOptions): SongJob;
  /** Set when a new job of this class must be refused: `queueLimit` jobs would start before it. */
  full(priority: JobPriority): QueueFull | undefined;
  get(id: string): SongJob | undefined;
  /** Jobs that start before this one (0 when it is running or done). */
  position(id: string): number;
  /** Jobs remembered (queued, running and recently finished), for tests and health. */
  size(): number;
  /** Waits for running jobs to finish; queued ones are dropped. */
  destroy(): Promise<void>;
}

export type ComposeFn = (request: SongRequest, seed: number, outDir: string, options: ComposeSongOptions) => Promise<Pick<ComposedSong, 'manifest'>>;
export type IngestFn = (library: Library, id: string, dir: string, manifest: SongManifest, kind: SongKind) => Promise<SongRecord>;

export interface SongJobsOptions {
  /** Songs composed at once. */
  concurrency: number;
  log: (line: string) => void;
  onReady?: (id: string) => void;
  /** At most this many jobs may wait ahead of a new one of the same class (lower classes do not count). */
  queueLimit?: number;
  /** Finished jobs are remembered for at most this long and at most this many (then the library answers). */
  keepFinishedMs?: number;
  keepFinishedCount?: number;
  /** The composer and the packager; a unit test's edge puts fakes here. */
  compose?: ComposeFn;
  ingest?: IngestFn;
  now?: () => number;
}

export const DEFAULT_QUEUE_LIMIT = 50;
const DEFAULT_KEEP_MS = 60 * 60_000;
const DEFAULT_KEEP_COUNT = 500;
// About how long one song takes on a busy 2-core box; only used to suggest Retry-After.
const SECONDS_PER_SONG = 30;

interface Queued {
  job: SongJob;
  request: SongRequest;
  options: SubmitOptions;
  resolve: (song: SongRecord) => void;
  reject: (error: Error) => void;
}

const realCompose: ComposeFn = async (request, seed, outDir, options) => (await loadComposer()).composeSong(request, seed, outDir, options);

export function createSongJobs(library: Library, options: SongJobsOptions): SongJobs {
  const { concurrency, log, onReady } = options;
  const queueLimit = options.queueLimit ?? DEFAULT_QUEUE_LIMIT;
  const keepMs = options.keepFinishedMs ?? DEFAULT_KEEP_MS;
  const keepCount = options.keepFinishedCount ?? DEFAULT_KEEP_COUNT;
  const compose = options.compose ?? realCompose;
  const ingest = options.ingest ?? ingestSong;
  const now = options.now ?? Date.now;
  const jobs = new Map<string, SongJob>();
  const queues = new Map<JobPriority, Queued[]>(JOB_PRIORITIES.map((p) => [p, []]));
  const finished: { id: string; at: number }[] = [];
  const running = new Set<Promise<void>>();
  let destroyed = false;

  const next = (): Queued | undefined => {
    for (const p of JOB_PRIORITIES) {
      const q = queues.get(p)!;
      if (q.length) return q.shift();
    }
    return undefined;
  };
  /** Forgets finished jobs past their time or beyond the count kept. */
  const prune = (): void => {
    const at = now();
    while (finished.length && (finished.length > keepCount || at - finished[0]!.at > keepMs)) jobs.delete(finished.shift()!.id);
  };
  const finish = (job: SongJob): void => {
    finished.push({ id: job.id, at: now() });
    prune();
  };

  const start = ({ job, request, options: o, resolve, reject }: Queued): void => {
    job.status = 'composing';
    o.onStart?.();
    const seed = request.seed ?? randomInt(0, 2 ** 31 - 1);
    // The folder is made only now, so a queue that is dropped (shutdown, crash) leaves none behind.
    const dir = library.dirOf(job.id);
    const work = mkdir(dir, { recursive: true })
      .then(() =>
        compose(request, seed, dir, {
          onStage: (e) => {
            if (e.phase !== 'start') return;
            job.stage = e.stage;
            o.onStage?.(e.stage);
          },
        }),
      )
      .then(async ({ manifest }) => {
        const song = await ingest(library, job.id, dir, manifest, o.kind ?? 'private');
        job.status = 'ready';
        finish(job);
        onReady?.(job.id);
        resolve(song);
      })
      .catch(async (error: unknown) => {
        job.status = 'failed';
        job.error = { code: 'composition-failed', message: 'the song could not be made; please try again' };
        log(`song ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        await rm(dir, { recursive: true, force: true }).catch(() => undefined);
        finish(job);
        reject(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => {
        running.delete(work);
        pump();
      });
    running.add(work);
  };

  const pump = (): void => {
    while (!destroyed && running.size < concurrency) {
      const item = next();
      if (!item) return;
      start(item);
    }
  };

  const ahead = (priority: JobPriority): number => {
    let n = 0;
    for (const p of JOB_PRIORITIES) {
      n += queues.get(p)!.length;
      if (p === priority) break;
    }
    return n;
  };

  return {
    submit(request, o = {}) {
      let id = o.id;
      if (id === undefined || jobs.has(id)) {
        do id = library.newId();
        while (jobs.has(id));
      }
      let resolve!: (song: SongRecord) => void;
      let reject!: (error: Error) => void;
      const done = new Promise<SongRecord>((a, b) => {
        resolve = a;
        reject = b;
      });
      done.catch(() => undefined); // callers that do not wait still must not see an unhandled rejection
      const priority = o.priority ?? 'operator';
      const job: SongJob = { id, status: 'queued', priority, done };
      jobs.set(id, job);
      queues.get(priority)!.push({ job, request, options: o, resolve, reject });
      pump();
      return job;
    },
    full(priority) {
      const waiting = ahead(priority);
      if (waiting < queueLimit) return undefined;
      return {
        code: 'queue-full',
        message: `the station is busy: ${waiting} songs are waiting; try again in a few minutes`,
        retryAfterSec: Math.max(30, Math.ceil((waiting * SECONDS_PER_SONG) / Math.max(1, concurrency))),
      };
    },
    get(id) {
      prune();
      return jobs.get(id);
    },
    position(id) {
      const job = jobs.get(id);
      if (!job || job.status !== 'queued') return 0;
      let n = 0;
      for (const p of JOB_PRIORITIES) {
        const q = queues.get(p)!;
        if (p === job.priority) return n + q.findIndex((x) => x.job.id === id) + 1;
        n += q.length;
      }
      return 0;
    },
    size: () => jobs.size,
    async destroy() {
      destroyed = true;
      for (const q of queues.values())
        for (const item of q.splice(0)) {
          jobs.delete(item.job.id);
          item.reject(new Error('the station is shutting down'));
        }
      await Promise.allSettled([...running]);
    },
  };
}
