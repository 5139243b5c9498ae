// The song queue inside the station process (the embedded default): bounded, a bounded number of jobs
// at a time (each song already uses both cores for its band), in a fair order: a phone's dedication
// takes the next free composer, ahead of operators' API jobs, catalog filler and the starter catalog
// (FIFO within each class). Finished jobs are remembered for a while, then the store answers for
// them. What a job does is the JobHandler from its options (make-job.ts), as hls.js takes its parts
// from config; BullMQ's worker runs the same handler.
import { randomBytes } from 'node:crypto';
import { JOB_PRIORITIES, QueueStoppedError, type JobHandler, type JobPriority, type JobResult, type JobState, type QueueFull, type QueueListener, type SongJobSpec, type SongQueue } from './song-queue.js';

export interface LocalQueueOptions {
  /** Jobs run at once. */
  concurrency: number;
  /** Makes one job (make-job.ts; a unit test's edge puts a fake here). */
  handler: JobHandler;
  log: (line: string) => void;
  /** A fresh id for a job that brings none (default: random; the station asks the store for a song id). */
  newId?: () => Promise<string>;
  /** At most this many jobs may wait ahead of a new one of the same class (lower classes do not count). */
  queueLimit?: number;
  /** Finished jobs are remembered for at most this long and at most this many (then the store answers). */
  keepFinishedMs?: number;
  keepFinishedCount?: number;
  now?: () => number;
}

export const DEFAULT_QUEUE_LIMIT = 50;
const DEFAULT_KEEP_MS = 60 * 60_000;
const DEFAULT_KEEP_COUNT = 500;
// About how long one song takes on a busy 2-core box; only used to suggest Retry-After.
const SECONDS_PER_SONG = 30;

interface Job {
  state: JobState;
  spec: SongJobSpec;
  done: Promise<JobResult>;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

export interface LocalQueue extends SongQueue {
  /** Jobs remembered (queued, running and recently finished), for tests and health. */
  size(): number;
}

export function createLocalQueue(options: LocalQueueOptions): LocalQueue {
  const { concurrency, handler, log } = options;
  const queueLimit = options.queueLimit ?? DEFAULT_QUEUE_LIMIT;
  const keepMs = options.keepFinishedMs ?? DEFAULT_KEEP_MS;
  const keepCount = options.keepFinishedCount ?? DEFAULT_KEEP_COUNT;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (async () => randomBytes(6).toString('base64url'));
  const jobs = new Map<string, Job>();
  const queues = new Map<JobPriority, Job[]>(JOB_PRIORITIES.map((p) => [p, []]));
  const finished: { id: string; at: number }[] = [];
  const running = new Set<Promise<void>>();
  const listeners = new Set<QueueListener>();
  let destroyed = false;

  const tell = (f: (l: QueueListener) => void): void => {
    for (const l of listeners) {
      try {
        f(l);
      } catch (error) {
        log(`a song queue listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  const nextJob = (): Job | undefined => {
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
  const finish = (job: Job): void => {
    finished.push({ id: job.state.id, at: now() });
    prune();
  };

  const start = (job: Job): void => {
    const { state } = job;
    state.status = 'composing';
    tell((l) => l.started?.(state.id));
    const work = handler(job.spec, {
      id: state.id,
      stage: (stage) => {
        state.stage = stage;
        tell((l) => l.stage?.(state.id, stage));
      },
      playable: (song) => tell((l) => l.playable?.(state.id, song)),
    })
      .then((result) => {
        state.status = 'ready';
        finish(job);
        tell((l) => l.ready?.(state.id, result));
        job.resolve(result);
      })
      .catch((error: unknown) => {
        if (destroyed) {
          // Stopped with the station, not failed: an accepted song stays stored and is made at the next start.
          state.status = 'queued';
          log(`${job.spec.type} ${state.id} was stopped with the station (${error instanceof Error ? error.message : String(error)})`);
          job.reject(new QueueStoppedError());
          return;
        }
        state.status = 'failed';
        state.error = { code: 'composition-failed', message: 'the song could not be made; please try again' };
        log(`${job.spec.type} ${state.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        finish(job);
        tell((l) => l.failed?.(state.id, state.error!));
        job.reject(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => {
        running.delete(work);
        pump();
      });
    running.add(work);
  };

  const pump = (): void => {
    while (!destroyed && running.size < concurrency) {
      const job = nextJob();
      if (!job) return;
      start(job);
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
  const position = (job: Job): number => {
    if (job.state.status !== 'queued') return 0;
    let n = 0;
    for (const p of JOB_PRIORITIES) {
      const q = queues.get(p)!;
      if (p === job.state.priority) return n + q.indexOf(job) + 1;
      n += q.length;
    }
    return 0;
  };

  return {
    async submit(spec) {
      if (destroyed) throw new Error('the song queue is stopped');
      let id = spec.id;
      // A job the queue holds already (queued, running or made) is not queued twice: a restart's
      // resumption and the run that queued it may both ask. One that failed is made again, anew.
      const known = id === undefined ? undefined : jobs.get(id);
      if (known && known.state.status !== 'failed') return { id: known.state.id };
      if (id === undefined || known) {
        do id = await newId();
        while (jobs.has(id));
      }
      let resolve!: (result: JobResult) => void;
      let reject!: (error: Error) => void;
      const done = new Promise<JobResult>((a, b) => {
        resolve = a;
        reject = b;
      });
      done.catch(() => undefined); // callers that do not wait still must not see an unhandled rejection
      const job: Job = { state: { id, type: spec.type, status: 'queued', priority: spec.priority, position: 0 }, spec: { ...spec, id }, done, resolve, reject };
      jobs.set(id, job);
      queues.get(spec.priority)!.push(job);
      pump();
      return { id };
    },
    async full(priority): Promise<QueueFull | undefined> {
      const waiting = ahead(priority);
      if (waiting < queueLimit) return undefined;
      return {
        code: 'queue-full',
        message: `the station is busy: ${waiting} songs are waiting; try again in a few minutes`,
        retryAfterSec: Math.max(30, Math.ceil((waiting * SECONDS_PER_SONG) / Math.max(1, concurrency))),
      };
    },
    async state(id) {
      prune();
      const job = jobs.get(id);
      return job && { ...job.state, position: position(job) };
    },
    wait(id) {
      const job = jobs.get(id);
      return job ? job.done : Promise.reject(new Error(`no job ${id} in the queue`));
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => jobs.size,
    async destroy() {
      destroyed = true;
      for (const q of queues.values())
        for (const job of q.splice(0)) {
          jobs.delete(job.state.id);
          job.reject(new QueueStoppedError());
        }
      await Promise.allSettled([...running]);
    },
  };
}
